// The vector kind's properties, measured on the function itself (properties_test.cpp does
// the same for functions of one x): outputs inside the range, the largest |Jacobian entry|,
// and which way each output moves with each input, read from the Jacobian's signs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "registry.hpp"
#include "registry_cases.hpp"

namespace activation {
namespace {

// Sample vectors whose entries differ by at most this many temperatures: every output stays
// far from 0 and 1 (e^-60 > 1e-27), so a Jacobian entry's sign is never lost to underflow.
constexpr double kSpreadInTemperatures = 30.0;
constexpr int kSamplesPerSetting = 200;

struct Evaluated {
  std::vector<double> s;
  std::vector<double> jacobian;  // row-major: ds_i/dz_j at i * n + j
};

Evaluated evaluate(const ActivationSpec& spec, const std::vector<double>& z, const ParamValues& values) {
  const std::size_t n = z.size();
  Evaluated e{std::vector<double>(n), std::vector<double>(n * n)};
  spec.vector_f(z.data(), n, values, e.s.data());
  spec.jacobian(e.s.data(), n, values, e.jacobian.data());
  return e;
}

// What the signs of one Jacobian say: no entry negative (every output never decreases in
// every input), the diagonal positive and the rest negative (own input only), or neither.
Monotonicity signs_of(const std::vector<double>& jacobian, std::size_t n) {
  bool none_negative = true;
  bool own = true;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double d = jacobian[i * n + j];
      none_negative = none_negative && d >= 0.0;
      own = own && (i == j ? d > 0.0 : d < 0.0);
    }
  }
  if (none_negative) return Monotonicity::non_decreasing;
  return own ? Monotonicity::own_input : Monotonicity::none;
}

// Logit vectors of every editable length: the defaults, all equal, one far ahead, and
// random ones within kSpreadInTemperatures temperatures of each other.
std::vector<std::vector<double>> sample_logits(const ActivationSpec& spec, double temperature) {
  std::vector<std::vector<double>> out = {spec.vector.defaults};
  cases::Random random(0x5eed);
  const double half_spread = 0.5 * kSpreadInTemperatures * temperature;
  for (std::size_t n = std::max<std::size_t>(2, spec.vector.edit_min); n <= spec.vector.edit_max; ++n) {
    out.emplace_back(n, 0.0);
    std::vector<double> ahead(n, 0.0);
    ahead[0] = 2.0 * half_spread;
    out.push_back(ahead);
    for (int k = 0; k < kSamplesPerSetting; ++k) {
      std::vector<double> z(n);
      for (double& v : z) v = random.uniform(-half_spread, half_spread);
      out.push_back(z);
    }
  }
  return out;
}

class VectorProperties : public ::testing::TestWithParam<std::string> {};

TEST_P(VectorProperties, JacobianSignsGiveTheMonotonicity) {
  const ActivationSpec& spec = *find_activation(GetParam());
  for (const ParamValues& values : cases::param_sets(spec)) {
    SCOPED_TRACE(cases::describe(spec, values));
    Arguments args;
    args.values = values;
    const Monotonicity claimed = spec.properties(args).monotonic;
    // The weakest verdict over every sample: one "neither" makes the whole function so.
    Monotonicity measured = Monotonicity::non_decreasing;
    bool any_own = false;
    for (const std::vector<double>& z : sample_logits(spec, values[0])) {
      const Monotonicity m = signs_of(evaluate(spec, z, values).jacobian, z.size());
      if (m == Monotonicity::none) measured = Monotonicity::none;
      any_own = any_own || m == Monotonicity::own_input;
    }
    if (measured != Monotonicity::none && any_own) measured = Monotonicity::own_input;
    EXPECT_EQ(static_cast<int>(claimed), static_cast<int>(measured))
        << "0 never decreasing, 1 neither, 2 own input only";
  }
}

TEST_P(VectorProperties, OutputsInTheRangeAndTheSteepestEntry) {
  const ActivationSpec& spec = *find_activation(GetParam());
  for (const ParamValues& values : cases::param_sets(spec)) {
    SCOPED_TRACE(cases::describe(spec, values));
    Arguments args;
    args.values = values;
    const Properties p = spec.properties(args);
    double steepest = 0.0;
    for (const std::vector<double>& z : sample_logits(spec, values[0])) {
      const Evaluated e = evaluate(spec, z, values);
      for (double s : e.s) {
        if (p.range.min_inclusive) EXPECT_GE(s, p.range.min); else EXPECT_GT(s, p.range.min);
        if (p.range.max_inclusive) EXPECT_LE(s, p.range.max); else EXPECT_LT(s, p.range.max);
      }
      for (double d : e.jacobian) steepest = std::max(steepest, std::fabs(d));
    }
    // Never above the value, and reached (two equal logits give s = 1/2 each).
    EXPECT_LE(steepest, p.max_abs_derivative * (1 + 1e-15));
    if (p.max_abs_derivative_attained) EXPECT_DOUBLE_EQ(steepest, p.max_abs_derivative);
  }
}

INSTANTIATE_TEST_SUITE_P(Vector, VectorProperties, ::testing::ValuesIn(cases::slugs_where(&cases::is_vector)),
                         cases::test_name);

}  // namespace
}  // namespace activation
