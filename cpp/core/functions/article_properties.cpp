#include "article_properties.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "../maxout.hpp"
#include "../scalar_activations.hpp"

namespace activation {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Range open_range(double min, double max) { return {min, max, false, false, {}}; }
Range from_zero_up() { return {0.0, kInf, true, false, {}}; }
Range whole_line() { return {-kInf, kInf, false, false, {}}; }
constexpr Monotonicity kRising = Monotonicity::non_decreasing;
Monotonicity rising_if(bool non_decreasing) { return non_decreasing ? kRising : Monotonicity::none; }

}  // namespace

Properties step_properties(const Arguments&) {
  return {{0.0, 1.0, true, true, {0.0, 1.0}}, 0.0, kRising, Centring::none, kDiscontinuous, {0.0},
          0.0, -kInf, kInf, true, Saturation::both, false};
}

Properties sigmoid_properties(const Arguments&) {
  return {open_range(0.0, 1.0), 0.5, kRising, Centring::none, kSmooth, {}, 0.25, 0.0, 0.0, true,
          Saturation::both, true};
}

Properties tanh_properties(const Arguments&) {
  return {open_range(-1.0, 1.0), 0.0, kRising, Centring::symmetric, kSmooth, {}, 1.0, 0.0, 0.0, true,
          Saturation::both, true};
}

Properties relu_properties(const Arguments&) {
  return {from_zero_up(), 0.0, kRising, Centring::none, 0.0, {0.0}, 1.0, 0.0, kInf, true,
          Saturation::left, false};
}

Properties softplus_properties(const Arguments& args) {
  const double beta = args.values[0];
  // f' = sigmoid(beta x) only approaches 1 as x -> +inf.
  return {open_range(0.0, kInf), std::log(2.0) / beta, kRising, Centring::none, kSmooth, {}, 1.0, kInf,
          kInf, false, Saturation::left, true};
}

Properties leaky_relu_properties(const Arguments& args) {
  const double slope = args.values[0];
  Properties p{};
  p.f_at_zero = 0.0;
  p.uses_exp = false;
  p.monotonic = rising_if(slope >= 0.0);
  if (slope == 1.0) {  // the identity
    p.range = whole_line();
    p.zero_centred = Centring::symmetric;
    p.continuity_order = kSmooth;
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = -kInf;
    p.max_abs_derivative_to = kInf;
    p.max_abs_derivative_attained = true;
    p.saturates = Saturation::none;
    return p;
  }
  p.range = slope > 0.0 ? whole_line() : from_zero_up();
  p.zero_centred = slope > 0.0 ? Centring::partial : Centring::none;
  p.continuity_order = 0.0;
  p.non_differentiable_points = {0.0};
  const double slope_size = std::fabs(slope);
  p.max_abs_derivative = std::max(1.0, slope_size);
  p.max_abs_derivative_attained = true;
  if (slope_size == 1.0) {  // a = -1 gives |x|: |f'| = 1 everywhere
    p.max_abs_derivative_from = -kInf;
    p.max_abs_derivative_to = kInf;
  } else if (slope_size > 1.0) {  // PReLU's a > 1: the left side is the steeper one
    p.max_abs_derivative_from = -kInf;
    p.max_abs_derivative_to = 0.0;
  } else {
    p.max_abs_derivative_from = 0.0;
    p.max_abs_derivative_to = kInf;
  }
  p.saturates = slope == 0.0 ? Saturation::left : Saturation::none;
  return p;
}

Properties elu_properties(const Arguments& args) {
  const double alpha = args.values[0];
  Properties p{};
  p.range = open_range(-alpha, kInf);
  p.f_at_zero = 0.0;
  p.monotonic = kRising;
  p.zero_centred = Centring::partial;
  // f' is alpha*e^x on the left and 1 on the right: they meet at 0 only when alpha = 1.
  p.continuity_order = alpha == 1.0 ? 1.0 : 0.0;
  if (alpha != 1.0) p.non_differentiable_points = {0.0};
  p.max_abs_derivative_attained = true;
  if (alpha > 1.0) {
    p.max_abs_derivative = alpha;
    p.max_abs_derivative_from = 0.0;
    p.max_abs_derivative_to = 0.0;
  } else {
    p.max_abs_derivative = 1.0;
    p.max_abs_derivative_from = alpha == 1.0 ? 0.0 : std::nextafter(0.0, 1.0);
    p.max_abs_derivative_to = kInf;
  }
  p.saturates = Saturation::left;
  p.uses_exp = true;
  return p;
}

Properties maxout_properties(const Arguments& args) {
  const Piece* pieces = args.pieces;
  const std::size_t k = args.piece_count;
  Properties p{};
  p.uses_exp = false;
  p.f_at_zero = maxout(0.0, pieces, k);
  const std::vector<double> breaks = maxout_breakpoints(pieces, k);
  p.non_differentiable_points = breaks;
  p.continuity_order = breaks.empty() ? kSmooth : 0.0;

  // The winning pieces from left to right: one per interval between breakpoints.
  std::vector<double> probes;
  if (breaks.empty()) {
    probes.push_back(0.0);
  } else {
    probes.push_back(breaks.front() - 1.0);
    for (std::size_t i = 0; i + 1 < breaks.size(); ++i) probes.push_back(0.5 * (breaks[i] + breaks[i + 1]));
    probes.push_back(breaks.back() + 1.0);
  }
  const double left_slope = maxout_derivative(probes.front(), pieces, k);
  const double right_slope = maxout_derivative(probes.back(), pieces, k);

  // A convex piecewise-linear function: bounded below exactly when it does not fall at
  // either end, and then its minimum sits at a breakpoint or on a flat piece.
  if (left_slope > 0.0 || right_slope < 0.0) {
    p.range = whole_line();
  } else {
    double lowest = kInf;
    for (double b : breaks) lowest = std::min(lowest, maxout(b, pieces, k));
    for (double x : probes) {
      if (maxout_derivative(x, pieces, k) == 0.0) lowest = std::min(lowest, maxout(x, pieces, k));
    }
    const bool constant = left_slope == 0.0 && right_slope == 0.0;
    p.range = {lowest, constant ? lowest : kInf, true, constant, {}};
  }
  p.monotonic = rising_if(left_slope >= 0.0);
  if (breaks.empty() && p.f_at_zero == 0.0 && left_slope != 0.0) {
    p.zero_centred = Centring::symmetric;  // a line through the origin
  } else if (p.range.min < 0.0 && p.f_at_zero == 0.0) {
    p.zero_centred = Centring::partial;
  } else {
    p.zero_centred = Centring::none;
  }

  // The steepest winning piece and the x interval where it wins.
  p.max_abs_derivative = -1.0;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    const double slope = std::fabs(maxout_derivative(probes[i], pieces, k));
    if (slope > p.max_abs_derivative) {
      p.max_abs_derivative = slope;
      p.max_abs_derivative_from = i == 0 ? -kInf : breaks[i - 1];
      p.max_abs_derivative_to = i + 1 == probes.size() ? kInf : breaks[i];
    }
  }
  p.max_abs_derivative_attained = true;
  if (left_slope == 0.0 && right_slope == 0.0) {
    p.saturates = Saturation::both;
  } else if (left_slope == 0.0) {
    p.saturates = Saturation::left;
  } else if (right_slope == 0.0) {
    p.saturates = Saturation::right;
  } else {
    p.saturates = Saturation::none;
  }
  return p;
}

Properties softmax_properties(const Arguments& args) {
  const double temperature = args.values[0];
  // Each output lies in (0, 1); |ds_i/dz_j| peaks at 1/(4T), on the diagonal where s_i = 1/2.
  // ds_i/dz_j = s_i (delta_ij - s_j) / T: s_i (1 - s_i) / T > 0 on the diagonal and
  // -s_i s_j / T < 0 off it, since every s lies in (0, 1). So each output rises with its own
  // logit and falls as any other rises: monotonic in its own input only.
  return {open_range(0.0, 1.0), kNaN, Monotonicity::own_input, Centring::none, kSmooth, {},
          0.25 / temperature, kNaN, kNaN, true, Saturation::both, true};
}

Properties log_softmax_properties(const Arguments& args) {
  const double temperature = args.values[0];
  // log s_i <= 0 (0 only for a single logit or one far above the rest); unbounded below.
  // d l_i/dz_j = (delta_ij - s_j)/T: (1 - s_i)/T > 0 on the diagonal, -s_j/T < 0 off it, so
  // monotonic in its own input only. |entries| stay below 1/T, approached as s_i -> 0 (on the
  // diagonal) or s_j -> 1 (off it). An output flattens (saturates) only as its logit leads.
  return {{-kInf, 0.0, false, true, {}}, kNaN, Monotonicity::own_input, Centring::none, kSmooth, {},
          1.0 / temperature, kNaN, kNaN, false, Saturation::right, true};
}

}  // namespace activation
