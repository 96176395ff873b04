// Softmax's defining properties; exact accuracy against mpmath lives in accuracy_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "softmax.hpp"

namespace activation {
namespace {

std::vector<double> run(const std::vector<double>& z, double t = 1.0) {
  std::vector<double> s(z.size());
  softmax(z.data(), z.size(), t, s.data());
  return s;
}

double sum(const std::vector<double>& v) {
  double total = 0.0;
  for (double x : v) total += x;
  return total;
}

TEST(Softmax, SumsToOneAndStaysPositive) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> logit(-30.0, 30.0);
  for (std::size_t n : {1u, 2u, 10u, 1000u, 100000u}) {
    std::vector<double> z(n);
    for (double& v : z) v = logit(rng);
    for (double t : {kTemperatureMin, 1.0, kTemperatureMax}) {
      const std::vector<double> s = run(z, t);
      EXPECT_NEAR(sum(s), 1.0, 1e-12) << "n = " << n << ", T = " << t;
      for (double v : s) EXPECT_GE(v, 0.0);
    }
  }
}

TEST(Softmax, HugeLogitsDoNotOverflow) {
  // exp(1000) is inf; an unshifted softmax gives NaN here.
  EXPECT_EQ(run({1000, 1000}), (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(run({-1000, -1000}), (std::vector<double>{0.5, 0.5}));
  const std::vector<double> s = run({710, 0, -710});
  EXPECT_EQ(s[0], 1.0);
  EXPECT_GT(s[1], 0.0);  // e^-710, a subnormal
  EXPECT_EQ(s[2], 0.0);
}

TEST(Softmax, ShiftInvariantAndTemperatureSharpens) {
  const std::vector<double> a = run({1, 2, 3});
  const std::vector<double> b = run({101, 102, 103});
  for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(a[i], b[i], 1e-15);
  EXPECT_GT(run({1, 2, 3}, 0.1)[2], 0.99);         // cold: almost all on the largest
  EXPECT_NEAR(run({1, 2, 3}, 20.0)[0], 1.0 / 3, 0.02);  // hot: almost uniform
  // Two logits reduce to the sigmoid of their difference.
  EXPECT_NEAR(run({2.5, 0})[0], 1.0 / (1.0 + std::exp(-2.5)), 1e-16);
}

TEST(Softmax, InfinitiesAndNaN) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(run({inf, 0, 3}), (std::vector<double>{1, 0, 0}));
  EXPECT_EQ(run({inf, inf, 0}), (std::vector<double>{0.5, 0.5, 0}));
  EXPECT_EQ(run({-inf, 0}), (std::vector<double>{0, 1}));
  EXPECT_EQ(run({-inf, -inf}), (std::vector<double>{0.5, 0.5}));
  for (double v : run({1, std::nan(""), 2})) EXPECT_TRUE(std::isnan(v));
}

TEST(SoftmaxJacobian, MatchesFiniteDifferences) {
  const std::vector<double> z = {0.3, -1.2, 2.0, 0.7};
  const std::size_t n = z.size();
  for (double t : {0.5, 1.0, 3.0}) {
    const std::vector<double> s = run(z, t);
    std::vector<double> jacobian(n * n);
    softmax_jacobian(s.data(), n, t, jacobian.data());
    std::vector<double> diagonal(n);
    softmax_jacobian_diagonal(s.data(), n, t, diagonal.data());
    const double h = 1e-6;
    for (std::size_t j = 0; j < n; ++j) {
      std::vector<double> up = z, down = z;
      up[j] += h;
      down[j] -= h;
      const std::vector<double> su = run(up, t), sd = run(down, t);
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_NEAR(jacobian[i * n + j], (su[i] - sd[i]) / (2 * h), 1e-8) << i << "," << j << " T=" << t;
      }
      EXPECT_EQ(diagonal[j], jacobian[j * n + j]);
    }
    // Rows sum to zero (probabilities keep summing to 1) and the matrix is symmetric.
    for (std::size_t i = 0; i < n; ++i) {
      double row = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        row += jacobian[i * n + j];
        EXPECT_EQ(jacobian[i * n + j], jacobian[j * n + i]);
        EXPECT_LE(std::fabs(jacobian[i * n + j]), 0.25 / t);
      }
      EXPECT_NEAR(row, 0.0, 1e-16);
    }
  }
}

}  // namespace
}  // namespace activation
