// Softmax over a vector of logits with a temperature, and its Jacobian.
#pragma once

#include <cstddef>

namespace activation {

inline constexpr std::size_t kSoftmaxMaxLength = 100000;
inline constexpr std::size_t kSoftmaxJacobianMaxLength = 256;
inline constexpr double kTemperatureMin = 0.05;
inline constexpr double kTemperatureMax = 20.0;

// out[i] = exp(z[i]/T) / sum_j exp(z[j]/T), within a few ULP for any finite logits.
// Preconditions (checked by validation.hpp, not here): n >= 1, T in range.
void softmax(const double* logits, std::size_t n, double temperature, double* out) noexcept;

// d softmax_i / d z_j = s_i (delta_ij - s_j) / T, written row-major into out[n*n].
// `probabilities` is softmax(logits, T), so the Jacobian reuses the forward result.
void softmax_jacobian(const double* probabilities, std::size_t n, double temperature,
                      double* out) noexcept;

// The Jacobian's diagonal, s_i (1 - s_i) / T: what "the derivative" of a vector
// function means for a single logit with the others held fixed.
void softmax_jacobian_diagonal(const double* probabilities, std::size_t n, double temperature,
                               double* out) noexcept;

}  // namespace activation
