// Hard functions: piecewise-linear (or, for hard-swish, piecewise-quadratic) stand-ins for
// smooth ones, cheap on phones and in low-precision arithmetic: relu6, hard-sigmoid,
// hard-swish (MobileNetV3) and hard-tanh. Each function's math, properties and row are
// written together. Conventions at the kinks follow PyTorch's backward passes.
#include <cmath>
#include <limits>

#include "../exact_arithmetic.hpp"
#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::in_group;
using rows::scalar_row;

constexpr std::string_view kGroup = "hard";

// Piecewise-linear functions are exact: every value is x itself, a constant, or one
// correctly rounded operation.
constexpr Accuracy kExact{0, 0};

// [lo, hi] with both ends reached.
Range closed(double lo, double hi) { return {lo, hi, true, true, {}}; }

// x clipped to [lo, hi]; NaN passes through (both comparisons are false).
constexpr double clip(double x, double lo, double hi) noexcept {
  return x <= lo ? lo : (x >= hi ? hi : x);
}
// 1 strictly inside (lo, hi), 0 outside and at the ends (PyTorch's hardtanh backward), NaN for NaN.
constexpr double inside(double x, double lo, double hi) noexcept {
  return (x > lo && x < hi) ? 1.0 : (x != x ? x : 0.0);
}

// ---- relu6: min(max(0, x), 6), ReLU capped at 6 (MobileNet's activation, for 8-bit inference).
inline constexpr double kRelu6Cap = 6.0;
// The default x-range shows both kinks, 0 and 6, with room on either side.
constexpr double kRelu6HalfRange = 8.0;

struct Relu6 {
  static double f(double x, const Arguments&) noexcept { return clip(x, 0.0, kRelu6Cap); }
  static double df(double x, const Arguments&) noexcept { return inside(x, 0.0, kRelu6Cap); }
  static Properties properties(const Arguments& args) {
    Properties p{};
    p.range = closed(0.0, kRelu6Cap);
    p.f_at_zero = f(0.0, args);
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::none;
    p.continuity_order = 0.0;
    p.non_differentiable_points = {0.0, kRelu6Cap};
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = 0.0;
    p.max_abs_derivative_to = kRelu6Cap;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::both;
    p.uses_exp = false;
    return p;
  }
};

constexpr ActivationSpec relu6_row() {
  ActivationSpec s = scalar_row<Relu6>("relu6");
  s.colour = 13;
  s.half_range = kRelu6HalfRange;
  s.formula_tex = R"(f(x) = \min\bigl(\max(0, x),\ 6\bigr))";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & x \notin (0, 6) \end{cases})";
  s.accuracy = kExact;
  s.baseline = {"y = v <= 0 ? 0 : v >= 6 ? 6 : v;", "y = v > 0 && v < 6 ? 1 : v !== v ? v : 0;"};
  s.properties = &Relu6::properties;
  return s;
}

// ---- hard-sigmoid: clip(s·x + ½, 0, 1), with s·x + ½ rounded once: s = 1/6 is not a double,
// so s·x, then + ½, would round twice (and near −3, where the sum cancels, lose digits).
// std::fma would round once, but in wasm it is a library call, about ten times slower than
// the whole function. Instead Dekker's product (two_product) makes s·x exact as p + e, Knuth's two-sum
// makes p + ½ exact as t + r, and t + (r + e) is the one rounding. Checked against exact
// rationals at 1.3 million points and 37 slopes: the correctly rounded value every time, and
// the right piece for f'. The split overflows past |x| ~ 1e300, far from the ramp, where t
// alone decides; selects rather than branches keep the batch loop vectorised.

// Whether t is close enough to the ramp [0, 1] to need the correction (and to have it finite).
constexpr bool near_ramp(double t) noexcept { return t > -1.0 && t < 2.0; }

struct HardSigmoid {
  static double f(double x, const Arguments& a) noexcept {
    const TwoDouble m = two_product(a.values[0], x);
    const double t = m.hi + 0.5;
    const double z = t - m.hi;
    const double r = (m.hi - (t - z)) + (0.5 - z);  // p + ½ = t + r exactly
    return clip(near_ramp(t) ? t + (r + m.lo) : t, 0.0, 1.0);
  }
  // s strictly inside the ramp, 0 at its ends and beyond. Near the lower end p + ½ is exact
  // (Sterbenz), near the upper end p − ½ is, so adding e gives each the exact value's sign.
  static double df(double x, const Arguments& a) noexcept {
    const double s = a.values[0];
    const TwoDouble m = two_product(s, x);
    const double lo = m.hi + 0.5;
    const double hi = m.hi - 0.5;
    const bool inside_ramp = near_ramp(lo) && lo + m.lo > 0.0 && hi + m.lo < 0.0;
    return inside_ramp ? s : (x != x ? x : 0.0);
  }
  static Properties properties(const Arguments& args) {
    const double s = args.values[0];
    const double corner = 0.5 / s;  // where s·x = ±½
    Properties p{};
    p.range = closed(0.0, 1.0);
    p.f_at_zero = f(0.0, args);
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::none;
    p.continuity_order = 0.0;
    p.non_differentiable_points = {-corner, corner};
    p.max_abs_derivative = s;
    p.max_abs_derivative_from = -corner;
    p.max_abs_derivative_to = corner;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::both;
    p.uses_exp = false;
    return p;
  }
};

// The default slope's kinks, ±3, with room on either side (hard-swish's kinks too).
constexpr double kHardHalfRange = 5.0;

// PyTorch and Keras 3 use s = 1/6 (0 at −3, 1 at 3); tf.keras 2 and TF.js use 0.2.
constexpr ParamSpec kHardSigmoidParams[] = {{"slope", "s", 1.0 / 6.0, 0.01, 1.0, false}};

constexpr ActivationSpec hard_sigmoid_row() {
  ActivationSpec s = scalar_row<HardSigmoid>("hard-sigmoid");
  s.colour = 1;  // sigmoid's
  s.half_range = kHardHalfRange;
  s.params = kHardSigmoidParams;
  s.formula_tex = R"(f(x) = \min\bigl(\max(0,\ s x + \tfrac12),\ 1\bigr))";
  s.derivative_tex =
      R"(f'(x) = \begin{cases} s & |x| < \frac{1}{2s} \\ 0 & |x| \ge \frac{1}{2s} \end{cases})";
  s.accuracy = kExact;
  // The same exact product p + e = s·x (Dekker, split at 2^27 + 1), without the two-sum:
  // near the kinks p ± ½ is exact anyway, and elsewhere one more rounding stays far inside
  // the benchmark's 1e-12. Only near the ramp, so that the split cannot overflow.
  s.baseline = {
      "const p = p0 * v; let t = p + 0.5; if (t > -1 && t < 2) { "
      "let a = 134217729 * p0; const ah = a - (a - p0), al = p0 - ah; a = 134217729 * v; "
      "const bh = a - (a - v), bl = v - bh; t += ((ah * bh - p) + ah * bl + al * bh) + al * bl; } "
      "y = t <= 0 ? 0 : t >= 1 ? 1 : t;",
      "const p = p0 * v; let lo = p + 0.5, hi = p - 0.5; if (lo > -1 && hi < 1) { "
      "let a = 134217729 * p0; const ah = a - (a - p0), al = p0 - ah; a = 134217729 * v; "
      "const bh = a - (a - v), bl = v - bh; const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl; "
      "lo += e; hi += e; } y = lo > 0 && hi < 0 ? p0 : v !== v ? v : 0;"};
  s.properties = &HardSigmoid::properties;
  return s;
}

// ---- hard-swish: x·relu6(x + 3)/6 (Howard et al., MobileNetV3): 0 up to −3, x from 3 on,
// the parabola x(x + 3)/6 between. f is continuous, but f' jumps at both ends of the
// parabola: (2x + 3)/6 is −½ at −3 (0 on the left) and 3/2 at 3 (1 on the right). PyTorch
// takes the parabola's slope at both ends.
constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kHardSwishEdge = 3.0;
inline constexpr double kHardSwishDivisor = 6.0;

struct HardSwish {
  // x + 3 is exact from −3 to −3/2 (Sterbenz) and may round above; the product and the
  // quotient round once each: within 2 ULP (measured), exact at the ends of the parabola.
  static double f(double x, const Arguments&) noexcept {
    if (x <= -kHardSwishEdge) return 0.0;
    if (x >= kHardSwishEdge || x != x) return x;
    return x * (x + kHardSwishEdge) / kHardSwishDivisor;
  }
  // (2x + 3)/6: 2x is exact and 2x + 3 is exact from −3 to −3/4, where f' crosses 0 (at −3/2),
  // so it is correctly rounded there; within 1 ULP elsewhere.
  static double df(double x, const Arguments&) noexcept {
    if (x < -kHardSwishEdge) return 0.0;
    if (x > kHardSwishEdge) return 1.0;
    if (x != x) return x;
    return (2.0 * x + kHardSwishEdge) / kHardSwishDivisor;
  }
  static Properties properties(const Arguments& args) {
    Properties p{};
    const double lowest = -0.5 * kHardSwishEdge;  // the parabola's vertex
    p.range = {f(lowest, args), kInf, true, false, {}};
    p.f_at_zero = f(0.0, args);
    p.monotonic = Monotonicity::none;  // falls from −3 to −3/2
    p.zero_centred = Centring::partial;
    p.continuity_order = 0.0;
    p.non_differentiable_points = {-kHardSwishEdge, kHardSwishEdge};
    p.max_abs_derivative = df(kHardSwishEdge, args);  // 3/2, at 3 by the convention above
    p.max_abs_derivative_from = kHardSwishEdge;
    p.max_abs_derivative_to = kHardSwishEdge;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::left;
    p.uses_exp = false;
    return p;
  }
};

constexpr ActivationSpec hard_swish_row() {
  ActivationSpec s = scalar_row<HardSwish>("hard-swish");
  s.colour = 14;
  s.half_range = kHardHalfRange;
  s.formula_tex = R"(f(x) = x \cdot \frac{\min\bigl(\max(0,\ x + 3),\ 6\bigr)}{6})";
  s.derivative_tex =
      R"(f'(x) = \begin{cases} 0 & x < -3 \\ \frac{2x + 3}{6} & -3 \le x \le 3 \\ 1 & x > 3 \end{cases})";
  s.accuracy = {2, 1};
  s.baseline = {"y = v <= -3 ? 0 : v >= 3 || v !== v ? v : v * (v + 3) / 6;",
                "y = v < -3 ? 0 : v > 3 ? 1 : v !== v ? v : (2 * v + 3) / 6;"};
  s.properties = &HardSwish::properties;
  return s;
}

// ---- hard-tanh: clip(x, −1, 1).
struct HardTanh {
  static double f(double x, const Arguments&) noexcept { return clip(x, -1.0, 1.0); }
  static double df(double x, const Arguments&) noexcept { return inside(x, -1.0, 1.0); }
  static Properties properties(const Arguments& args) {
    Properties p{};
    p.range = closed(-1.0, 1.0);
    p.f_at_zero = f(0.0, args);
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::symmetric;
    p.continuity_order = 0.0;
    p.non_differentiable_points = {-1.0, 1.0};
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = -1.0;
    p.max_abs_derivative_to = 1.0;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::both;
    p.uses_exp = false;
    return p;
  }
};

constexpr ActivationSpec hard_tanh_row() {
  ActivationSpec s = scalar_row<HardTanh>("hard-tanh");
  s.colour = 2;  // tanh's
  s.formula_tex = R"(f(x) = \min\bigl(\max(-1, x),\ 1\bigr))";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & |x| < 1 \\ 0 & |x| \ge 1 \end{cases})";
  s.accuracy = kExact;
  s.baseline = {"y = v <= -1 ? -1 : v >= 1 ? 1 : v;", "y = v > -1 && v < 1 ? 1 : v !== v ? v : 0;"};
  s.properties = &HardTanh::properties;
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kHardFunctions[] = {
    in_group(relu6_row(), kGroup),
    in_group(hard_sigmoid_row(), kGroup),
    in_group(hard_swish_row(), kGroup),
    in_group(hard_tanh_row(), kGroup),
};

Span<ActivationSpec> hard_functions() { return kHardFunctions; }

}  // namespace activation
