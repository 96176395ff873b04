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

// out[i] = log softmax(z, T)_i = (z_i - max)/T - log(sum_j exp((z_j - max)/T)), without ever
// forming the probabilities: finite wherever the true value is (a probability that
// underflows to 0 still has a finite logarithm), within a few ULP.
void log_softmax(const double* logits, std::size_t n, double temperature, double* out) noexcept;

// d log softmax_i / d z_j = (delta_ij - s_j) / T, from the log-probabilities `log_probabilities`
// (s_j = exp of them), row-major into out[n*n]; and its diagonal, -expm1(l_i) / T.
void log_softmax_jacobian(const double* log_probabilities, std::size_t n, double temperature,
                          double* out) noexcept;
void log_softmax_jacobian_diagonal(const double* log_probabilities, std::size_t n, double temperature,
                                   double* out) noexcept;

}  // namespace activation
