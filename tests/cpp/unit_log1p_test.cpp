// detail::unit_log1p, softplus's inline log1p on [0, 1]: musl's log1p step for step, so the
// same bits as the wasm build's libm, and within 1 ULP of any libm's.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

#include "unit_log1p.hpp"

namespace activation {
namespace {

std::int64_t ordered(double x) {
  std::int64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
}

std::int64_t ulps(double a, double b) { return std::llabs(ordered(a) - ordered(b)); }

// musl (the wasm build) gives the same bits; glibc (native) within 1 ULP.
#if defined(__EMSCRIPTEN__)
constexpr std::int64_t kUlp = 0;
#else
constexpr std::int64_t kUlp = 1;
#endif

TEST(UnitLog1p, MatchesLibmOnEdgesAndAcrossTheRange) {
  const double edges[] = {0.0, std::numeric_limits<double>::denorm_min(), 1e-300, 1e-17, 0x1p-53,
                          std::nextafter(0x1.a827ap-2, 0.0), 0x1.a827ap-2, 0.5,
                          std::nextafter(1.0, 0.0), 1.0};
  for (double e : edges) EXPECT_LE(ulps(detail::unit_log1p(e), std::log1p(e)), kUlp) << e;
  EXPECT_EQ(detail::unit_log1p(1.0), std::log(2.0));
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_real_distribution<double> exponent(0.0, 745.0);
  for (int i = 0; i < 200000; ++i) {
    const double e = i % 2 ? unit(rng) : std::exp(-exponent(rng));  // softplus's e^-|t| too
    ASSERT_LE(ulps(detail::unit_log1p(e), std::log1p(e)), kUlp) << e;
  }
}

}  // namespace
}  // namespace activation
