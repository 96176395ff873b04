#include "batch.hpp"

namespace activation {

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
