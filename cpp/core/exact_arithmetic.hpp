// Error-free transformations: a sum or a product of two doubles as an unevaluated sum
// hi + lo that equals it exactly. Several functions carry an argument or a rounding error in
// them to stay within a few ULP (softmax's shifted logits, GELU's double-double argument, the
// hard sigmoid's single rounding, tanhshrink's series).
#pragma once

#include <cmath>

namespace activation {

struct TwoDouble {
  double hi;
  double lo;  // hi + lo is the exact value
};

// a + b (Knuth's TwoSum: no condition on the magnitudes).
inline TwoDouble two_sum(double a, double b) noexcept {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

// a - b, the same way.
inline TwoDouble two_difference(double a, double b) noexcept {
  const double hi = a - b;
  const double bb = hi - a;
  return {hi, (a - (hi - bb)) - (b + bb)};
}

// The rounding error of p = fl(a·b): exactly a·b − p. With a hardware fma that is
// fma(a, b, −p). Without one (wasm, baseline x86-64) std::fma is a software routine, several
// times slower than the functions that need it, so Dekker's product with Veltkamp's split
// gives the same exact error in plain products and sums; a target without fma cannot
// contract those into fma, which would spoil them. Exact for |a|, |b| < 2^995 with a product
// well above the subnormals.
inline double product_error(double a, double b, double p) noexcept {
#if defined(__FMA__) || defined(__ARM_FEATURE_FMA)
  return std::fma(a, b, -p);
#else
  constexpr double kSplit = 134217729.0;  // 2^27 + 1: splits a double into 26-bit halves
  const double ca = kSplit * a;
  const double a_hi = ca - (ca - a);
  const double a_lo = a - a_hi;
  const double cb = kSplit * b;
  const double b_hi = cb - (cb - b);
  const double b_lo = b - b_hi;
  return ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo;
#endif
}

// a · b (Dekker).
inline TwoDouble two_product(double a, double b) noexcept {
  const double p = a * b;
  return {p, product_error(a, b, p)};
}

}  // namespace activation
