// Scalar activations and their derivatives, in forms that stay accurate for every double.
// Conventions at kinks follow the seed article's code and PyTorch (see each comment).
#pragma once

#include <cmath>

#include "unit_log1p.hpp"

namespace activation {

namespace detail {
// exp(-|x|) never overflows, which is what makes the sign-split forms below stable.
inline double exp_minus_abs(double x) noexcept { return std::exp(-std::fabs(x)); }

// 1 + e for 0 <= e <= 1, with the part that rounding dropped (exact, Fast2Sum). Dividing by
// sum and then correcting by lost/sum removes one rounding from every quotient below.
struct OnePlus {
  double sum;
  double lost;
};
inline OnePlus one_plus(double e) noexcept {
  const double sum = 1.0 + e;
  return {sum, e - (sum - 1.0)};
}
// n / (1 + e) to within about one rounding.
inline double over_one_plus(double n, double e) noexcept {
  const OnePlus d = one_plus(e);
  const double q = n / d.sum;
  return q - q * (d.lost / d.sum);
}
// n / (1 + e)^2 likewise.
inline double over_one_plus_squared(double n, double e) noexcept {
  const OnePlus d = one_plus(e);
  const double q = n / (d.sum * d.sum);
  return q - 2.0 * q * (d.lost / d.sum);
}
}  // namespace detail

// ---- step: 1 for x > 0, else 0; derivative 0 everywhere (the jump at 0 has none).
inline double step(double x) noexcept {
  if (std::isnan(x)) return x;
  return x > 0.0 ? 1.0 : 0.0;
}
inline double step_derivative(double x) noexcept { return std::isnan(x) ? x : 0.0; }

// ---- sigmoid: 1/(1+e^-x). Sign-split so exp never sees a large positive argument.
inline double sigmoid(double x) noexcept {
  const double e = detail::exp_minus_abs(x);  // in (0, 1]
  return detail::over_one_plus(x >= 0.0 ? 1.0 : e, e);
}
// s(1-s) loses everything once s rounds to 1 (x > ~37); e/(1+e)^2 keeps the tiny tail.
inline double sigmoid_derivative(double x) noexcept {
  const double e = detail::exp_minus_abs(x);
  return detail::over_one_plus_squared(e, e);
}

// ---- tanh: never (e^x - e^-x)/(e^x + e^-x), which is inf/inf = NaN past |x| ~ 710.
// From |x| = 0.55 on, (1 - e)/(1 + e) with e = exp(-2|x|) <= 1/3 and both sums' rounding
// corrected: within about 1 ULP and cheaper than a library tanh (one exp, no expm1).
// Closer to 0 that quotient would cancel, so std::tanh (expm1-based) takes over.
inline constexpr double kTanhExpFrom = 0.55;
inline double tanh(double x) noexcept {
  const double a = std::fabs(x);
  if (!(a >= kTanhExpFrom)) return std::tanh(x);  // also NaN
  const double e = std::exp(-2.0 * a);
  const double n = 1.0 - e;
  const double n_lost = (1.0 - n) - e;  // exact (Fast2Sum): 1 - e = n + n_lost
  const detail::OnePlus d = detail::one_plus(e);
  const double q = n / d.sum;
  return std::copysign(q + q * (n_lost / n - d.lost / d.sum), x);
}
// 1 - tanh^2 cancels to 0 for |x| > ~19; 4e/(1+e)^2 with e = exp(-2|x|) does not.
inline double tanh_derivative(double x) noexcept {
  const double e = std::exp(-2.0 * std::fabs(x));
  return detail::over_one_plus_squared(4.0 * e, e);
}

// ---- relu: max(0, x), NaN propagating; f'(0) = 0 like the seed's code and PyTorch.
// One comparison (NaN <= 0 is false, so NaN passes through): one compare and select per
// lane in SIMD, which made wasm's relu loop about 1.5x faster than the two-test form.
inline constexpr double relu(double x) noexcept { return x <= 0.0 ? 0.0 : x; }
inline constexpr double relu_derivative(double x) noexcept {
  return x > 0.0 ? 1.0 : (x != x ? x : 0.0);
}

// ---- leaky relu / prelu: x for x > 0 else slope*x; f'(0) = slope.
// slope 0 would turn -inf into 0*(-inf) = NaN, so that case returns the limit 0.
inline constexpr double leaky_relu(double x, double slope) noexcept {
  if (x > 0.0 || x != x) return x;
  return slope == 0.0 ? 0.0 : slope * x;
}
inline constexpr double leaky_relu_derivative(double x, double slope) noexcept {
  return x > 0.0 ? 1.0 : (x != x ? x : slope);
}
// PReLU learns its slope: df/da = x on the negative side, 0 elsewhere.
inline constexpr double prelu_slope_derivative(double x) noexcept {
  return x > 0.0 ? 0.0 : x;
}

// ---- elu: x for x > 0 else alpha*(e^x - 1). expm1 keeps precision near 0; from
// x <= -ln 2 on, e^x - 1 no longer cancels (|e^x - 1| >= 1/2) and plain exp is cheaper.
inline constexpr double kEluExpBelow = -0.6931471805599453;  // -ln 2
inline double elu(double x, double alpha) noexcept {
  if (x > 0.0 || std::isnan(x)) return x;
  return alpha * (x <= kEluExpBelow ? std::exp(x) - 1.0 : std::expm1(x));
}
// f'(0) = alpha, as the seed's code (x > 0 ? 1 : alpha*e^x).
inline double elu_derivative(double x, double alpha) noexcept {
  if (std::isnan(x)) return x;
  return x > 0.0 ? 1.0 : alpha * std::exp(x);
}

// ---- softplus: (1/beta) ln(1 + e^(beta x)), the smooth relative of relu.
// max(t,0) + log1p(e^-|t|) never overflows and keeps the e^t tail for t << 0. The max is
// t > 0 ? t : 0 (std::fmax is a library call in wasm; NaN t gives NaN either way), and the
// log1p is unit_log1p, inline and branch-free so that the batch loop vectorises in wasm.
inline double softplus(double x, double beta) noexcept {
  const double t = beta * x;
  return ((t > 0.0 ? t : 0.0) + detail::unit_log1p(detail::exp_minus_abs(t))) / beta;
}
// d/dx softplus = sigmoid(beta x).
inline double softplus_derivative(double x, double beta) noexcept { return sigmoid(beta * x); }

}  // namespace activation
