// Hard functions: piecewise-linear (or, for hard-swish, piecewise-quadratic) stand-ins for
// smooth ones, cheap on phones and in low-precision arithmetic: relu6, hard-sigmoid,
// hard-swish (MobileNetV3) and hard-tanh. Each function's math, properties and row are
// written together. Conventions at the kinks follow PyTorch's backward passes.
#include <cmath>
#include <limits>

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

}  // namespace

// In page order.
constexpr ActivationSpec kHardFunctions[] = {
    in_group(relu6_row(), kGroup),
};

Span<ActivationSpec> hard_functions() { return kHardFunctions; }

}  // namespace activation
