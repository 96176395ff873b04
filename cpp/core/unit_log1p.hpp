// log1p(e) for 0 <= e <= 1, the one range softplus needs, inline and branch-light so its
// batch loop vectorises. The operations are musl's log1p (fdlibm's method) step for step on
// that range, so the wasm build's values are unchanged and the native build now gets the
// same bits (glibc's log1p differed by 1 ULP on about 0.1% of inputs).
//
// The method and coefficients are fdlibm's:
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
#pragma once

namespace activation::detail {

inline double unit_log1p(double e) noexcept {
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  // Minimax coefficients of (log(1+f) - 2s - s*f)/s with s = f/(2+f), in s^2.
  constexpr double kLg1 = 6.666666666666735130e-01;
  constexpr double kLg2 = 3.999999999940941908e-01;
  constexpr double kLg3 = 2.857142874366239149e-01;
  constexpr double kLg4 = 2.222219843214978396e-01;
  constexpr double kLg5 = 1.818357216161805012e-01;
  constexpr double kLg6 = 1.531383769920937332e-01;
  constexpr double kLg7 = 1.479819860511658591e-01;
  // Below about sqrt(2) - 1 (musl's test on the high word 0x3fda827a), 1 + e is used as is;
  // above, u = 1 + e is halved into [sqrt(2)/2, 1] and ln 2 added back.
  constexpr double kHalveFrom = 0x1.a827ap-2;
  const bool halve = e >= kHalveFrom;
  const double u = 1.0 + e;
  const double c = halve ? (e - (u - 1.0)) / u : 0.0;  // what rounding 1 + e lost, over u
  const double f = halve ? 0.5 * u - 1.0 : e;
  const double k = halve ? 1.0 : 0.0;
  const double hfsq = 0.5 * f * f;
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = t2 + t1;
  return s * (hfsq + r) + (k * kLn2Lo + c) - hfsq + f + k * kLn2Hi;
}

}  // namespace activation::detail
