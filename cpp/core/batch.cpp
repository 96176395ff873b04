#include "batch.hpp"

#include <vector>

#include "validation.hpp"

namespace activation {

namespace {
// The checks return "" on the way through; each named result is returned as it is (NRVO), so
// a call that passes makes no string beyond that one: a batch call's fixed cost is ~35 ns.
std::string not_a_curve(const ActivationSpec& spec) {
  return std::string(spec.slug) + " works on whole vectors, not on single x";
}
}  // namespace

void sample(const ActivationSpec& spec, double xmin, double xmax, std::size_t n,
            const Arguments& args, double* x, double* y, double* dy) noexcept {
  // x_i = xmin + i*step, with the last point pinned to xmax so rounding cannot overshoot.
  const double step_size = (xmax - xmin) / static_cast<double>(n - 1);
  for (std::size_t i = 0; i + 1 < n; ++i) x[i] = xmin + static_cast<double>(i) * step_size;
  x[n - 1] = xmax;
  spec.f_batch(x, y, n, args);
  spec.df_batch(x, dy, n, args);
}

std::string make_arguments(const ActivationSpec& spec, const ParamValues& values,
                           const Piece* pieces, std::size_t piece_count, Arguments& out) {
  std::string error = check_params(spec, values);
  if (spec.kind == Kind::pieces && error.empty()) error = check_pieces(spec, pieces, piece_count);
  if (!error.empty()) return error;
  out.values = values;
  out.pieces = spec.kind == Kind::pieces ? pieces : nullptr;
  out.piece_count = spec.kind == Kind::pieces ? piece_count : 0;
  return error;
}

std::string evaluate_checked(const ActivationSpec& spec, Which which, const double* x, double* out,
                             std::size_t n, const ParamValues& values, const Piece* pieces,
                             std::size_t piece_count) {
  if (!has_curve(spec)) return not_a_curve(spec);
  Arguments args;
  std::string error = make_arguments(spec, values, pieces, piece_count, args);
  if (!error.empty()) return error;
  const BatchFn fn = which == Which::value ? spec.f_batch
                     : which == Which::derivative ? spec.df_batch
                                                  : spec.param_derivative_batch;
  if (fn == nullptr) return std::string(spec.slug) + " has no learnable parameter";
  fn(x, out, n, args);
  return error;
}

std::string sample_checked(const ActivationSpec& spec, double xmin, double xmax, double n,
                           const ParamValues& values, const Piece* pieces, std::size_t piece_count,
                           double* x, double* y, double* dy) {
  if (!has_curve(spec)) return not_a_curve(spec);
  Arguments args;
  std::string error = make_arguments(spec, values, pieces, piece_count, args);
  if (error.empty()) error = check_sample_range(xmin, xmax, n);
  if (!error.empty()) return error;
  sample(spec, xmin, xmax, static_cast<std::size_t>(n), args, x, y, dy);
  return error;
}

std::string properties_checked(const ActivationSpec& spec, const ParamValues& values,
                               const Piece* pieces, std::size_t piece_count, Properties& out) {
  Arguments args;
  const std::string error = make_arguments(spec, values, pieces, piece_count, args);
  if (error.empty()) out = spec.properties(args);
  return error;
}

std::string argmax_checked(const ActivationSpec& spec, const double* x, double* out, std::size_t n,
                           const Piece* pieces, std::size_t piece_count) {
  if (spec.argmax_batch == nullptr) return std::string(spec.slug) + " has no pieces";
  Arguments args;
  const std::string error = make_arguments(spec, default_params(spec), pieces, piece_count, args);
  if (error.empty()) spec.argmax_batch(x, out, n, args);
  return error;
}

std::string vector_checked(const ActivationSpec& spec, VectorWhich which, const double* z,
                           std::size_t n, const ParamValues& values, double* out) {
  if (spec.kind != Kind::vector) return std::string(spec.slug) + " is not a vector function";
  std::string error = check_vector_length(spec, n, which == VectorWhich::jacobian);
  if (error.empty()) error = check_params(spec, values);
  if (!error.empty()) return error;
  spec.vector_f(z, n, values, out);
  if (which == VectorWhich::value) return {};
  // The Jacobian and its diagonal reuse the outputs, so they are computed first.
  const std::vector<double> s(out, out + n);
  (which == VectorWhich::jacobian ? spec.jacobian : spec.jacobian_diagonal)(s.data(), n, values, out);
  return {};
}

}  // namespace activation
