// Self-normalising functions: SELU (ELU scaled by two fixed constants so that activations
// keep mean 0 and variance 1 layer after layer) and CELU (ELU rescaled so that its derivative
// is continuous for every alpha). Each function's math, properties and row are written
// together.
#include <cmath>
#include <limits>

#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::in_group;
using rows::Loop;
using rows::scalar_row;

constexpr std::string_view kGroup = "self-normalising";
constexpr double kInf = std::numeric_limits<double>::infinity();

Range open_above(double min) { return {min, kInf, false, false, {}}; }

// ---- selu: λ·x for x > 0, λ·α·(e^x − 1) otherwise, with Klambauer et al.'s constants as
// their nearest doubles (the values PyTorch, Keras and TF.js use).
inline constexpr double kSeluAlpha = 1.6732632423543772;
inline constexpr double kSeluLambda = 1.0507009873554805;
// λ·α rounded to a double: off by 3.3e-17 relative, a third of the rounding of any
// product, so a single constant costs less than a last-place unit.
inline constexpr double kSeluScale = kSeluAlpha * kSeluLambda;  // 1.7580993408473766

struct Selu {
  // expm1 keeps e^x − 1 exact to a rounding near 0, where e^x − 1 would cancel.
  static double f(double x, const Arguments&) noexcept {
    if (x > 0.0 || x != x) return kSeluLambda * x;
    return kSeluScale * std::expm1(x);
  }
  // f'(0) = λα, the left branch, as PyTorch (x <= 0 takes the exponential side).
  static double df(double x, const Arguments&) noexcept {
    if (x != x) return x;
    return x > 0.0 ? kSeluLambda : kSeluScale * std::exp(x);
  }
  static Properties properties(const Arguments& args) {
    Properties p{};
    p.range = open_above(-kSeluScale);  // −λα, approached as x → −∞
    p.f_at_zero = f(0.0, args);
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::partial;
    // f' is λα at 0 from the left and λ from the right: a kink.
    p.continuity_order = 0.0;
    p.non_differentiable_points = {0.0};
    p.max_abs_derivative = df(0.0, args);  // λα > λ
    p.max_abs_derivative_from = 0.0;
    p.max_abs_derivative_to = 0.0;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::left;
    p.uses_exp = true;
    return p;
  }
};

constexpr ActivationSpec selu_row() {
  ActivationSpec s = scalar_row<Selu, Loop::scalar, Loop::scalar>("selu");
  s.colour = 11;
  s.formula_tex =
      R"(f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases})";
  s.derivative_tex =
      R"(f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases})";
  s.baseline = {"y = v > 0 || v !== v ? 1.0507009873554805 * v : 1.7580993408473766 * Math.expm1(v);",
                "y = v !== v ? v : v > 0 ? 1.0507009873554805 : 1.7580993408473766 * Math.exp(v);"};
  s.properties = &Selu::properties;
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kSelfNormalisingFunctions[] = {
    in_group(selu_row(), kGroup),
};

Span<ActivationSpec> self_normalising_functions() { return kSelfNormalisingFunctions; }

}  // namespace activation
