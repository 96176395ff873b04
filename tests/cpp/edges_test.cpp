// Edge values for every registry function, at every argument set registry_cases.hpp derives
// from its row (defaults; each parameter at its low end, maximum and midpoint, and for an
// exclusive minimum also the very next double above it; every pieces preset), so a new
// function is checked without touching this file. Named special cases (the exact limits of
// each article function, its kink conventions, its tiny tails) stay in scalar_edge_test.cpp;
// softmax's own in softmax_test.cpp.
//
// What the properties promise is what is checked: NaN propagates; no other input gives NaN;
// f' is finite for finite x, and so is f when the range is bounded; outputs stay in the
// range even at +-inf; a monotonic function reaches its range's ends at +-inf; f' is 0 at
// +-inf exactly on the sides where it saturates. The batch loops give the scalar results bit
// for bit at every argument set (batch_test.cpp does the defaults).
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "registry.hpp"
#include "registry_cases.hpp"

namespace activation {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string text(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

// Every sign of every kind of extreme: zero, subnormals, the smallest normal, tiny, 1, where
// exp(+-x) overflows or underflows (710, 745), huge, the largest double, infinity.
std::vector<double> wide_inputs() {
  std::vector<double> xs;
  for (double m : {0.0, 5e-324, 1e-310, DBL_MIN, 1e-300, 1e-20, 1.0, 20.0, 37.0, 355.0, 709.78,
                   710.0, 745.0, 746.0, 1000.0, 1e300, DBL_MAX, kInf}) {
    xs.push_back(m);
    xs.push_back(-m);
  }
  return xs;
}

std::vector<cases::CurveCase> extreme_cases_of(const std::string& slug) {
  return cases::curve_cases_of(slug, /*extreme=*/true);
}

// ---- functions with a curve

class CurveEdges : public ::testing::TestWithParam<std::string> {};

TEST_P(CurveEdges, NaNInGivesNaNOut) {
  for (const cases::CurveCase& c : extreme_cases_of(GetParam())) {
    SCOPED_TRACE(c.label);
    const Arguments args = c.args();
    const double nans[] = {kNaN, -kNaN};
    double out[2];
    for (double x : nans) {
      EXPECT_TRUE(std::isnan(c.spec->f(x, args)));
      EXPECT_TRUE(std::isnan(c.spec->df(x, args)));
    }
    c.spec->f_batch(nans, out, 2, args);
    EXPECT_TRUE(std::isnan(out[0]) && std::isnan(out[1]));
    c.spec->df_batch(nans, out, 2, args);
    EXPECT_TRUE(std::isnan(out[0]) && std::isnan(out[1]));
    if (c.spec->param_derivative_batch != nullptr) {
      c.spec->param_derivative_batch(nans, out, 2, args);
      EXPECT_TRUE(std::isnan(out[0]) && std::isnan(out[1])) << "df/d" << c.spec->params[0].name;
    }
  }
}

TEST_P(CurveEdges, NoNaNAnywhereAndFiniteWhereBounded) {
  const std::vector<double> xs = wide_inputs();
  for (const cases::CurveCase& c : extreme_cases_of(GetParam())) {
    SCOPED_TRACE(c.label);
    const Arguments args = c.args();
    const Range range = c.spec->properties(args).range;
    const bool bounded = std::isfinite(range.min) && std::isfinite(range.max);
    std::vector<double> dparam(xs.size());
    if (c.spec->param_derivative_batch != nullptr) {
      c.spec->param_derivative_batch(xs.data(), dparam.data(), xs.size(), args);
    }
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double x = xs[i];
      const double f = c.spec->f(x, args);
      const double df = c.spec->df(x, args);
      SCOPED_TRACE("x = " + text(x) + ": f = " + text(f) + ", f' = " + text(df));
      EXPECT_FALSE(std::isnan(f));
      EXPECT_FALSE(std::isnan(df));
      if (std::isfinite(x)) {
        EXPECT_TRUE(std::isfinite(df)) << "f' of a finite x";
        if (bounded) {
          EXPECT_TRUE(std::isfinite(f)) << "the range is bounded";
        }
      }
      // Inside the range, closed: open ends are reached by rounding (sigmoid(40) == 1).
      EXPECT_GE(f, range.min);
      EXPECT_LE(f, range.max);
      if (c.spec->param_derivative_batch != nullptr) {
        EXPECT_FALSE(std::isnan(dparam[i])) << "df/d" << c.spec->params[0].name;
      }
    }
  }
}

TEST_P(CurveEdges, LimitsAtInfinityFollowTheProperties) {
  for (const cases::CurveCase& c : extreme_cases_of(GetParam())) {
    SCOPED_TRACE(c.label);
    const Arguments args = c.args();
    const Properties p = c.spec->properties(args);
    const double at_minus = c.spec->f(-kInf, args);
    const double at_plus = c.spec->f(kInf, args);
    // Non-decreasing: the infimum and supremum are the limits at -inf and +inf.
    if (p.monotonic == Monotonicity::non_decreasing) {
      EXPECT_EQ(at_minus, p.range.min) << "f(-inf) of a monotonic function";
      EXPECT_EQ(at_plus, p.range.max) << "f(+inf) of a monotonic function";
    }
    // Saturation is f' -> 0 on that side, and only there.
    const bool left = p.saturates == Saturation::left || p.saturates == Saturation::both;
    const bool right = p.saturates == Saturation::right || p.saturates == Saturation::both;
    const double slope_minus = c.spec->df(-kInf, args);
    const double slope_plus = c.spec->df(kInf, args);
    EXPECT_EQ(slope_minus == 0.0, left) << "f'(-inf) = " << text(slope_minus)
                                        << ": 0 exactly when it saturates on the left";
    EXPECT_EQ(slope_plus == 0.0, right) << "f'(+inf) = " << text(slope_plus)
                                        << ": 0 exactly when it saturates on the right";
  }
}

// The same bits (so -0 differs from +0), or both NaN.
bool same(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

bool default_case(const cases::CurveCase& c) {
  const Arguments d = default_arguments(*c.spec);
  if (c.values != d.values) return false;
  if (c.spec->kind != Kind::pieces) return true;
  const std::vector<Piece>& pieces = c.spec->pieces.defaults;
  if (c.pieces.size() != pieces.size()) return false;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!same(c.pieces[i].w, pieces[i].w) || !same(c.pieces[i].b, pieces[i].b)) return false;
  }
  return true;
}

// Whole arrays against one element at a time: f and f' against the scalar functions; the
// parameter derivative, which has no scalar form, against itself called on each element
// alone (the loop's tail, not its vector body). Enough points that every loop runs both.
TEST_P(CurveEdges, BatchesAgreeWithScalarsBitForBit) {
  std::vector<double> xs = wide_inputs();
  xs.push_back(kNaN);
  xs.push_back(-kNaN);
  for (int i = -150; i <= 150; ++i) xs.push_back(i * 0.173);
  const std::size_t n = xs.size();
  for (const cases::CurveCase& c : extreme_cases_of(GetParam())) {
    SCOPED_TRACE(c.label);
    const Arguments args = c.args();
    std::vector<double> y(n), dy(n);
    if (!default_case(c)) {  // the defaults are batch_test.cpp's
      c.spec->f_batch(xs.data(), y.data(), n, args);
      c.spec->df_batch(xs.data(), dy.data(), n, args);
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_TRUE(same(y[i], c.spec->f(xs[i], args))) << "f at x = " << text(xs[i]);
        EXPECT_TRUE(same(dy[i], c.spec->df(xs[i], args))) << "f' at x = " << text(xs[i]);
      }
    }
    if (c.spec->param_derivative_batch != nullptr) {
      c.spec->param_derivative_batch(xs.data(), dy.data(), n, args);
      for (std::size_t i = 0; i < n; ++i) {
        double one = 0.0;
        c.spec->param_derivative_batch(&xs[i], &one, 1, args);
        EXPECT_TRUE(same(dy[i], one)) << "df/d" << c.spec->params[0].name << " at x = " << text(xs[i]);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, CurveEdges, ::testing::ValuesIn(cases::slugs_where(&has_curve)),
                         cases::test_name);

// ---- vector functions

class VectorEdges : public ::testing::TestWithParam<std::string> {};

std::string describe(const std::vector<double>& z) {
  std::string s = "z =";
  for (double v : z) s += " " + text(v);
  return s;
}

struct VectorResult {
  std::vector<double> out, jacobian, diagonal;
};

VectorResult run(const ActivationSpec& spec, const std::vector<double>& z, const ParamValues& values) {
  const std::size_t n = z.size();
  VectorResult r{std::vector<double>(n), std::vector<double>(n * n), std::vector<double>(n)};
  spec.vector_f(z.data(), n, values, r.out.data());
  spec.jacobian(r.out.data(), n, values, r.jacobian.data());
  spec.jacobian_diagonal(r.out.data(), n, values, r.diagonal.data());
  return r;
}

// The current behaviour (softmax.cpp; asserted for softmax in softmax_test.cpp too): one NaN
// input makes every output NaN, and so the whole Jacobian.
TEST_P(VectorEdges, NaNAnywhereMakesEveryOutputNaN) {
  const ActivationSpec& spec = *find_activation(GetParam());
  const std::vector<std::vector<double>> bases = {
      {0.0}, {1.0, -2.0}, {3.0, 0.5, -1.0, 2.0}, {kInf, 0.0, -kInf}, {1e308, -1e308, 7.0}};
  for (const ParamValues& values : cases::param_sets(spec)) {
    for (const std::vector<double>& base : bases) {
      for (std::size_t at = 0; at < base.size(); ++at) {
        std::vector<double> z = base;
        z[at] = kNaN;
        SCOPED_TRACE(cases::describe(spec, values) + ", " + describe(z));
        const VectorResult r = run(spec, z, values);
        for (double v : r.out) EXPECT_TRUE(std::isnan(v)) << "output";
        for (double v : r.jacobian) EXPECT_TRUE(std::isnan(v)) << "Jacobian";
        for (double v : r.diagonal) EXPECT_TRUE(std::isnan(v)) << "diagonal";
      }
    }
  }
}

// Huge, infinite and mixed inputs: a distribution — probabilities in [0, 1] summing to 1 within
// 4 ULP, finite; for a row whose outputs are log-probabilities (its range ends at 0), their
// exponentials (a log-probability beyond the doubles is -inf) — and a finite Jacobian whose
// diagonal the diagonal function gives.
TEST_P(VectorEdges, HugeAndInfiniteInputsGiveADistribution) {
  const ActivationSpec& spec = *find_activation(GetParam());
  const std::vector<std::vector<double>> inputs = {
      {1e308, -1e308},          {1e308, 1e308},         {-1e308, -1e308},
      {DBL_MAX, -DBL_MAX, 0.0}, {-DBL_MAX, -DBL_MAX},   {1e308, 0.0, -1e308, 1e307},
      {1000.0, -1000.0},        {1000.0, -1000.0, 1000.0, -1000.0},
      {-1000.0, -1000.0, -1000.0}, {710.0, 0.0, -710.0}, {745.0, -745.0, 0.0},
      {5e-324, -5e-324, 0.0},   {kInf, 0.0},            {-kInf, 0.0},
      {kInf, kInf, -kInf},      {-kInf, -kInf},         {kInf, -kInf, 1e308}};
  for (const ParamValues& values : cases::param_sets(spec)) {
    for (const std::vector<double>& z : inputs) {
      SCOPED_TRACE(cases::describe(spec, values) + ", " + describe(z));
      const VectorResult r = run(spec, z, values);
      Arguments args;
      args.values = values;
      const bool logs = spec.properties(args).range.max == 0.0;
      double sum = 0.0;
      for (double v : r.out) {
        EXPECT_FALSE(std::isnan(v));
        if (logs) {
          EXPECT_LE(v, 0.0);
          v = std::exp(v);
        } else {
          EXPECT_TRUE(std::isfinite(v)) << v;
        }
        EXPECT_GE(v, 0.0);
        EXPECT_LE(v, 1.0);
        sum += v;
      }
      EXPECT_LE(std::fabs(sum - 1.0), 4 * DBL_EPSILON) << "sum " << text(sum);
      const std::size_t n = z.size();
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(r.diagonal[i], r.jacobian[i * n + i]);
        for (std::size_t j = 0; j < n; ++j) EXPECT_TRUE(std::isfinite(r.jacobian[i * n + j]));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, VectorEdges, ::testing::ValuesIn(cases::slugs_where(&cases::is_vector)),
                         cases::test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(VectorEdges);

// ---- the argument sets themselves

TEST(RegistryCases, CoverEveryParameterEndAndPreset) {
  for (const ActivationSpec& spec : registry()) {
    SCOPED_TRACE(std::string(spec.slug));
    const std::vector<ParamValues> sets = cases::param_sets(spec, true);
    ASSERT_FALSE(sets.empty());
    EXPECT_EQ(sets.front(), default_params(spec));
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
      const ParamSpec& p = spec.params[i];
      bool low = false, high = false, next = !p.min_exclusive;
      for (const ParamValues& v : sets) {
        EXPECT_TRUE(p.min_exclusive ? v[i] > p.min : v[i] >= p.min) << p.name << " " << v[i];
        EXPECT_LE(v[i], p.max) << p.name;
        low = low || v[i] == cases::low_end(p);
        high = high || v[i] == p.max;
        next = next || v[i] == std::nextafter(p.min, p.max);
      }
      EXPECT_TRUE(low && high && next) << p.name;
    }
    if (has_curve(spec)) {
      const std::size_t presets = spec.kind == Kind::pieces ? 1 + spec.pieces.presets.size() : 1;
      EXPECT_EQ(cases::curve_cases_of(std::string(spec.slug), true).size(), sets.size() * presets);
    }
  }
}

}  // namespace
}  // namespace activation
