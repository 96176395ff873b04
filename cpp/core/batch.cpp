#include "batch.hpp"

#include "validation.hpp"

namespace activation {

std::string evaluate_checked(const ActivationSpec& spec, Which which, const double* x, double* out,
                             std::size_t n, const ParamValues& values, const Piece* pieces,
                             std::size_t piece_count) {
  if (spec.kind != Kind::scalar) return std::string(spec.slug) + " is not a scalar activation";
  Arguments args;
  args.values = values;
  std::string error = check_params(spec, args.values);
  if (!error.empty()) return error;
  if (spec.slug == "maxout") {
    error = check_pieces(pieces, piece_count);
    if (!error.empty()) return error;
    args.pieces = pieces;
    args.piece_count = piece_count;
  }
  const BatchFn fn = which == Which::value ? spec.f_batch
                     : which == Which::derivative ? spec.df_batch
                                                  : spec.param_derivative_batch;
  if (fn == nullptr) return std::string(spec.slug) + " has no learnable parameter";
  fn(x, out, n, args);
  return {};
}

void sample(const ActivationSpec& spec, double xmin, double xmax, std::size_t n,
            const Arguments& args, double* x, double* y, double* dy) noexcept {
  // x_i = xmin + i*step, with the last point pinned to xmax so rounding cannot overshoot.
  const double step_size = (xmax - xmin) / static_cast<double>(n - 1);
  for (std::size_t i = 0; i + 1 < n; ++i) x[i] = xmin + static_cast<double>(i) * step_size;
  x[n - 1] = xmax;
  spec.f_batch(x, y, n, args);
  spec.df_batch(x, dy, n, args);
}

}  // namespace activation
