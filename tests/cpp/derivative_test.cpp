// Every derivative in the registry against finite differences of its own function: f' of
// each function with a curve, df/d(first parameter) where the row has one (PReLU), and the
// Jacobian of each vector function. The functions, their parameter ranges, pieces presets and
// kinks all come from the registry (registry_cases.hpp), so a new row is checked here
// without touching this file. Exact agreement with mpmath is accuracy_test.cpp's job; this
// one catches a derivative that is the wrong formula.
//
// The method: Ridders' extrapolation of central differences (Numerical Recipes, dfridr).
// A central difference D(h) = (f(x+h) - f(x-h)) / 2h equals f'(x) + c1 h^2 + c2 h^4 + ...
// plus a rounding error of about k u |f| / h (u = 2^-53, f within k ~ 1-4 ULP). A single
// difference must trade one against the other: with h = 1e-6 max(1, |x|) the rounding part
// alone is ~1e-10 |f| / max(1, |x|), 3e-8 for softplus at beta = 0.01 where f(0) = 69, so its
// tolerance could not be below ~1e-6. Ridders instead starts at a coarse step
// h0 = 0.1 max(1, |x|), where rounding is negligible (~1e-15 |f|), shrinks it by 1.4 up to
// 11 times (h0 / 40 at the smallest) and extrapolates the table of D(h) to h -> 0 (Neville,
// in h^2), each column removing the next power of h^2; it returns the entry whose successive
// corrections are smallest, with that correction as its error estimate. Measured over the
// ten article functions at every argument set below: worst 1.2e-12 of max(1, |f'|) (softplus,
// beta = 0.01, rounding in its large f), typically 1e-14; the softmax Jacobian 3e-14.
//
// The tolerance is kTolerance = 1e-8 of max(1, |f'|): ~10^4 above that error, room for
// steeper functions to come, yet a derivative off by a factor 1.01 fails wherever
// |f'| > 1e-6, and one off by 1e-6 relative fails where |f'| ~ 1/4. The DerivativeChecker
// tests run the checker on such wrong pairs (1.01 sigma', (1 + 1e-6) sigma', sigma for sigma',
// softplus' without its beta, ELU' without its alpha on one side, an unlisted kink) and expect
// it to fail.
//
// Kinks and jumps (properties(args).non_differentiable_points; a jump, continuity_order < 0,
// is listed there too) are kept out of every stencil: points within 1e-3 max(1, |x|) of one
// are skipped, and h0 is at most half the distance to the nearest one. Where f is C1 but f''
// jumps (not listed: ELU at alpha = 1), see converged_difference().
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "registry.hpp"
#include "registry_cases.hpp"

namespace activation {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-8;   // of max(1, |f'|)
constexpr double kFirstStep = 0.1;    // h0 = kFirstStep * max(1, |x|)
constexpr double kKinkMargin = 1e-3;  // skip x within kKinkMargin * max(1, |x|) of a kink

// ---- Ridders' method

struct Estimate {
  double value;
  double error;  // Ridders' own estimate of its error
};

// d/dt g(t) at t = x, from central differences starting at step h0.
template <class G>
Estimate ridders(const G& g, double x, double h0) {
  constexpr int kTable = 12;
  // Numerical Recipes stops as soon as a diagonal step grows; from a coarse h0 that can happen
  // on the second or third row, before the extrapolation has converged (tanh at x = -0.66 then
  // came out 3e-6 off). The smallest step, h0 / 1.4^11 = h0 / 40, is still far from where
  // rounding dominates, so the first rows are always built.
  constexpr int kMinRows = 6;
  constexpr double kShrink = 1.4;
  constexpr double kShrink2 = kShrink * kShrink;
  constexpr double kSafe = 2.0;
  // The step actually taken is (x + h) - (x - h), not 2h: the difference of what was evaluated.
  const auto central = [&](double h) {
    const double up = x + h;
    const double down = x - h;
    return (g(up) - g(down)) / (up - down);
  };
  double a[kTable][kTable];
  double h = h0;
  a[0][0] = central(h);
  Estimate best{a[0][0], kInf};
  for (int i = 1; i < kTable; ++i) {
    h /= kShrink;
    a[0][i] = central(h);
    double factor = kShrink2;
    for (int j = 1; j <= i; ++j) {
      a[j][i] = (a[j - 1][i] * factor - a[j - 1][i - 1]) / (factor - 1.0);
      factor *= kShrink2;
      const double error = std::max(std::fabs(a[j][i] - a[j - 1][i]), std::fabs(a[j][i] - a[j - 1][i - 1]));
      if (error <= best.error) best = {a[j][i], error};
    }
    // Higher orders got worse by a significant factor: rounding has taken over.
    if (i >= kMinRows && std::fabs(a[i][i] - a[i - 1][i - 1]) >= kSafe * best.error) break;
  }
  return best;
}

// Ridders from h0, and again from h0/10, h0/100, h0/1000 while its error estimate says it has
// not converged. It does not converge where f is less smooth inside the stencil: a C1 function
// whose f'' jumps (ELU at alpha = 1 at 0) has no listed kink, but extrapolation in h^2 fails
// across that point. A smaller stencil leaves the point out; at the point itself nothing
// converges, and the caller skips x. Convergence depends on f alone, never on the derivative
// being checked, so skipping cannot hide a wrong one.
constexpr double kConverged = 1e-2 * kTolerance;  // error estimate, of max(1, |value|)

bool converged(const Estimate& e) { return e.error <= kConverged * std::max(1.0, std::fabs(e.value)); }

template <class G>
Estimate converged_difference(const G& g, double x, double h0) {
  Estimate e{};
  for (int attempt = 0; attempt < 4; ++attempt, h0 /= 10.0) {
    e = ridders(g, x, h0);
    if (converged(e)) return e;
  }
  return e;
}

double distance_to(const std::vector<double>& points, double x) {
  double d = kInf;
  for (double p : points) d = std::min(d, std::fabs(x - p));
  return d;
}

// ---- the checker: the worst disagreement over a set of points

struct Worst {
  double excess = 0.0;  // |fd - f'| / max(1, |f'|); pass when <= kTolerance
  double x = 0.0, fd = 0.0, exact = 0.0;
  std::size_t checked = 0;      // points compared
  std::size_t unconverged = 0;  // points skipped because no difference converged

  bool passes() const { return excess <= kTolerance; }
  std::string text() const {
    std::ostringstream s;
    s.precision(17);
    s << "worst at x = " << x << ": finite difference " << fd << ", derivative " << exact
      << " (off by " << excess << " of max(1, |f'|); tolerance " << kTolerance << "), "
      << checked << " points checked, " << unconverged << " skipped as not converged";
    return s.str();
  }
};

// A difference that did not converge is skipped, unless it is not even finite: f gave NaN or
// infinity next to x, which is a failure in its own right.
void record(Worst& w, double x, const Estimate& fd, double exact) {
  if (std::isfinite(fd.value) && !converged(fd)) {
    ++w.unconverged;
    return;
  }
  ++w.checked;
  const double excess = std::fabs(fd.value - exact) / std::max(1.0, std::fabs(exact));
  if (std::isnan(w.excess)) return;  // a NaN already stands as the worst
  if (std::isnan(excess) || excess > w.excess) {
    w.excess = excess;
    w.x = x;
    w.fd = fd.value;
    w.exact = exact;
  }
}

// f' against Ridders' differences of f at every x not near a kink.
template <class F, class DF>
Worst check_derivative(const F& f, const DF& df, const std::vector<double>& kinks,
                       const std::vector<double>& xs) {
  Worst w;
  for (double x : xs) {
    const double scale = std::max(1.0, std::fabs(x));
    const double gap = distance_to(kinks, x);
    if (gap < kKinkMargin * scale) continue;
    record(w, x, converged_difference(f, x, std::min(kFirstStep * scale, 0.5 * gap)), df(x));
  }
  return w;
}

// [-20, 20] by 0.01, then a few far points where the tails and the linear parts are.
std::vector<double> grid() {
  std::vector<double> xs;
  for (int i = -2000; i <= 2000; ++i) xs.push_back(i * 0.01);
  for (double far : {50.0, 100.0, 1000.0}) {
    xs.push_back(far);
    xs.push_back(-far);
  }
  return xs;
}

// ---- f' of every function with a curve

class Derivative : public ::testing::TestWithParam<std::string> {};

TEST_P(Derivative, MatchesFiniteDifferencesAwayFromKinks) {
  const std::vector<double> xs = grid();
  const std::vector<cases::CurveCase> all = cases::curve_cases_of(GetParam());
  ASSERT_FALSE(all.empty());
  for (const cases::CurveCase& c : all) {
    SCOPED_TRACE(c.label);
    const Arguments args = c.args();
    const Properties p = c.spec->properties(args);
    if (p.continuity_order < 0.0) {
      EXPECT_FALSE(p.non_differentiable_points.empty()) << "a jump must be listed with the kinks";
    }
    const ScalarFn f = c.spec->f;
    const ScalarFn df = c.spec->df;
    const Worst w = check_derivative([&](double x) { return f(x, args); },
                                     [&](double x) { return df(x, args); },
                                     p.non_differentiable_points, xs);
    EXPECT_TRUE(w.passes()) << w.text();
    // Skipping kinks must leave nearly the whole grid checked.
    EXPECT_GE(w.checked, xs.size() * 9 / 10) << w.text();
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, Derivative, ::testing::ValuesIn(cases::slugs_where(&has_curve)),
                         cases::test_name);

// ---- df/d(first parameter), for the rows that learn it

bool has_param_derivative(const ActivationSpec& spec) {
  return has_curve(spec) && spec.param_derivative_batch != nullptr;
}

class ParamDerivative : public ::testing::TestWithParam<std::string> {};

// Central differences in the first parameter p, from a step of 0.1 max(1, |p|), kept inside an
// exclusive minimum. Kinks in x can move with p (hardshrink's at +-lambda), so x near one is
// skipped and the step is at most half the distance to it.
TEST_P(ParamDerivative, MatchesFiniteDifferencesInTheFirstParameter) {
  const std::vector<double> xs = grid();
  const std::vector<cases::CurveCase> all = cases::curve_cases_of(GetParam());
  ASSERT_FALSE(all.empty());
  ASSERT_FALSE(all.front().spec->params.empty()) << "a parameter derivative needs a parameter";
  for (const cases::CurveCase& c : all) {
    SCOPED_TRACE(c.label);
    const ActivationSpec& spec = *c.spec;
    const ParamSpec& first = spec.params[0];
    const Arguments args = c.args();
    const Properties p = spec.properties(args);
    std::vector<double> exact(xs.size());
    spec.param_derivative_batch(xs.data(), exact.data(), xs.size(), args);
    const double value = args.values[0];
    double h0 = kFirstStep * std::max(1.0, std::fabs(value));
    if (first.min_exclusive) h0 = std::min(h0, 0.5 * (value - first.min));
    Worst w;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double x = xs[i];
      const double scale = std::max(1.0, std::fabs(x));
      const double gap = distance_to(p.non_differentiable_points, x);
      if (gap < kKinkMargin * scale) continue;
      const auto in_p = [&](double v) {
        Arguments moved = args;
        moved.values[0] = v;
        return spec.f(x, moved);
      };
      record(w, x, converged_difference(in_p, value, std::min(h0, 0.5 * gap)), exact[i]);
    }
    EXPECT_TRUE(w.passes()) << w.text();
    EXPECT_GE(w.checked, xs.size() * 9 / 10) << w.text();
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, ParamDerivative,
                         ::testing::ValuesIn(cases::slugs_where(&has_param_derivative)), cases::test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ParamDerivative);

// ---- the Jacobian of every vector function

class Jacobian : public ::testing::TestWithParam<std::string> {};

// J[i][j] = d out_i / d z_j against Ridders' differences of vector_f in z_j, for random inputs
// in [-4, 4] of 1 to 6 elements and the row's default vector, at every parameter set; and the
// diagonal function gives exactly J's diagonal.
TEST_P(Jacobian, MatchesFiniteDifferencesAndItsDiagonal) {
  const ActivationSpec& spec = *find_activation(GetParam());
  cases::Random random(2024);
  std::vector<std::vector<double>> inputs = {spec.vector.defaults};
  for (std::size_t n = 1; n <= 6; ++n) {
    for (int k = 0; k < 3; ++k) {
      std::vector<double> z(n);
      for (double& v : z) v = random.uniform(-4.0, 4.0);
      inputs.push_back(z);
    }
  }
  std::size_t entries = 0, unconverged = 0;
  for (const ParamValues& values : cases::param_sets(spec)) {
    for (const std::vector<double>& z : inputs) {
      const std::size_t n = z.size();
      std::ostringstream where;
      where.precision(17);
      where << cases::describe(spec, values) << ", z =";
      for (double v : z) where << " " << v;
      SCOPED_TRACE(where.str());
      std::vector<double> s(n), jacobian(n * n), diagonal(n);
      spec.vector_f(z.data(), n, values, s.data());
      spec.jacobian(s.data(), n, values, jacobian.data());
      spec.jacobian_diagonal(s.data(), n, values, diagonal.data());
      for (std::size_t j = 0; j < n; ++j) {
        EXPECT_EQ(diagonal[j], jacobian[j * n + j]) << "diagonal element " << j;
        for (std::size_t i = 0; i < n; ++i) {
          const auto output_i = [&](double zj) {
            std::vector<double> moved = z, out(n);
            moved[j] = zj;
            spec.vector_f(moved.data(), n, values, out.data());
            return out[i];
          };
          Worst w;
          record(w, z[j], converged_difference(output_i, z[j], kFirstStep * std::max(1.0, std::fabs(z[j]))),
                 jacobian[i * n + j]);
          EXPECT_TRUE(w.passes()) << "d out_" << i << " / d z_" << j << ": " << w.text();
          ++entries;
          unconverged += w.unconverged;
        }
      }
    }
  }
  // A difference that does not converge is skipped; that must stay rare.
  EXPECT_LE(unconverged * 100, entries) << unconverged << " of " << entries << " entries not converged";
}

INSTANTIATE_TEST_SUITE_P(Registry, Jacobian, ::testing::ValuesIn(cases::slugs_where(&cases::is_vector)), cases::test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Jacobian);

// ---- the checker itself fails on wrong derivatives

double sigmoid_of(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double sigmoid_slope(double x) { return sigmoid_of(x) * (1.0 - sigmoid_of(x)); }

TEST(DerivativeChecker, PassesTheRightPair) {
  const Worst w = check_derivative(sigmoid_of, sigmoid_slope, {}, grid());
  EXPECT_TRUE(w.passes()) << w.text();
  EXPECT_LT(w.excess, 1e-3 * kTolerance) << "the method's own error leaves a wide margin";
}

TEST(DerivativeChecker, FailsAWrongFactorOrFormula) {
  const std::vector<double> xs = grid();
  // Off by 1%.
  EXPECT_FALSE(check_derivative(sigmoid_of, [](double x) { return 1.01 * sigmoid_slope(x); }, {}, xs).passes());
  // Off by one part in 10^6: still more than the tolerance where |f'| ~ 1/4.
  EXPECT_FALSE(check_derivative(sigmoid_of, [](double x) { return (1 + 1e-6) * sigmoid_slope(x); }, {}, xs).passes());
  // sigma for sigma'.
  EXPECT_FALSE(check_derivative(sigmoid_of, sigmoid_of, {}, xs).passes());
  // Softplus with beta = 2 and the derivative's beta forgotten: sigma(x), not sigma(2x).
  const ActivationSpec& softplus = *find_activation("softplus");
  Arguments beta2;
  beta2.values[0] = 2.0;
  EXPECT_FALSE(check_derivative([&](double x) { return softplus.f(x, beta2); }, sigmoid_of, {}, xs).passes());
  // ELU with alpha = 2 whose left side forgot alpha: wrong on one side only.
  const ActivationSpec& elu = *find_activation("elu");
  Arguments alpha2;
  alpha2.values[0] = 2.0;
  EXPECT_FALSE(check_derivative([&](double x) { return elu.f(x, alpha2); },
                                [](double x) { return x > 0 ? 1.0 : std::exp(x); }, {0.0}, xs)
                   .passes());
  // A NaN derivative, or a function that gives NaN somewhere.
  EXPECT_FALSE(check_derivative(sigmoid_of, [](double) { return std::nan(""); }, {}, xs).passes());
  EXPECT_FALSE(check_derivative([](double x) { return x > 5 && x < 6 ? std::nan("") : sigmoid_of(x); },
                                sigmoid_slope, {}, xs).passes());
}

TEST(DerivativeChecker, FailsAKinkThatIsNotListed) {
  // relu's kink at 0 left out of the list: the stencils around 0 straddle it.
  const std::vector<double> xs = grid();
  const auto relu = [](double x) { return x > 0 ? x : 0.0; };
  const auto step = [](double x) { return x > 0 ? 1.0 : 0.0; };
  EXPECT_TRUE(check_derivative(relu, step, {0.0}, xs).passes());
  EXPECT_FALSE(check_derivative(relu, step, {}, xs).passes());
}

}  // namespace
}  // namespace activation
