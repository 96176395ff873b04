#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "batch.hpp"

namespace activation {
namespace {

// The same bits (so -0 differs from +0), or both NaN.
bool same(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

TEST(Batch, SampleIsEvenAndHitsBothEnds) {
  const ActivationSpec& sigmoid = *find_activation("sigmoid");
  Arguments args;
  const std::size_t n = 7;
  std::vector<double> x(n), y(n), dy(n);
  sample(sigmoid, -0.3, 0.4, n, args, x.data(), y.data(), dy.data());
  EXPECT_EQ(x.front(), -0.3);
  EXPECT_EQ(x.back(), 0.4);
  for (std::size_t i = 1; i < n; ++i) EXPECT_NEAR(x[i] - x[i - 1], 0.7 / 6, 1e-15);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(y[i], sigmoid.f(x[i], args));
    EXPECT_EQ(dy[i], sigmoid.df(x[i], args));
  }
}

TEST(Batch, BatchAgreesWithScalarForEveryFunction) {
  const double inf = std::numeric_limits<double>::infinity();
  // Specials first, then enough points that every vector loop runs its main body and tail.
  std::vector<double> x = {std::nan(""), -std::nan(""), -inf, inf, -0.0, 0.0, 5e-324, -5e-324,
                           -1e-300, 1e-300, -745.5, 745.5, -710.0, 710.0};
  for (int i = -100; i <= 100; ++i) x.push_back(i * 0.37);
  for (const ActivationSpec& spec : registry()) {
    if (!has_curve(spec)) continue;
    const Arguments args = default_arguments(spec);
    std::vector<double> y(x.size()), dy(x.size());
    evaluate(spec, x.data(), y.data(), x.size(), args);
    derivative(spec, x.data(), dy.data(), x.size(), args);
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_TRUE(same(y[i], spec.f(x[i], args))) << spec.slug << " " << x[i];
      EXPECT_TRUE(same(dy[i], spec.df(x[i], args))) << spec.slug << " " << x[i];
    }
  }
}

}  // namespace
}  // namespace activation
