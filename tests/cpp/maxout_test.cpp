#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "maxout.hpp"
#include "scalar_activations.hpp"

namespace activation {
namespace {

TEST(Maxout, DefaultPiecesAreRelu) {
  const std::vector<Piece> p = maxout_default_pieces();
  for (int i = -400; i <= 400; ++i) {
    const double x = i * 0.025;
    EXPECT_EQ(maxout(x, p.data(), p.size()), relu(x)) << x;
    EXPECT_EQ(maxout_derivative(x, p.data(), p.size()), relu_derivative(x)) << x;
  }
}

TEST(Maxout, GeneralisesLeakyReluAndAbs) {
  const std::vector<Piece> leaky = {{0.2, 0}, {1, 0}};
  const std::vector<Piece> abs = {{-1, 0}, {1, 0}};
  for (int i = -400; i <= 400; ++i) {
    const double x = i * 0.025;
    if (x != 0.0) EXPECT_EQ(maxout(x, leaky.data(), 2), leaky_relu(x, 0.2)) << x;
    EXPECT_EQ(maxout(x, abs.data(), 2), std::fabs(x)) << x;
  }
}

TEST(Maxout, WinnerTiesAndBreakpoints) {
  const std::vector<Piece> convex = {{-2, -1}, {-0.5, 0}, {0.5, 0}, {2, -1}};
  EXPECT_EQ(maxout_argmax(-5, convex.data(), 4), 0u);
  EXPECT_EQ(maxout_argmax(-0.1, convex.data(), 4), 1u);
  EXPECT_EQ(maxout_argmax(0.1, convex.data(), 4), 2u);
  EXPECT_EQ(maxout_argmax(5, convex.data(), 4), 3u);
  EXPECT_EQ(maxout_argmax(0.0, convex.data(), 4), 1u);  // a tie goes to the lower index
  const std::vector<double> breaks = maxout_breakpoints(convex.data(), 4);
  ASSERT_EQ(breaks.size(), 3u);
  EXPECT_NEAR(breaks[0], -2.0 / 3.0, 1e-15);
  EXPECT_EQ(breaks[1], 0.0);
  EXPECT_NEAR(breaks[2], 2.0 / 3.0, 1e-15);
  // A piece that never wins adds no breakpoint.
  const std::vector<Piece> hidden = {{0, 0}, {1, 0}, {0.5, -10}};
  EXPECT_EQ(maxout_breakpoints(hidden.data(), 3), std::vector<double>{0.0});
}

TEST(Maxout, FlatPiecesAtInfinity) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<Piece> flat = {{0, 2}};
  EXPECT_EQ(maxout(inf, flat.data(), 1), 2.0);  // not 0 * inf
  EXPECT_EQ(maxout(-inf, flat.data(), 1), 2.0);
  EXPECT_TRUE(std::isnan(maxout(std::nan(""), flat.data(), 1)));
}

TEST(Maxout, BatchFormsMatchTheScalarOnes) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> x = {-inf, inf, std::nan(""), 0.0, -0.0, 1e300, -1e300};
  for (int i = -600; i <= 600; ++i) x.push_back(i * 0.01);  // more than one 256-block
  const std::vector<std::vector<Piece>> sets = {
      maxout_default_pieces(), {{-1, 0}, {1, 0}}, {{0, 2}}, {{1, 0}, {1, 0}, {0, 0}},
      {{-2, -1}, {-0.5, 0}, {0.5, 0}, {2, -1}, {0, 0.3}, {3, -4}, {-3, -4}, {0.1, 0.1}},
      // Flat pieces after the first (the batch forms treat w = 0 apart) and signed zeros.
      {{2, 0}, {0, 5}, {0, 5}}, {{-0.0, -0.0}, {0.0, -0.0}}, {{1, -0.0}, {-0.0, 0.0}, {-1, -0.0}}};
  for (const std::vector<Piece>& p : sets) {
    std::vector<double> y(x.size()), dy(x.size());
    maxout_batch(x.data(), y.data(), x.size(), p.data(), p.size());
    maxout_derivative_batch(x.data(), dy.data(), x.size(), p.data(), p.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double f = maxout(x[i], p.data(), p.size());
      const double df = maxout_derivative(x[i], p.data(), p.size());
      // The same value, down to the sign of zero.
      EXPECT_TRUE((y[i] == f && std::signbit(y[i]) == std::signbit(f)) ||
                  (std::isnan(y[i]) && std::isnan(f))) << x[i];
      EXPECT_TRUE((dy[i] == df && std::signbit(dy[i]) == std::signbit(df)) ||
                  (std::isnan(dy[i]) && std::isnan(df))) << x[i];
    }
  }
}

}  // namespace
}  // namespace activation
