// Named edge values of the article's functions: limits at ±inf, tiny tails, kink conventions.
// What every function must do at the edges is in edges_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "registry.hpp"

namespace activation {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Limit {
  std::string slug;
  double param;  // first parameter (ignored when the function has none)
  double x;
  double f;
  double df;
};

double call(const std::string& slug, double param, double x, bool derivative) {
  const ActivationSpec* spec = find_activation(slug);
  Arguments args = default_arguments(*spec);
  if (!spec->params.empty()) args.values[0] = param;
  return derivative ? spec->df(x, args) : spec->f(x, args);
}

TEST(ScalarEdges, LimitsAtInfinity) {
  const Limit limits[] = {
      {"step", 0, kInf, 1, 0},           {"step", 0, -kInf, 0, 0},
      {"sigmoid", 0, kInf, 1, 0},        {"sigmoid", 0, -kInf, 0, 0},
      {"tanh", 0, kInf, 1, 0},           {"tanh", 0, -kInf, -1, 0},
      {"relu", 0, kInf, kInf, 1},        {"relu", 0, -kInf, 0, 0},
      {"softplus", 1, kInf, kInf, 1},    {"softplus", 1, -kInf, 0, 0},
      {"softplus", 0.01, -kInf, 0, 0},   {"leaky-relu", 0.2, -kInf, -kInf, 0.2},
      {"leaky-relu", 0, -kInf, 0, 0},    {"leaky-relu", 0.2, kInf, kInf, 1},
      {"prelu", -0.5, -kInf, kInf, -0.5}, {"prelu", 0, -kInf, 0, 0},
      {"elu", 1, -kInf, -1, 0},          {"elu", 2.5, -kInf, -2.5, 0},
      {"elu", 1, kInf, kInf, 1},         {"maxout", 0, kInf, kInf, 1},
      {"maxout", 0, -kInf, 0, 0},
  };
  for (const Limit& l : limits) {
    SCOPED_TRACE(l.slug + " at x = " + std::to_string(l.x) + ", param " + std::to_string(l.param));
    EXPECT_EQ(call(l.slug, l.param, l.x, false), l.f);
    EXPECT_EQ(call(l.slug, l.param, l.x, true), l.df);
  }
}

// NaN in, NaN out and no NaN for any finite input: for every function, edges_test.cpp.

TEST(ScalarEdges, TinyTailsSurvive) {
  // s(1-s) and 1 - tanh^2 would give exactly 0 here.
  EXPECT_GT(call("sigmoid", 0, 40, true), 4.2e-18);
  EXPECT_LT(call("sigmoid", 0, 40, true), 4.3e-18);
  EXPECT_GT(call("tanh", 0, 20, true), 1.6e-17);
  EXPECT_GT(call("sigmoid", 0, -740, false), 0.0);  // e^-740 is subnormal, not 0
  EXPECT_GT(call("softplus", 1, -740, false), 0.0);
  EXPECT_EQ(call("softplus", 1, 800, false), 800.0);  // log(1 + e^800) would overflow
}

TEST(ScalarEdges, KinkConventions) {
  EXPECT_EQ(call("relu", 0, 0.0, true), 0.0);
  EXPECT_EQ(call("leaky-relu", 0.2, 0.0, true), 0.2);
  EXPECT_EQ(call("prelu", 0.25, 0.0, true), 0.25);
  EXPECT_EQ(call("elu", 3.0, 0.0, true), 3.0);
  EXPECT_EQ(call("step", 0, 0.0, false), 0.0);
  EXPECT_EQ(call("maxout", 0, 0.0, true), 0.0);  // default pieces reproduce relu
}

TEST(ScalarEdges, PreluSlopeDerivative) {
  const ActivationSpec* prelu = find_activation("prelu");
  ASSERT_NE(prelu->param_derivative_batch, nullptr);
  const double x[] = {-3.0, -0.5, 0.0, 2.0};
  double out[4];
  Arguments args;
  args.values = default_params(*prelu);
  prelu->param_derivative_batch(x, out, 4, args);
  // f = a x on the left, so df/da = x there; 0 on the right.
  EXPECT_EQ(out[0], -3.0);
  EXPECT_EQ(out[1], -0.5);
  EXPECT_EQ(out[2], 0.0);
  EXPECT_EQ(out[3], 0.0);
  // And it matches a central difference in a.
  const double h = 1e-6;
  for (double xi : x) {
    const double numeric = (call("prelu", 0.25 + h, xi, false) - call("prelu", 0.25 - h, xi, false)) / (2 * h);
    EXPECT_NEAR(numeric, xi > 0 ? 0.0 : xi, 1e-8);
  }
}

}  // namespace
}  // namespace activation
