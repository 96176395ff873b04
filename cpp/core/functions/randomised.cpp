// Randomised functions. RReLU draws its negative slope at random while training and uses the
// mean slope at evaluation, which is the function the page draws. Each function's math,
// properties and row are written together.
#include "../scalar_activations.hpp"
#include "article_properties.hpp"
#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::in_group;
using rows::scalar_row;

constexpr std::string_view kGroup = "randomised";

// ---- rrelu (evaluation form): x for x >= 0, ((l + u)/2)·x below, PyTorch's nn.RReLU in eval
// mode, which is Leaky ReLU with the mean slope (f'(0) = that slope, as there). Only the mean
// matters, so l > u is harmless and accepted: the mean is the same with l and u swapped.
// At the defaults (1/8 and 1/3) the mean is exact, so f is one rounded product, like Leaky
// ReLU's; elsewhere (l + u)/2 adds at most one rounding of the slope.
inline constexpr double mean_slope(const Arguments& a) noexcept { return 0.5 * (a.values[0] + a.values[1]); }

struct Rrelu {
  static constexpr double f(double x, const Arguments& a) noexcept { return leaky_relu(x, mean_slope(a)); }
  static constexpr double df(double x, const Arguments& a) noexcept {
    return leaky_relu_derivative(x, mean_slope(a));
  }
  // Leaky ReLU's properties at the mean slope.
  static Properties properties(const Arguments& a) {
    Arguments slope;
    slope.values[0] = mean_slope(a);
    return leaky_relu_properties(slope);
  }
};

// PyTorch's defaults, lower = 1/8 and upper = 1/3 (Xu et al., 2015).
constexpr ParamSpec kRreluParams[] = {{"lower", "l", 1.0 / 8.0, 0.0, 1.0, false},
                                      {"upper", "u", 1.0 / 3.0, 0.0, 1.0, false}};

constexpr ActivationSpec rrelu_row() {
  ActivationSpec s = scalar_row<Rrelu>("rrelu");
  s.colour = 14;
  s.params = kRreluParams;
  s.formula_tex = R"(f(x) = \begin{cases} x & x \ge 0 \\ \frac{l + u}{2}\, x & x < 0 \end{cases})";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & x > 0 \\ \frac{l + u}{2} & x \le 0 \end{cases})";
  s.accuracy = {0, 0};  // piecewise-linear: one rounded product
  s.baseline = {"const s = 0.5 * (p0 + p1); y = v > 0 || v !== v ? v : s === 0 ? 0 : s * v;",
                "y = v > 0 ? 1 : v !== v ? v : 0.5 * (p0 + p1);"};
  s.properties = &Rrelu::properties;
  // In training each negative input gets a slope drawn from [l, u]: the chart shows that band.
  s.band_low = "lower";
  s.band_high = "upper";
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kRandomisedFunctions[] = {
    in_group(rrelu_row(), kGroup),
};

Span<ActivationSpec> randomised_functions() { return kRandomisedFunctions; }

}  // namespace activation
