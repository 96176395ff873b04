// Shrinkage functions: each pulls its input towards 0. Softshrink and hardshrink are the
// soft and hard thresholding of sparse coding and wavelet denoising (0 on [−λ, λ]);
// tanhshrink, x − tanh x, is a smooth curve of the same kind. Each function's math,
// properties and row are written together.
#include <cmath>
#include <cstddef>
#include <limits>

#include "../exact_arithmetic.hpp"
#include "../scalar_activations.hpp"
#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::Loop;
using rows::in_group;
using rows::scalar_row;

constexpr std::string_view kGroup = "shrinkage";
constexpr double kInf = std::numeric_limits<double>::infinity();

// Piecewise-linear: one rounding at most (x ∓ λ), like the hardware's.
constexpr Accuracy kExact{0, 0};

// λ: the half-width of the interval sent to 0. At λ = 0 both thresholdings are the identity.
constexpr ParamSpec kLambdaParams[] = {{"lambda", "λ", 0.5, 0.0, 5.0, false}};

// f' of both thresholdings: 1 outside [−λ, λ], 0 inside, and 0 at ±λ as in PyTorch (its mask
// is |x| <= λ). At λ = 0 the function is the identity and f' = 1 everywhere, x = 0 included.
constexpr double threshold_derivative(double x, double lambda) noexcept {
  if (x > lambda || x < -lambda) return 1.0;
  if (x != x) return x;
  return lambda > 0.0 ? 0.0 : 1.0;
}

// The properties both thresholdings share: odd, never decreasing, unbounded, slope 1 outside
// [−λ, λ] and 0 inside; at λ = 0, the identity.
Properties threshold_properties(double lambda, double continuity) {
  Properties p{};
  p.range = {-kInf, kInf, false, false, {}};
  p.f_at_zero = 0.0;
  p.monotonic = Monotonicity::non_decreasing;
  p.zero_centred = Centring::symmetric;
  p.max_abs_derivative = 1.0;
  p.max_abs_derivative_attained = true;
  p.saturates = Saturation::none;
  p.uses_exp = false;
  if (lambda == 0.0) {
    p.continuity_order = kSmooth;
    p.max_abs_derivative_from = -kInf;
    p.max_abs_derivative_to = kInf;
    return p;
  }
  p.continuity_order = continuity;
  p.non_differentiable_points = {-lambda, lambda};
  // The slope is 1 for x > λ and for x < −λ; one interval can hold only one side, so the
  // properties name x > λ (the function is odd: the other side mirrors it).
  p.max_abs_derivative_from = lambda;
  p.max_abs_derivative_to = kInf;
  return p;
}

// ---- tanhshrink: x − tanh x, odd and smooth, ≈ x³/3 near 0 and ≈ x ∓ 1 far out. Computed
// as x − tanh x it cancels: near 0 all digits, and up to |x| ≈ 1.3 a few (tanh's rounding is
// then several ULP of the smaller difference). So, for a = |x| (sign restored at the end):
//   a < 1/2     the Taylor series a³/3 − 2a⁵/15 + 17a⁷/315 − …, with a³/3 carried exactly;
//   1/2 ≤ a < 2 the halving identity  f(a) = (2h + a t²) / (1 + t²),  h = f(a/2),
//               t = tanh(a/2) = a/2 − h: every term is positive, nothing cancels;
//   a ≥ 2       (a − 1) + 2e/(1 + e), e = e^{−2a}: both terms positive (1 − tanh a = 2e/(1+e)).
// Measured against mpmath (about 100,000 points: [0, 5], tiny, subnormal and huge inputs):
// f and f' within 1 ULP.
// The products' roundings are kept (product_error below); without them the series and the
// halving step were measured 2 and 3 ULP off.

// The series' coefficients of a^5, a^7, …, a^35 (from the Bernoulli numbers: those of tanh
// with the sign changed); at a < 1/2 the next term is below 2^-56 of the sum.
constexpr double kTanhshrinkSeries[] = {
    -0.13333333333333333, 0.05396825396825397, -0.021869488536155203, 0.008863235529902197,
    -0.003592128036572481, 0.0014558343870513183, -0.000590027440945586, 0.00023912911424355248,
    -9.691537956929451e-05, 3.927832388331683e-05, -1.5918905069328964e-05, 6.451689215655431e-06,
    -2.6147711512907546e-06, 1.0597268320104654e-06, -4.294911078273806e-07, 1.7406618963571648e-07,
};
constexpr double kTanhshrinkSeriesBelow = 0.5;
constexpr double kTanhshrinkHalvingBelow = 2.0;

// The products' rounding errors come from exact_arithmetic.hpp's product_error (Dekker):
// exact here, where |a|, |b| <= 2 and where products are tiny their errors no longer matter.

// a³/3 + a³·a²·P(a²) for 0 <= a < 1/2: the cube as an unevaluated sum (c + c_lo, exact up
// to the rounding of c_lo), divided by 3 with the division's remainder (exact).
inline double tanhshrink_series(double a) noexcept {
  const double u = a * a;
  const double u_lo = product_error(a, a, u);
  const double c = a * u;
  const double c_lo = product_error(a, u, c) + a * u_lo;
  constexpr std::size_t n = sizeof kTanhshrinkSeries / sizeof kTanhshrinkSeries[0];
  double p = kTanhshrinkSeries[n - 1];
  for (std::size_t k = n - 1; k-- > 0;) p = p * u + kTanhshrinkSeries[k];
  const double third = c / 3.0;
  const double thrice = 3.0 * third;
  const double remainder = (c - thrice) - product_error(3.0, third, thrice);
  return third + ((remainder + c_lo) / 3.0 + c * (u * p));
}

// f(a) from h = f(a/2) by the halving identity, in double-double arithmetic (each product's
// rounding kept by product_error, each sum's by Fast2Sum: the larger term comes first in each).
inline double tanhshrink_doubled(double a, double h) noexcept {
  const double half = 0.5 * a;
  const double t = half - h;  // tanh(a/2)
  const double t_lo = (half - t) - h;
  const double t2 = t * t;
  const double t2_lo = product_error(t, t, t2) + 2.0 * t * t_lo;
  const double at2 = a * t2;
  const double at2_lo = product_error(a, t2, at2) + a * t2_lo;
  const double num = at2 + 2.0 * h;
  const double num_lo = ((at2 - num) + 2.0 * h) + at2_lo;
  const double den = 1.0 + t2;
  const double den_lo = ((1.0 - den) + t2) + t2_lo;
  const double q = num / den;
  const double qd = q * den;
  const double remainder = (num - qd) - product_error(q, den, qd);
  return q + (remainder + num_lo - q * den_lo) / den;
}

// 1 − tanh a = 2e/(1 + e) with e = e^{−2a}, for a >= 1 (e <= e^{−2}).
inline double one_minus_tanh(double a) noexcept {
  const double e = std::exp(-2.0 * a);
  return detail::over_one_plus(2.0 * e, e);
}

// f(a) for a = |x|; NaN takes the last branch and stays NaN, +inf gives +inf.
inline double tanhshrink_magnitude(double a) noexcept {
  if (a < kTanhshrinkSeriesBelow) return tanhshrink_series(a);
  if (a < kTanhshrinkHalvingBelow) {
    const double half = 0.5 * a;  // below 1: its own f is the series or one more halving
    const double h = half < kTanhshrinkSeriesBelow
                         ? tanhshrink_series(half)
                         : tanhshrink_doubled(half, tanhshrink_series(0.5 * half));
    return tanhshrink_doubled(a, h);
  }
  return (a - 1.0) + one_minus_tanh(a);  // a − 1 is exact below 2^53
}

struct Tanhshrink {
  static double f(double x, const Arguments&) noexcept {
    return std::copysign(tanhshrink_magnitude(std::fabs(x)), x);
  }
  // f' = tanh² x, squared from tanh as an unevaluated sum t + t_lo: squaring a rounded tanh
  // doubles its error (5 ULP measured near x = 0.18). Below |x| = 1, t = a − f(a) (f is
  // small beside a there); from 1 on, t = 1 − (1 − tanh a).
  static double df(double x, const Arguments&) noexcept {
    const double a = std::fabs(x);
    const double big = a < 1.0 ? a : 1.0;
    const double small = a < 1.0 ? tanhshrink_magnitude(a) : one_minus_tanh(a);  // NaN: NaN
    const double t = big - small;
    const double t_lo = (big - t) - small;
    const double t2 = t * t;
    return t2 + (product_error(t, t, t2) + 2.0 * t * t_lo);
  }
  static Properties properties(const Arguments&) {
    Properties p{};
    p.range = {-kInf, kInf, false, false, {}};
    p.f_at_zero = 0.0;
    p.monotonic = Monotonicity::non_decreasing;  // f' = tanh² x >= 0
    p.zero_centred = Centring::symmetric;
    p.continuity_order = kSmooth;
    // f' = tanh² x only approaches 1, as x → −∞ and as x → +∞.
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = -kInf;
    p.max_abs_derivative_to = kInf;
    p.max_abs_derivative_attained = false;
    p.saturates = Saturation::none;
    p.uses_exp = true;
    return p;
  }
};

// ---- softshrink: x − λ above λ, x + λ below −λ, 0 between (soft thresholding). Continuous,
// with kinks at ±λ. x ∓ λ is one correctly rounded subtraction.
struct Softshrink {
  static constexpr double f(double x, const Arguments& a) noexcept {
    const double lambda = a.values[0];
    if (x > lambda) return x - lambda;
    if (x < -lambda) return x + lambda;
    return x != x ? x : 0.0;
  }
  static constexpr double df(double x, const Arguments& a) noexcept {
    return threshold_derivative(x, a.values[0]);
  }
  static Properties properties(const Arguments& a) { return threshold_properties(a.values[0], 0.0); }
};

// ---- hardshrink: x where |x| > λ, else 0 (hard thresholding). It jumps by λ at ±λ; f(±λ) = 0.
struct Hardshrink {
  static constexpr double f(double x, const Arguments& a) noexcept {
    const double lambda = a.values[0];
    return x > lambda || x < -lambda || x != x ? x : 0.0;
  }
  static constexpr double df(double x, const Arguments& a) noexcept {
    return threshold_derivative(x, a.values[0]);
  }
  static Properties properties(const Arguments& a) {
    return threshold_properties(a.values[0], kDiscontinuous);
  }
};

constexpr std::string_view kThresholdDerivativeJs =
    "y = v > p0 || v < -p0 ? 1 : v !== v ? v : p0 > 0 ? 0 : 1;";

constexpr ActivationSpec tanhshrink_row() {
  ActivationSpec s = scalar_row<Tanhshrink, Loop::scalar, Loop::scalar>("tanhshrink");
  s.colour = 11;
  s.formula_tex = R"(f(x) = x - \tanh x = x - \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}})";
  s.derivative_tex = R"(f'(x) = 1 - \operatorname{sech}^2 x = \tanh^2 x)";
  // The same ranges and formulas in plain doubles, without the products' rounding errors
  // (about 3 ULP): f and f' = (tanh x)² with tanh x = x − f below 1 and 1 − 2e/(1 + e) above.
  s.baseline = {
      "const a = Math.abs(v); let r; "
      "if (!(a < 2)) { const e = Math.exp(-2 * a); r = (a - 1) + 2 * e / (1 + e); } else { "
      "let s = a, k = 0; while (s >= 0.5) { s *= 0.5; k++; } "
      "const u = s * s; "
      "r = s * u * (0.3333333333333333 + u * (-0.13333333333333333 + u * (0.05396825396825397 + u * (-0.021869488536155203 + u * ("
      "0.008863235529902197 + u * (-0.003592128036572481 + u * (0.0014558343870513183 + u * (-0.000590027440945586 + u * ("
      "0.00023912911424355248 + u * (-9.691537956929451e-05 + u * (3.927832388331683e-05 + u * (-1.5918905069328964e-05 + u * ("
      "6.451689215655431e-06 + u * (-2.6147711512907546e-06 + u * (1.0597268320104654e-06 + u * (-4.294911078273806e-07 + u * ("
      "1.7406618963571648e-07))))))))))))))))); "
      "for (; k > 0; k--) { const t = s - r, t2 = t * t; r = (2 * r + 2 * s * t2) / (1 + t2); s *= 2; } } "
      "y = v < 0 ? -r : r;",
      "const a = Math.abs(v); let t; "
      "if (!(a < 1)) { const e = Math.exp(-2 * a); t = 1 - 2 * e / (1 + e); } else { "
      "let s = a, k = 0, r; if (s >= 0.5) { s *= 0.5; k = 1; } "
      "const u = s * s; "
      "r = s * u * (0.3333333333333333 + u * (-0.13333333333333333 + u * (0.05396825396825397 + u * (-0.021869488536155203 + u * ("
      "0.008863235529902197 + u * (-0.003592128036572481 + u * (0.0014558343870513183 + u * (-0.000590027440945586 + u * ("
      "0.00023912911424355248 + u * (-9.691537956929451e-05 + u * (3.927832388331683e-05 + u * (-1.5918905069328964e-05 + u * ("
      "6.451689215655431e-06 + u * (-2.6147711512907546e-06 + u * (1.0597268320104654e-06 + u * (-4.294911078273806e-07 + u * ("
      "1.7406618963571648e-07))))))))))))))))); "
      "if (k) { const h = s - r, h2 = h * h; r = (2 * r + 2 * s * h2) / (1 + h2); } "
      "t = a - r; } "
      "y = t * t;"};
  s.properties = &Tanhshrink::properties;
  return s;
}

constexpr ActivationSpec softshrink_row() {
  ActivationSpec s = scalar_row<Softshrink>("softshrink");
  s.colour = 12;
  s.params = kLambdaParams;
  s.formula_tex =
      R"(f(x) = \begin{cases} x - \lambda & x > \lambda \\ 0 & |x| \le \lambda \\ x + \lambda & x < -\lambda \end{cases})";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| < \lambda \end{cases})";
  s.accuracy = kExact;
  s.baseline = {"y = v > p0 ? v - p0 : v < -p0 ? v + p0 : v !== v ? v : 0;", kThresholdDerivativeJs};
  s.properties = &Softshrink::properties;
  return s;
}

constexpr ActivationSpec hardshrink_row() {
  ActivationSpec s = scalar_row<Hardshrink>("hardshrink");
  s.colour = 13;
  s.params = kLambdaParams;
  s.formula_tex = R"(f(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases})";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| < \lambda \end{cases})";
  s.accuracy = kExact;
  s.baseline = {"y = v > p0 || v < -p0 || v !== v ? v : 0;", kThresholdDerivativeJs};
  s.properties = &Hardshrink::properties;
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kShrinkageFunctions[] = {
    in_group(tanhshrink_row(), kGroup),
    in_group(softshrink_row(), kGroup),
    in_group(hardshrink_row(), kGroup),
};

Span<ActivationSpec> shrinkage_functions() { return kShrinkageFunctions; }

}  // namespace activation
