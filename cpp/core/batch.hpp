// The batch API: whole arrays in, whole arrays out. The unchecked calls are for code that
// already holds valid arguments (tests, the benchmark); the *_checked calls are what the
// bindings export, so every check on user input is made here, once.
#pragma once

#include <cstddef>
#include <string>

#include "registry.hpp"

namespace activation {

// out[i] = f(x[i]) and out[i] = f'(x[i]) for a function with a curve.
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

// ---- checked calls: each returns "" on success, else why nothing was written.

// Checks the parameters (and, for the pieces kind, the pieces) and gathers them into out.
std::string make_arguments(const ActivationSpec& spec, const ParamValues& values,
                           const Piece* pieces, std::size_t piece_count, Arguments& out);

enum class Which { value, derivative, parameter };

// f, f' or df/d(first parameter) of n doubles at x, into out.
std::string evaluate_checked(const ActivationSpec& spec, Which which, const double* x, double* out,
                             std::size_t n, const ParamValues& values, const Piece* pieces,
                             std::size_t piece_count);

// sample() after checking the range and the point count (a double: it comes from a user).
std::string sample_checked(const ActivationSpec& spec, double xmin, double xmax, double n,
                           const ParamValues& values, const Piece* pieces, std::size_t piece_count,
                           double* x, double* y, double* dy);

std::string properties_checked(const ActivationSpec& spec, const ParamValues& values,
                               const Piece* pieces, std::size_t piece_count, Properties& out);

// The pieces kind: the index of the winning piece at each x, as doubles.
std::string argmax_checked(const ActivationSpec& spec, const double* x, double* out, std::size_t n,
                           const Piece* pieces, std::size_t piece_count);

// The vector kind: the outputs (n), the Jacobian (n*n, row-major) or its diagonal (n).
enum class VectorWhich { value, jacobian, diagonal };
std::string vector_checked(const ActivationSpec& spec, VectorWhich which, const double* z,
                           std::size_t n, const ParamValues& values, double* out);

}  // namespace activation
