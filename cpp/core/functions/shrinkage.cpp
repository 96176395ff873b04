// Shrinkage functions: each pulls its input towards 0. Softshrink and hardshrink are the
// soft and hard thresholding of sparse coding and wavelet denoising (0 on [−λ, λ]);
// tanhshrink, x − tanh x, is a smooth curve of the same kind. Each function's math,
// properties and row are written together.
#include <cmath>
#include <limits>

#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

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
    in_group(softshrink_row(), kGroup),
    in_group(hardshrink_row(), kGroup),
};

Span<ActivationSpec> shrinkage_functions() { return kShrinkageFunctions; }

}  // namespace activation
