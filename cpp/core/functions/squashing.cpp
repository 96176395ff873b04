// Squashing functions beyond the article: softsign (tanh's shape without exponentials) and
// log-sigmoid (the logarithm of sigmoid's probability). Each function's math, properties
// and row are written together.
#include <cmath>
#include <limits>

#include "../scalar_activations.hpp"
#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::in_group;
using rows::scalar_row;

constexpr std::string_view kGroup = "squashing";
constexpr double kInf = std::numeric_limits<double>::infinity();

// 1 + a for a >= 0 as an unevaluated sum (Fast2Sum, exact): sum + lost == 1 + a. At
// a = inf nothing is lost (inf - inf would make it NaN).
struct OnePlus {
  double sum;
  double lost;
};
inline OnePlus one_plus(double a) noexcept {
  const double sum = 1.0 + a;
  if (a <= 1.0) return {sum, a - (sum - 1.0)};
  return {sum, sum == kInf ? 0.0 : 1.0 - (sum - a)};
}

// ---- softsign: x / (1 + |x|), tanh's shape with tails that approach ±1 like 1/x.
// The rounding of 1 + |x| corrects the quotient, so f stays within about one rounding; at
// ±inf the quotient would be inf/inf, so the limits are returned there.
struct Softsign {
  static double f(double x, const Arguments&) noexcept {
    const double a = std::fabs(x);
    if (a == kInf) return std::copysign(1.0, x);
    const OnePlus d = one_plus(a);
    const double q = x / d.sum;
    return q - q * (d.lost / d.sum);
  }
  // 1 / (1 + |x|)^2, squared after the division: (1 + |x|)^2 itself overflows past
  // |x| ~ 1.3e154, where the true value is still a (subnormal) positive number.
  static double df(double x, const Arguments&) noexcept {
    const OnePlus d = one_plus(std::fabs(x));
    const double r = 1.0 / d.sum;
    const double q = r * r;
    return q - 2.0 * q * (d.lost / d.sum);
  }
  static Properties properties(const Arguments&) {
    Properties p{};
    p.range = {-1.0, 1.0, false, false, {}};
    p.f_at_zero = 0.0;
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::symmetric;
    // f' = 1/(1 + |x|)^2 is continuous but has a corner at 0 (f'' jumps from 2 to -2).
    p.continuity_order = 1.0;
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = 0.0;
    p.max_abs_derivative_to = 0.0;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::both;
    p.uses_exp = false;
    return p;
  }
};

// ---- log-sigmoid: log σ(x) = −softplus(−x). Never log(sigmoid(x)): for x > ~37 σ(x) rounds
// to 1 and the log to 0, losing the e^-x the true value still has; for x < -745 σ(x)
// underflows and the log is -inf. Softplus's stable form keeps both tails.
struct LogSigmoid {
  static double f(double x, const Arguments&) noexcept { return -softplus(-x, 1.0); }
  static double df(double x, const Arguments&) noexcept { return sigmoid(-x); }  // 1 − σ(x)
  static Properties properties(const Arguments& args) {
    Properties p{};
    p.range = {-kInf, 0.0, false, false, {}};
    p.f_at_zero = f(0.0, args);  // −ln 2
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::none;  // never positive
    p.continuity_order = kSmooth;
    // f' = σ(−x) only approaches 1 as x → −∞.
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = -kInf;
    p.max_abs_derivative_to = -kInf;
    p.max_abs_derivative_attained = false;
    p.saturates = Saturation::right;
    p.uses_exp = true;
    return p;
  }
};

constexpr ActivationSpec log_sigmoid_row() {
  ActivationSpec s = scalar_row<LogSigmoid>("log-sigmoid");
  s.colour = 10;
  s.formula_tex = R"(f(x) = \ln \sigma(x) = -\ln\bigl(1 + e^{-x}\bigr))";
  s.derivative_tex = R"(f'(x) = 1 - \sigma(x) = \sigma(-x))";
  s.baseline = {
      "const t = -v; y = -(Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))));",
      "const e = Math.exp(-Math.abs(v)); y = v <= 0 ? 1 / (1 + e) : e / (1 + e);"};
  s.properties = &LogSigmoid::properties;
  return s;
}

constexpr ActivationSpec softsign_row() {
  ActivationSpec s = scalar_row<Softsign>("softsign");
  s.colour = 9;
  s.formula_tex = R"(f(x) = \frac{x}{1 + |x|})";
  s.derivative_tex = R"(f'(x) = \frac{1}{(1 + |x|)^2})";
  s.baseline = {"const a = Math.abs(v); y = a === Infinity ? Math.sign(v) : v / (1 + a);",
                "const r = 1 / (1 + Math.abs(v)); y = r * r;"};
  s.properties = &Softsign::properties;
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kSquashingFunctions[] = {
    in_group(softsign_row(), kGroup),
    in_group(log_sigmoid_row(), kGroup),
};

Span<ActivationSpec> squashing_functions() { return kSquashingFunctions; }

}  // namespace activation
