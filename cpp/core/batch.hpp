// The batch API: whole arrays in, whole arrays out. What the bindings and benchmarks call.
#pragma once

#include <cstddef>
#include <string>

#include "registry.hpp"

namespace activation {

// out[i] = f(x[i]) and out[i] = f'(x[i]) for a scalar activation.
inline void evaluate(const ActivationSpec& spec, const double* x, double* out, std::size_t n,
                     const Arguments& args) noexcept {
  spec.f_batch(x, out, n, args);
}
inline void derivative(const ActivationSpec& spec, const double* x, double* out, std::size_t n,
                       const Arguments& args) noexcept {
  spec.df_batch(x, out, n, args);
}

enum class Which { value, derivative, parameter };

// The checked call behind the public batch APIs (the wasm exports, and what the native
// benchmark times so both sides do the same work): checks the parameters (and maxout's
// pieces), then writes f, f' or df/d(first parameter) of n doubles at x to out.
// Returns "" on success, else why nothing was written.
std::string evaluate_checked(const ActivationSpec& spec, Which which, const double* x, double* out,
                             std::size_t n, const ParamValues& values, const Piece* pieces,
                             std::size_t piece_count);

// n evenly spaced points from xmin to xmax (both included), with f and f' at each.
void sample(const ActivationSpec& spec, double xmin, double xmax, std::size_t n,
            const Arguments& args, double* x, double* y, double* dy) noexcept;

}  // namespace activation
