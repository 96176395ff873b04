// The batch API: whole arrays in, whole arrays out. What the bindings and benchmarks call.
#pragma once

#include <cstddef>

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

// n evenly spaced points from xmin to xmax (both included), with f and f' at each.
void sample(const ActivationSpec& spec, double xmin, double xmax, std::size_t n,
            const Arguments& args, double* x, double* y, double* dy) noexcept;

}  // namespace activation
