// Checks every property in the registry numerically against the functions themselves,
// at the defaults and across each parameter's range.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "registry.hpp"

namespace activation {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Case {
  const ActivationSpec* spec;
  Arguments args;
  std::vector<Piece> pieces;  // owned here; args points into it
  std::string label;
};

std::vector<Case> cases() {
  const std::vector<std::vector<Piece>> piece_sets = {
      maxout_default_pieces(),
      {{-1, 0}, {1, 0}},                            // |x|
      {{-2, -1}, {-0.5, 0}, {0.5, 0}, {2, -1}},     // a convex curve by 4 pieces
      {{0.2, 0}, {1, 0}},                           // leaky relu
      {{0, 1.5}},                                   // a constant
      {{1, 0}},                                     // the identity
      {{-1, 0}, {0, -2}},                           // falls, then flat
  };
  std::vector<Case> out;
  for (const ActivationSpec& spec : registry()) {
    if (!has_curve(spec)) continue;
    std::vector<ParamValues> param_sets = {default_params(spec)};
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
      const ParamSpec& p = spec.params[i];
      for (double v : {p.min_exclusive ? p.min + 0.05 : p.min, p.max, 0.5 * (p.min + p.max), 1.0}) {
        if (v < p.min || v > p.max) continue;
        ParamValues values = default_params(spec);
        values[i] = v;
        param_sets.push_back(values);
      }
    }
    const bool pieces_kind = spec.kind == Kind::pieces;
    const std::size_t piece_variants = pieces_kind ? piece_sets.size() : 1;
    for (const ParamValues& values : param_sets) {
      for (std::size_t k = 0; k < piece_variants; ++k) {
        Case c;
        c.spec = &spec;
        c.args.values = values;
        c.pieces = piece_sets[k];
        c.label = std::string(spec.slug) + " param " + std::to_string(values[0]) +
                  (pieces_kind ? " pieces #" + std::to_string(k) : "");
        out.push_back(std::move(c));
      }
    }
  }
  for (Case& c : out) {
    c.args.pieces = c.pieces.data();
    c.args.piece_count = c.pieces.size();
  }
  return out;
}

std::vector<double> grid() {
  std::vector<double> xs;
  for (int i = -24000; i <= 24000; ++i) xs.push_back(i * 0.0025);  // [-60, 60]
  // Far out, for tails that fall like a power of x (squareplus: b/(4|x|)).
  for (double far : {-1e9, -1e6, -1e3, 1e3, 1e6, 1e9}) xs.push_back(far);
  std::sort(xs.begin(), xs.end());
  return xs;
}

class Properties_ : public ::testing::Test {
 protected:
  std::vector<Case> all = cases();
  std::vector<double> xs = grid();

  std::vector<double> values(const Case& c, bool derivative) const {
    std::vector<double> out(xs.size());
    (derivative ? c.spec->df_batch : c.spec->f_batch)(xs.data(), out.data(), xs.size(), c.args);
    return out;
  }
};

TEST_F(Properties_, OutputsStayInTheRangeAndReachItsEnds) {
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    const Properties p = c.spec->properties(c.args);
    const std::vector<double> f = values(c, false);
    for (std::size_t i = 0; i < f.size(); ++i) {
      const double y = f[i];
      EXPECT_GE(y, p.range.min) << "x = " << xs[i];
      EXPECT_LE(y, p.range.max) << "x = " << xs[i];
      // Open ends are never reached; far out, doubles round onto them (sigmoid(40) == 1.0).
      if (std::fabs(xs[i]) <= 10) {
        if (!p.range.min_inclusive) EXPECT_GT(y, p.range.min) << "x = " << xs[i];
        if (!p.range.max_inclusive) EXPECT_LT(y, p.range.max) << "x = " << xs[i];
      }
      if (!p.range.discrete_values.empty()) {
        EXPECT_NE(std::find(p.range.discrete_values.begin(), p.range.discrete_values.end(), y),
                  p.range.discrete_values.end()) << y;
      }
    }
    // The bounds are tight: the sampled extremes come within 1e-6 of them (or run away).
    const auto [lo, hi] = std::minmax_element(f.begin(), f.end());
    if (std::isfinite(p.range.min)) EXPECT_NEAR(*lo, p.range.min, 1e-6); else EXPECT_LT(*lo, -100);
    if (std::isfinite(p.range.max)) EXPECT_NEAR(*hi, p.range.max, 1e-6); else EXPECT_GT(*hi, 100);
  }
}

TEST_F(Properties_, FAtZeroIsF0) {
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    EXPECT_EQ(c.spec->properties(c.args).f_at_zero, c.spec->f(0.0, c.args));
  }
}

TEST_F(Properties_, MonotonicMeansNeverDecreasing) {
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    const std::vector<double> f = values(c, false);
    bool non_decreasing = true;
    for (std::size_t i = 1; i < f.size(); ++i) non_decreasing = non_decreasing && f[i] >= f[i - 1];
    // A function of one x is never decreasing or not: "own input" is for vector functions.
    const Monotonicity measured = non_decreasing ? Monotonicity::non_decreasing : Monotonicity::none;
    EXPECT_EQ(static_cast<int>(c.spec->properties(c.args).monotonic), static_cast<int>(measured));
  }
}

TEST_F(Properties_, ZeroCentring) {
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    const Properties p = c.spec->properties(c.args);
    const std::vector<double> f = values(c, false);
    const auto [lo, hi] = std::minmax_element(f.begin(), f.end());
    switch (p.zero_centred) {
      case Centring::symmetric:
        for (double x : {0.5, 1.0, 3.0, 10.0}) EXPECT_DOUBLE_EQ(c.spec->f(-x, c.args), -c.spec->f(x, c.args));
        break;
      case Centring::partial:
        EXPECT_EQ(c.spec->f(0.0, c.args), 0.0);
        EXPECT_LT(*lo, 0.0);
        EXPECT_GT(*hi, 0.0);
        break;
      case Centring::none:  // every output on one side of 0
        EXPECT_TRUE(*lo >= 0.0 || *hi <= 0.0) << "outputs from " << *lo << " to " << *hi;
        break;
    }
  }
}

TEST_F(Properties_, ContinuityAndKinks) {
  const double h = 1e-7;
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    const Properties p = c.spec->properties(c.args);
    // No kinks means at least C1; kinks mean at most C0.
    if (p.non_differentiable_points.empty()) EXPECT_GE(p.continuity_order, 1.0);
    else EXPECT_LE(p.continuity_order, 0.0);
    for (double k : p.non_differentiable_points) {
      const double jump_f = std::fabs(c.spec->f(k + h, c.args) - c.spec->f(k - h, c.args));
      const double jump_df = std::fabs(c.spec->df(k + h, c.args) - c.spec->df(k - h, c.args));
      if (p.continuity_order == kDiscontinuous) {
        EXPECT_GT(jump_f, 0.5);
      } else {
        EXPECT_LT(jump_f, 1e-5);
        EXPECT_GT(jump_df, 1e-3);  // a real kink
      }
    }
    if (p.continuity_order >= 1.0) {
      // f' has no jump anywhere on the grid: neighbouring values differ only a little.
      const std::vector<double> df = values(c, true);
      for (std::size_t i = 1; i + 4 < df.size(); ++i) {
        if (std::fabs(xs[i]) > 60 || std::fabs(xs[i - 1]) > 60) continue;
        ASSERT_LT(std::fabs(df[i] - df[i - 1]), 0.02 * std::max(1.0, c.args.values[0])) << "x = " << xs[i];
      }
    }
  }
}

// C1 is reported only when that is all there is: somewhere f' itself has a corner (f''
// jumps), the reason the page calls such a function continuously differentiable and not
// smooth. ContinuityAndKinks has checked that f' does not jump.
TEST_F(Properties_, COneMeansFPrimeHasACorner) {
  const double h = 1e-4;
  for (const Case& c : all) {
    if (c.spec->properties(c.args).continuity_order != 1.0) continue;
    SCOPED_TRACE(c.label);
    double widest = 0.0;
    double where = 0.0;
    for (double x : xs) {
      const double d = c.spec->df(x, c.args);
      const double bend = std::fabs((c.spec->df(x + h, c.args) - d) - (d - c.spec->df(x - h, c.args))) / h;
      if (bend > widest) std::tie(widest, where) = std::make_pair(bend, x);
    }
    EXPECT_GT(widest, 0.1) << "f'' changes by " << widest << " across x = " << where;
  }
}

TEST_F(Properties_, SteepestSlope) {
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    const Properties p = c.spec->properties(c.args);
    const std::vector<double> df = values(c, true);
    double steepest = 0.0;
    for (double d : df) steepest = std::max(steepest, std::fabs(d));
    EXPECT_LE(steepest, p.max_abs_derivative);
    if (p.max_abs_derivative_attained) {
      // A point inside [from, to] where |f'| equals the value.
      double x = p.max_abs_derivative_from;
      if (!std::isfinite(x)) x = std::isfinite(p.max_abs_derivative_to) ? p.max_abs_derivative_to - 1.0 : 0.0;
      else if (p.max_abs_derivative_to > x) x = std::isfinite(p.max_abs_derivative_to) ? 0.5 * (x + p.max_abs_derivative_to) : x + 1.0;
      EXPECT_DOUBLE_EQ(std::fabs(c.spec->df(x, c.args)), p.max_abs_derivative) << "at x = " << x;
    } else {
      // Only approached: strictly below it wherever doubles can still tell (|x| <= 1).
      for (std::size_t i = 0; i < xs.size(); ++i) {
        if (std::fabs(xs[i]) <= 1) EXPECT_LT(std::fabs(df[i]), p.max_abs_derivative) << xs[i];
      }
      // ...and reached in the limit the properties name (x → +∞ or x → −∞), far enough out
      // for a power-law approach (squareplus: 1 - f' ~ b/(4x²)).
      const double far = std::copysign(1e9, p.max_abs_derivative_to);
      EXPECT_NEAR(std::fabs(c.spec->df(far, c.args)), p.max_abs_derivative, 1e-9) << "at x = " << far;
    }
  }
}

TEST_F(Properties_, Saturation) {
  for (const Case& c : all) {
    SCOPED_TRACE(c.label);
    const Properties p = c.spec->properties(c.args);
    // Far out, so that tails that fall like a power of x (1/x², not e^-x) count too.
    const bool left = std::fabs(c.spec->df(-1e100, c.args)) < 1e-12;
    const bool right = std::fabs(c.spec->df(1e100, c.args)) < 1e-12;
    const Saturation measured = left && right ? Saturation::both
                                : left        ? Saturation::left
                                : right       ? Saturation::right
                                              : Saturation::none;
    EXPECT_EQ(static_cast<int>(p.saturates), static_cast<int>(measured));
  }
}

TEST(Registry, SeedArticleInItsOrder) {
  std::vector<std::string> slugs;
  for (const ActivationSpec& spec : registry()) {
    if (spec.group == "article") slugs.emplace_back(spec.slug);
  }
  // log-softmax is not the article's, but it is shown beside softmax, inside its section.
  const std::vector<std::string> expected = {"step", "sigmoid", "tanh", "relu", "softplus", "leaky-relu",
                                             "prelu", "elu", "maxout", "softmax", "log-softmax"};
  EXPECT_EQ(slugs, expected);
}

TEST(Registry, EveryRowIsComplete) {
  std::vector<std::string_view> seen;
  for (const ActivationSpec& spec : registry()) {
    SCOPED_TRACE(std::string(spec.slug));
    EXPECT_FALSE(spec.formula_tex.empty());
    EXPECT_FALSE(spec.derivative_tex.empty());
    for (const ParamSpec& p : spec.params) {
      EXPECT_LT(p.min, p.max);
      EXPECT_TRUE(p.min_exclusive ? p.default_value > p.min : p.default_value >= p.min);
      EXPECT_LE(p.default_value, p.max);
    }
    // "uses exp" agrees with the formula the page shows.
    EXPECT_EQ(spec.properties(default_arguments(spec)).uses_exp,
              spec.formula_tex.find("e^{") != std::string_view::npos);
    // One slug each; a parent that exists and comes first; what each kind needs.
    EXPECT_EQ(std::count(seen.begin(), seen.end(), spec.slug), 0);
    if (!spec.parent.empty()) EXPECT_EQ(std::count(seen.begin(), seen.end(), spec.parent), 1);
    seen.push_back(spec.slug);
    EXPECT_FALSE(spec.group.empty());
    EXPECT_NE(spec.properties, nullptr);
    if (has_curve(spec)) {
      EXPECT_TRUE(spec.f && spec.df && spec.f_batch && spec.df_batch);
      EXPECT_GE(spec.colour, 0);
      EXPECT_GT(spec.half_range, 0);
      EXPECT_FALSE(spec.baseline.f.empty() || spec.baseline.df.empty()) << "the benchmark's JS baseline";
    } else {
      EXPECT_TRUE(spec.vector_f && spec.jacobian && spec.jacobian_diagonal);
      EXPECT_FALSE(spec.params.empty()) << "vector records carry the first parameter";
      EXPECT_GE(spec.vector.edit_min, 1u);
      EXPECT_LE(spec.vector.edit_max, spec.vector.jacobian_max_length);
      EXPECT_LE(spec.vector.defaults.size(), spec.vector.edit_max);
    }
    EXPECT_EQ(spec.param_derivative_batch == nullptr, spec.param_derivative_tex.empty());
    if (spec.kind == Kind::pieces) {
      EXPECT_NE(spec.argmax_batch, nullptr);
      EXPECT_GE(spec.pieces.min_count, 1u);
      EXPECT_LE(spec.pieces.defaults.size(), spec.pieces.max_count);
      for (const PiecesPreset& preset : spec.pieces.presets) {
        EXPECT_LE(preset.pieces.size(), spec.pieces.max_count) << preset.id;
      }
    }
  }
}

TEST(Registry, ComparisonsNameFunctionsWithCurves) {
  for (const ComparisonSpec& c : comparisons()) {
    SCOPED_TRACE(std::string(c.id));
    EXPECT_EQ(find_activation(c.id), nullptr) << "a comparison id must not be a slug";
    for (const auto* list : {&c.members, &c.hidden}) {
      for (std::string_view slug : *list) {
        const ActivationSpec* spec = find_activation(slug);
        ASSERT_NE(spec, nullptr) << slug;
        EXPECT_TRUE(has_curve(*spec)) << slug;
      }
    }
    EXPECT_GT(c.half_range, 0);
    // A picker highlights one function at first: one of its members.
    if (c.style == ComparisonStyle::picker) {
      ASSERT_NE(find_activation(c.featured), nullptr) << c.featured;
      EXPECT_TRUE(has_curve(*find_activation(c.featured)));
      EXPECT_TRUE(c.members.empty() || std::count(c.members.begin(), c.members.end(), c.featured) == 1);
    } else {
      EXPECT_TRUE(c.featured.empty());
    }
  }
}

// A training band names two of the row's parameters, and the band's edges are curves the
// core can draw: f with both set to either one's value stays a valid call.
TEST(Registry, BandsNameTwoParameters) {
  for (const ActivationSpec& spec : registry()) {
    SCOPED_TRACE(std::string(spec.slug));
    EXPECT_EQ(spec.band_low.empty(), spec.band_high.empty());
    if (spec.band_low.empty()) continue;
    EXPECT_NE(spec.band_low, spec.band_high);
    for (std::string_view name : {spec.band_low, spec.band_high}) {
      EXPECT_EQ(std::count_if(spec.params.begin(), spec.params.end(), [&](const ParamSpec& p) { return p.name == name; }), 1)
          << name;
    }
  }
}

TEST(Registry, Lookups) {
  EXPECT_EQ(find_activation("leaky-relu")->params[0].default_value, 0.2);
  EXPECT_EQ(find_activation("prelu")->params[0].default_value, 0.25);
  EXPECT_EQ(find_activation("nope"), nullptr);
}

TEST(Registry, HeadlineFacts) {
  const ActivationSpec* sigmoid = find_activation("sigmoid");
  const ActivationSpec* tanh = find_activation("tanh");
  Arguments none;
  EXPECT_EQ(sigmoid->df(0.0, none), 0.25);
  EXPECT_EQ(sigmoid->properties(none).max_abs_derivative, 0.25);
  EXPECT_EQ(tanh->df(0.0, none), 1.0);
  EXPECT_EQ(tanh->properties(none).max_abs_derivative, 1.0);
}

}  // namespace
}  // namespace activation
