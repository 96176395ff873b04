// Smooth relatives of ReLU: GELU (exact and tanh forms), SiLU/Swish, Mish and squareplus.
// Each is close to x on the right and close to 0 on the left, with a smooth bend between;
// all but squareplus dip below zero before the bend. Each function's math, properties and
// row are written together.
//
// The care they need is in the left tail, where f = x · (a tiny gate) and f' is a
// difference of two tiny terms: the gate is computed as m · e^(exponent) with the exponent
// carried in double-double and the product scaled so that even a subnormal result is
// rounded only once (mul_exp below); and the derivatives are written as one product, so
// that nothing cancels except where f' really crosses zero.
#include <cmath>
#include <limits>

#include "../exact_arithmetic.hpp"
#include "../scalar_activations.hpp"
#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::in_group;
using rows::scalar_row;

constexpr std::string_view kGroup = "smooth-relu";
constexpr double kInf = std::numeric_limits<double>::infinity();

// ---- double-double helpers, on exact_arithmetic.hpp's error-free sums and products (for
// |a|, |b| < 1e150, so that the product's splits cannot overflow)

using Dd = TwoDouble;

// m · e^(hi + lo) for hi <= 0 and |lo| <= ulp(hi). Past hi = -600 the product would lose
// digits as it enters the subnormals (and x · e^hi would be rounded twice there), so e^hi is
// split as 2^-n · e^r with |r| <= ln 2 (Cody and Waite; n · ln2_hi is exact) and the
// product scaled back once, by ldexp, at the end.
inline double mul_exp(double m, double hi, double lo) noexcept {
  constexpr double kScaleBelow = -600.0;
  constexpr double kZeroBelow = -1500.0;  // e^-1500 · (any double) underflows to 0
  constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 32 bits: n · kLn2Hi is exact
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  if (!(hi <= kScaleBelow)) {  // also NaN
    const double p = m * std::exp(hi);
    return p + p * lo;
  }
  if (hi < kZeroBelow) return std::copysign(0.0, m);  // also hi = -inf
  const double n = std::nearbyint(-hi * kInvLn2);
  const Dd r = two_sum(hi + n * kLn2Hi, n * kLn2Lo);  // the first sum is exact: they nearly cancel
  const double p = m * std::exp(r.hi);
  return std::ldexp(p + p * (lo + r.lo), -static_cast<int>(n));
}

// Double-double products and sums (about 32 digits), for the series below.
inline Dd quick_two_sum(double a, double b) noexcept {  // |a| >= |b|
  const double s = a + b;
  return {s, b - (s - a)};
}
inline Dd dd_mul(Dd a, Dd b) noexcept {
  const Dd p = two_product(a.hi, b.hi);
  return quick_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
inline Dd dd_add(Dd a, Dd b) noexcept {
  const Dd s = two_sum(a.hi, b.hi);
  return quick_two_sum(s.hi, s.lo + (a.lo + b.lo));
}

// Bisection for a sign change of g in [lo, hi], to the last bit (the properties' extrema).
template <class G>
double root(const G& g, double lo, double hi) {
  const bool lo_negative = g(lo) < 0.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid == lo || mid == hi) break;
    if ((g(mid) < 0.0) == lo_negative) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

// The properties these curves share: C∞, f(0) = 0 (checked), a minimum below zero at xmin
// and the steepest slope at xpeak; f' -> 0 on the left, -> 1 on the right.
template <class A>
Properties dipping_properties(const Arguments& args, double xmin, double xpeak) {
  Properties p{};
  p.range = {A::f(xmin, args), kInf, true, false, {}};
  p.f_at_zero = A::f(0.0, args);
  p.monotonic = Monotonicity::none;
  p.zero_centred = Centring::partial;
  p.continuity_order = kSmooth;
  p.max_abs_derivative = A::df(xpeak, args);
  p.max_abs_derivative_from = xpeak;
  p.max_abs_derivative_to = xpeak;
  p.max_abs_derivative_attained = true;
  p.saturates = Saturation::left;
  p.uses_exp = true;
  return p;
}

// ---- GELU: x Φ(x), Φ the standard normal CDF.
// Φ(x) = erfc(-x/√2)/2, never (1 + erf(x/√2))/2, which cancels to nothing for x << 0. The
// argument -x/√2 is carried in double-double and erfc corrected to first order for its low
// part: in the tail erfc'/erfc ~ -2t, so a rounded t alone would cost about 2t² ULP.
// Below x = -10, Φ(x) = φ(x)/|x| · S(1/x²) (the asymptotic series, 25 terms: exact to the
// last bit there), which keeps f and f' exact into the subnormals, where x · (a subnormal Φ)
// would not be.
constexpr double kInvSqrt2Hi = 0.7071067811865476;  // 1/√2 in double-double
constexpr double kInvSqrt2Lo = -4.833646656726457e-17;
constexpr double kInvSqrt2Pi = 0.3989422804014327;  // 1/√(2π), and its rounding error over it
constexpr double kInvSqrt2PiRelLo = -6.247337834861335e-17;
constexpr double kTwoOverSqrtPi = 1.1283791670955126;
constexpr double kSqrt2 = 1.4142135623730951;  // where GELU's slope peaks: f'' = φ(x)(2 - x²)
constexpr double kGeluSeriesBelow = -10.0;
constexpr double kIdentityAbove = 40.0;  // the gates round to 1 long before: f = x, f' = 1

// S - 1 = -z + 3z² - 15z³ + ... for |x| Φ(x)/φ(x) = S (the (2k-1)!! series, z = 1/x²), for
// |x| >= 10: 25 terms, the next below 1e-18 there. Kept apart from the 1 so that it only
// adjusts the last bits of a product.
inline double mills_series_minus_one(double z) noexcept {
  constexpr double kC[] = {
      -1.0, 3.0, -15.0, 105.0,
      -945.0, 10395.0, -135135.0, 2027025.0,
      -34459425.0, 654729075.0, -13749310575.0, 316234143225.0,
      -7905853580625.0, 213458046676875.0, -6190283353629375.0, 1.9189878396251062e+17,
      -6.33265987076285e+18, 2.2164309547669976e+20, -8.200794532637892e+21, 3.1983098677287775e+23,
      -1.3113070457687988e+25, 5.638620296805835e+26, -2.5373791335626256e+28, 1.1925681927744342e+30,
      -5.843584144594727e+31};
  constexpr int kTerms = sizeof kC / sizeof kC[0];
  double s = kC[kTerms - 1];
  for (int k = kTerms - 2; k >= 0; --k) s = s * z + kC[k];
  return s * z;
}

// e^(-x²/2) as hi + lo exponent (x² in double-double), for mul_exp.
inline Dd minus_half_square(double x) noexcept {
  const Dd sq = two_product(x, x);
  return {-0.5 * sq.hi, -0.5 * sq.lo};
}

// Φ(x) for -10 <= x <= 40.
inline double normal_cdf(double x) noexcept {
  Dd t = two_product(-x, kInvSqrt2Hi);
  t.lo += -x * kInvSqrt2Lo;
  const double e = std::erfc(t.hi);
  // erfc(t + δ) = erfc(t) - δ · 2/√π · e^(-t²).
  return 0.5 * (e - t.lo * kTwoOverSqrtPi * std::exp(-t.hi * t.hi));
}

// GELU's f' = Φ(x) + x φ(x) between -2 and 0.5, where the two terms cancel (f' crosses zero
// at -0.75; at -0.92 they cancel to a quarter of x φ): the rounding errors of erfc and exp
// would cost up to 9 ULP. Instead, the power series of both, summed in double-double:
// f' = 1/2 + x/√(2π) · Σ c_k z^k with z = -x²/2 and c_k = (2k + 2)/((2k + 1) k!), 29 terms
// (the next is below 1e-20 of the sum for |x| <= 2).
constexpr double kSeriesFrom = -2.0;
constexpr double kSeriesTo = 0.5;
constexpr Dd kGeluSlopeSeries[] = {
    {2.0, 0.0},
    {1.3333333333333333, 7.401486830834377e-17},
    {0.6, 2.2204460492503132e-17},
    {0.19047619047619047, 1.057355261547768e-17},
    {0.046296296296296294, 2.569960705150825e-18},
    {0.00909090909090909, 4.415659757031872e-19},
    {0.0014957264957264958, -1.0712288131566181e-19},
    {0.00021164021164021165, -8.851449482249383e-21},
    {2.6260504201680674e-05, -1.571637602972685e-21},
    {2.9007704446300936e-06, 1.6102510683902413e-22},
    {2.886957252036617e-07, 9.773922212816376e-24},
    {2.6141330489156575e-08, 6.460564804660772e-25},
    {2.1711827267382824e-09, -1.0902027389671848e-25},
    {1.6653823238185378e-10, 2.5201819599983506e-27},
    {1.1866288549375577e-11, 2.1367771813273186e-28},
    {7.893846432846263e-13, -4.1592697327407666e-29},
    {4.9243099788233664e-14, 2.9393585695400335e-30},
    {2.8917846044696786e-15, -7.812247355202898e-32},
    {1.6041347697466936e-16, -1.042051039748439e-32},
    {8.431420765768544e-18, -3.654974790975673e-34},
    {4.210569272661242e-19, 2.2614706418649418e-35},
    {2.002812573928408e-20, 1.4032373179491963e-36},
    {9.094497867838365e-22, -7.251304467951469e-38},
    {3.9504716636228264e-23, -1.4033433992076808e-39},
    {1.644630174587876e-24, -7.88308080347203e-41},
    {6.573361074274365e-26, -1.0705951752208318e-42},
    {2.5263810983799823e-27, 2.369491767870377e-44},
    {9.350666043137283e-29, 5.5328253911632675e-45},
    {3.33743115350966e-30, -6.743002434010568e-47},
};
constexpr Dd kInvSqrt2PiDd = {0.3989422804014327, -2.49232720227773e-17};

inline double gelu_slope_series(double x) noexcept {
  const Dd sq = two_product(x, x);
  const Dd z = {-0.5 * sq.hi, -0.5 * sq.lo};
  constexpr int kTerms = sizeof kGeluSlopeSeries / sizeof kGeluSlopeSeries[0];
  Dd s = kGeluSlopeSeries[kTerms - 1];
  for (int k = kTerms - 2; k >= 0; --k) s = dd_add(dd_mul(s, z), kGeluSlopeSeries[k]);
  const Dd t = dd_mul(dd_mul(Dd{x, 0.0}, kInvSqrt2PiDd), s);
  const Dd sum = dd_add(Dd{0.5, 0.0}, t);
  return sum.hi + sum.lo;
}

struct Gelu {
  static double f(double x, const Arguments&) noexcept {
    if (std::isnan(x)) return x;  // its own bits: arithmetic on NaN gives any NaN in wasm
    if (x > kIdentityAbove) return x;
    if (x < kGeluSeriesBelow) {  // x Φ(x) = -φ(x) · S
      const Dd h = minus_half_square(x);
      return mul_exp(-kInvSqrt2Pi, h.hi, h.lo + kInvSqrt2PiRelLo + mills_series_minus_one(1.0 / (x * x)));
    }
    return x * normal_cdf(x);
  }
  // Φ(x) + x φ(x). Left of -10, φ(x) · (S/|x| - |x|): one product, nothing cancels.
  static double df(double x, const Arguments&) noexcept {
    if (std::isnan(x)) return x;
    if (x > kIdentityAbove) return 1.0;
    const Dd h = minus_half_square(x);
    if (x < kGeluSeriesBelow) {  // -φ(x) |x| (1 - z S), z = 1/x²
      const Dd ca = two_product(kInvSqrt2Pi, -x);
      const double z = 1.0 / (x * x);
      const double zs = z + z * mills_series_minus_one(z);
      return mul_exp(-ca.hi, h.hi, h.lo + ca.lo / ca.hi + kInvSqrt2PiRelLo - zs);
    }
    if (x >= kSeriesFrom && x <= kSeriesTo) return gelu_slope_series(x);
    return normal_cdf(x) + mul_exp(kInvSqrt2Pi * x, h.hi, h.lo);
  }
  static Properties properties(const Arguments& args) {
    // The minimum where f' = 0 (x ≈ -0.75); the steepest slope at √2.
    const double xmin = root([&](double x) { return df(x, args); }, -1.0, -0.5);
    return dipping_properties<Gelu>(args, xmin, kSqrt2);
  }
};

// The JS baseline's c = erfc(-v/√2) = 2Φ(v) (no erfc in JavaScript): the power series of
// erf for |z| < 1.5, else the continued fraction of erfc (Lentz), erfc(-z) = 2 - erfc(z).
// Within 1e-14 of mpmath on the benchmark's inputs.
#define SMOOTH_RELU_JS_ERFC                                                                                  \
  "const z = -v * Math.SQRT1_2; const a = Math.abs(z); let c; "                                 \
  "if (a < 1.5) { let t = a, s = a, k = 0; "                                                    \
  "while (Math.abs(t) > 1e-17 * Math.abs(s)) { k++; t *= -a * a / k; s += t / (2 * k + 1); } "  \
  "c = 1 - 1.1283791670955126 * s; } "                                                          \
  "else { let f = a, C = a, D = 0; for (let k = 1; k < 500; k++) { const b = k / 2; "           \
  "D = a + b * D; C = a + b / C; D = 1 / D; const d = C * D; f *= d; "                          \
  "if (Math.abs(d - 1) < 1e-16) break; } "                                                      \
  "c = Math.exp(-0.5 * v * v) / (f * 1.7724538509055159); } "                                   \
  "if (z < 0) c = 2 - c; "

constexpr ActivationSpec gelu_row() {
  ActivationSpec s = scalar_row<Gelu, rows::Loop::scalar, rows::Loop::scalar>("gelu");
  s.colour = 11;
  s.formula_tex =
      R"(f(x) = x\,\Phi(x), \qquad \Phi(x) = \frac{1}{\sqrt{2\pi}} \int_{-\infty}^{x} e^{-t^2/2}\,dt)";
  s.derivative_tex = R"(f'(x) = \Phi(x) + x\,\varphi(x), \qquad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}})";
  s.baseline = {SMOOTH_RELU_JS_ERFC "y = v > 40 ? v : (v < -40 ? -0 : 0.5 * v * c);",
                SMOOTH_RELU_JS_ERFC "y = v > 40 ? 1 : (v < -40 ? -0 : "
                        "0.5 * c + v * 0.3989422804014327 * Math.exp(-0.5 * v * v));"};
  s.properties = &Gelu::properties;
  return s;
}

#undef SMOOTH_RELU_JS_ERFC

// ---- GELU, tanh form: x/2 · (1 + tanh u), u = √(2/π)(x + 0.044715 x³) (the constants as
// their nearest doubles). 1 + tanh u = 2σ(2u), so f = x σ(2u): for x < 0 that is
// x e^(2u)/(1 + e^(2u)), with no 1 + (-1 + tiny) to cancel. u grows like x³, so in the left
// tail a rounded u would cost about |2u| ULP: u is carried in double-double and e^(2u) taken
// by mul_exp (its low part and the subnormals included).
constexpr double kSqrt2OverPi = 0.7978845608028654;
constexpr double kGeluCubic = 0.044715;
constexpr double kGeluTanhZeroBelow = -40.0;  // 2u < -4600: f and f' underflow to -0

// 0.044715 x³ in double-double.
inline Dd gelu_tanh_cubic(double x) noexcept {
  const Dd sq = two_product(x, x);
  Dd cube = two_product(sq.hi, x);
  cube.lo += sq.lo * x;
  Dd c = two_product(kGeluCubic, cube.hi);
  c.lo += kGeluCubic * cube.lo;
  return c;
}

// √(2/π)(x + m · c) in double-double, for c = 0.044715 x³: u (m = 1) and x u' / 1 (m = 3).
inline Dd gelu_tanh_sum(double x, double m, Dd c) noexcept {
  const Dd mc = two_product(m, c.hi);
  Dd s = two_sum(x, mc.hi);
  s.lo += mc.lo + m * c.lo;
  Dd u = two_product(kSqrt2OverPi, s.hi);
  u.lo += kSqrt2OverPi * s.lo;
  return u;
}
inline Dd gelu_tanh_u(double x) noexcept { return gelu_tanh_sum(x, 1.0, gelu_tanh_cubic(x)); }

struct GeluTanh {
  static double f(double x, const Arguments&) noexcept {
    if (std::isnan(x)) return x;  // its own bits: arithmetic on NaN gives any NaN in wasm
    if (x > kIdentityAbove) return x;
    if (x < kGeluTanhZeroBelow) return -0.0;
    const Dd u = gelu_tanh_u(x);
    if (x >= 0.0) return detail::over_one_plus(x, std::exp(-2.0 * u.hi) * (1.0 - 2.0 * u.lo));
    // x σ(2u) = [x / (1 + e^(2u))] · e^(2u)
    return mul_exp(detail::over_one_plus(x, std::exp(2.0 * u.hi)), 2.0 * u.hi, 2.0 * u.lo);
  }
  // σ(2u) + x · 2u' σ(2u)(1 - σ(2u)), u' = √(2/π)(1 + 3 · 0.044715 x²); as one quotient on each
  // side, the left one a product with e^(2u) (it crosses zero near -0.75, nowhere else).
  static double df(double x, const Arguments&) noexcept {
    if (std::isnan(x)) return x;
    if (x > kIdentityAbove) return 1.0;
    if (x < kGeluTanhZeroBelow) return -0.0;
    const Dd u = gelu_tanh_u(x);
    const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluCubic * x * x);
    if (x >= 0.0) {  // (1 + e + 2x u' e)/(1 + e)², e = e^(-2u)
      const double e = std::exp(-2.0 * u.hi) * (1.0 - 2.0 * u.lo);
      return detail::over_one_plus_squared(1.0 + e * (1.0 + 2.0 * x * du), e);
    }
    // E (1 + E + 2x u')/(1 + E)², E = e^(2u). Near -0.75 the sum cancels: it is formed in
    // double-double, with x u' = √(2/π)(x + 3 · 0.044715 x³) exact to that precision.
    const double e = std::exp(2.0 * u.hi) * (1.0 + 2.0 * u.lo);
    const Dd xdu = gelu_tanh_sum(x, 3.0, gelu_tanh_cubic(x));
    const Dd one_e = two_sum(1.0, e);
    const Dd g = two_sum(one_e.hi, 2.0 * xdu.hi);
    const double sum = g.hi + (g.lo + one_e.lo + 2.0 * xdu.lo);
    return mul_exp(detail::over_one_plus_squared(sum, e), 2.0 * u.hi, 2.0 * u.lo);
  }
  // f'' = 2s(1 - s) · [2u' + x(u'' - 2u'² tanh u)], s = σ(2u): the steepest slope where the
  // bracket is 0.
  static double curvature_sign(double x) noexcept {
    const double u = kSqrt2OverPi * (x + kGeluCubic * x * x * x);
    const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluCubic * x * x);
    const double d2u = kSqrt2OverPi * 6.0 * kGeluCubic * x;
    return 2.0 * du + x * (d2u - 2.0 * du * du * std::tanh(u));
  }
  static Properties properties(const Arguments& args) {
    const double xmin = root([&](double x) { return df(x, args); }, -1.0, -0.5);
    const double xpeak = root(&curvature_sign, 1.0, 2.0);
    return dipping_properties<GeluTanh>(args, xmin, xpeak);
  }
};

constexpr ActivationSpec gelu_tanh_row() {
  ActivationSpec s = scalar_row<GeluTanh, rows::Loop::scalar, rows::Loop::scalar>("gelu-tanh");
  s.colour = 12;
  s.formula_tex =
      R"(f(x) = \frac{x}{2}\bigl(1 + \tanh u\bigr) = \frac{x}{1 + e^{-2u}}, \qquad u = \sqrt{2/\pi}\,\bigl(x + 0.044715\,x^3\bigr))";
  s.derivative_tex =
      R"(f'(x) = \sigma(2u) + 2x\,u'\,\sigma(2u)\bigl(1 - \sigma(2u)\bigr), \qquad u' = \sqrt{2/\pi}\,\bigl(1 + 0.134145\,x^2\bigr))";
  s.accuracy.near_zero_and_tails = true;
  s.baseline = {
      "const u = 0.7978845608028654 * (v + 0.044715 * v * v * v); "
      "y = v >= 0 ? v / (1 + Math.exp(-2 * u)) : v * Math.exp(2 * u) / (1 + Math.exp(2 * u));",
      "const u = 0.7978845608028654 * (v + 0.044715 * v * v * v); "
      "const du = 0.7978845608028654 * (1 + 0.134145 * v * v); "
      "if (v >= 0) { const e = Math.exp(-2 * u); y = (1 + e * (1 + 2 * v * du)) / ((1 + e) * (1 + e)); } "
      "else { const e = Math.exp(2 * u); y = e * (1 + e + 2 * v * du) / ((1 + e) * (1 + e)); }"};
  s.properties = &GeluTanh::properties;
  return s;
}

// ---- SiLU / Swish: x σ(βx). With t = βx (carried in double-double) and e = e^(-|t|):
// f = x/(1 + e) for t >= 0 and x e/(1 + e) for t < 0; f' = σ(t)(1 + t(1 - σ(t))), written as
// (1 + e + t e)/(1 + e)² on the right (all terms positive) and e (1 + e + t)/(1 + e)² on the
// left, where 1 + e + t crosses zero (t ≈ -1.28) and is summed in double-double. At β = 0
// it is x/2 (and βx would be 0 · ∞ at x = ±∞).
constexpr double kSiluOneAbove = 745.0;  // e^-t underflows: f = x, f' = 1

// β x in double-double (the low part dropped where the splits could overflow; it is
// irrelevant there).
inline Dd scaled(double beta, double x) noexcept {
  if (!(std::fabs(x) < 1e150)) return {beta * x, 0.0};
  return two_product(beta, x);
}

struct Silu {
  static double f(double x, const Arguments& a) noexcept {
    const double beta = a.values[0];
    if (std::isnan(x)) return x;
    if (beta == 0.0) return 0.5 * x;
    const Dd t = scaled(beta, x);
    if (t.hi >= 0.0) {
      if (t.hi > kSiluOneAbove) return x;
      return detail::over_one_plus(x, std::exp(-t.hi) * (1.0 - t.lo));
    }
    // x e^t / (1 + e^t): the product with e^t by mul_exp (subnormal results, t = -inf).
    if (t.hi < -kSiluOneAbove) return mul_exp(x, t.hi, t.lo);
    return mul_exp(detail::over_one_plus(x, std::exp(t.hi)), t.hi, t.lo);
  }
  static double df(double x, const Arguments& a) noexcept {
    const double beta = a.values[0];
    if (std::isnan(x)) return x;
    if (beta == 0.0) return 0.5;
    const Dd t = scaled(beta, x);
    if (t.hi >= 0.0) {
      if (t.hi > kSiluOneAbove) return 1.0;
      const double e = std::exp(-t.hi) * (1.0 - t.lo);
      return detail::over_one_plus_squared(1.0 + e * (1.0 + t.hi), e);
    }
    if (t.hi < -kSiluOneAbove) return mul_exp(1.0 + t.hi, t.hi, t.lo);  // e^t (1 + t), t = -inf too
    const double e = std::exp(t.hi) * (1.0 + t.lo);
    const Dd one_t = two_sum(1.0, t.hi);
    const Dd g = two_sum(one_t.hi, e);
    const double sum = g.hi + (g.lo + one_t.lo + t.lo);
    return mul_exp(detail::over_one_plus_squared(sum, e), t.hi, t.lo);
  }
  // t σ(t) has its minimum where 1 + t(1 - σ(t)) = 0 and f' its maximum where
  // f'' ∝ 2 + t(1 - 2σ(t)) = 2 - t tanh(t/2) = 0; x = t/β.
  static double peak_t(double t) noexcept { return 2.0 - t * std::tanh(0.5 * t); }
  static Properties properties(const Arguments& args) {
    const double beta = args.values[0];
    if (beta == 0.0) {  // x/2: a line through the origin
      Properties p{};
      p.range = {-kInf, kInf, false, false, {}};
      p.f_at_zero = f(0.0, args);
      p.monotonic = Monotonicity::non_decreasing;
      p.zero_centred = Centring::symmetric;
      p.continuity_order = kSmooth;
      p.max_abs_derivative = 0.5;
      p.max_abs_derivative_from = -kInf;
      p.max_abs_derivative_to = kInf;
      p.max_abs_derivative_attained = true;
      p.saturates = Saturation::none;
      p.uses_exp = true;
      return p;
    }
    const double xmin = root([&](double x) { return df(x, args); }, -2.0 / beta, -1.0 / beta);
    const double xpeak = root(&peak_t, 2.0, 3.0) / beta;
    return dipping_properties<Silu>(args, xmin, xpeak);
  }
};

constexpr ParamSpec kSiluParams[] = {{"beta", "β", 1.0, 0.0, 10.0, false}};

constexpr ActivationSpec silu_row() {
  ActivationSpec s = scalar_row<Silu, rows::Loop::scalar, rows::Loop::scalar>("silu");
  s.colour = 13;
  s.params = kSiluParams;
  s.formula_tex = R"(f(x) = x\,\sigma(\beta x) = \frac{x}{1 + e^{-\beta x}})";
  s.derivative_tex = R"(f'(x) = \sigma(\beta x)\bigl(1 + \beta x\,(1 - \sigma(\beta x))\bigr))";
  s.accuracy.near_zero_and_tails = true;
  s.baseline = {
      "const t = p0 * v; if (t >= 0) { y = v / (1 + Math.exp(-t)); } "
      "else { const e = Math.exp(t); y = v * e / (1 + e); }",
      "const t = p0 * v; if (t >= 0) { const e = Math.exp(-t); "
      "y = (1 + e + (e === 0 ? 0 : t * e)) / ((1 + e) * (1 + e)); } "
      "else { const e = Math.exp(t); y = e === 0 ? 0 : e * ((1 + t) + e) / ((1 + e) * (1 + e)); }"};
  s.properties = &Silu::properties;
  return s;
}

// ---- Mish: x tanh(softplus(x)). With E = e^x, tanh(ln(1 + E)) = n/(n + 2), n = E(E + 2):
// a ratio without exponentials of large arguments and without 1 - (almost 1). For x >= 0,
// in e = e^-x, it is 1 - 2e²/D with D = 1 + 2e + 2e². For x < 0, n and n + 2 are formed in
// double-double and the quotient's remainder kept, so that only e^x's own rounding is left.
// f' = tanh(sp) + x sech²(sp) σ(x):
//   x >= 0: 1 - 2e²/D + 4x e²(1 + e)/D² (all terms positive);
//   x < 0:  E [4(1 + x) + E(6 + 4x + E(4 + E))]/(n + 2)², whose bracket crosses zero near
//           x = -1.19 (1 + x and 6 + 4x are exact there).
// Left of -40, E/2 no longer reaches the last bit of 1: f = x E and f' = (1 + x) E, by mul_exp.
constexpr double kMishTailBelow = -40.0;

struct MishLeft {  // n = E(E + 2) and n + 2, in double-double, for x < 0
  double e;
  Dd n;
  Dd n2;
};
inline MishLeft mish_left(double x) noexcept {
  const double e = std::exp(x);
  const Dd s = two_sum(e, 2.0);
  Dd n = two_product(e, s.hi);
  n.lo += e * s.lo;
  Dd n2 = two_sum(2.0, n.hi);
  n2.lo += n.lo;
  return {e, n, n2};
}

struct Mish {
  static double f(double x, const Arguments&) noexcept {
    if (std::isnan(x)) return x;
    if (x > kIdentityAbove) return x;
    if (x >= 0.0) {
      const double e = std::exp(-x);
      const double d = 1.0 + 2.0 * e * (1.0 + e);
      return x - x * (2.0 * e * e / d);
    }
    if (x < kMishTailBelow) return mul_exp(x, x, 0.0);
    const MishLeft m = mish_left(x);
    // q + q_lo = n / (n + 2), from the division's exact remainder.
    const double q = m.n.hi / m.n2.hi;
    const Dd qd = two_product(q, m.n2.hi);
    const double q_lo = (((m.n.hi - qd.hi) - qd.lo) + m.n.lo - q * m.n2.lo) / m.n2.hi;
    const Dd p = two_product(x, q);
    return p.hi + (p.lo + x * q_lo);
  }
  static double df(double x, const Arguments&) noexcept {
    if (std::isnan(x)) return x;
    if (x > kIdentityAbove) return 1.0;
    if (x >= 0.0) {
      const double e = std::exp(-x);
      const double d = 1.0 + 2.0 * e * (1.0 + e);
      const double e2 = e * e;
      return (1.0 - 2.0 * e2 / d) + 4.0 * x * e2 * (1.0 + e) / (d * d);
    }
    if (x < kMishTailBelow) return mul_exp(1.0 + x, x, 0.0);
    const MishLeft m = mish_left(x);
    const double e = m.e;
    const double bracket = 4.0 * (1.0 + x) + e * ((6.0 + 4.0 * x) + e * (4.0 + e));
    // bracket / (n + 2)², the square's rounding and n + 2's low part folded in.
    const Dd sq = two_product(m.n2.hi, m.n2.hi);
    const double q = bracket / sq.hi;
    return e * (q - q * (sq.lo / sq.hi + 2.0 * m.n2.lo / m.n2.hi));
  }
  // f'' = sech²(sp) σ · [2 + x(1 - σ(1 + 2 tanh(sp)))]: the steepest slope where the
  // bracket is 0 (x > 0 there, so tanh(sp) = f/x).
  static double curvature_sign(double x) noexcept {
    const Arguments none{};
    const double s = sigmoid(x);
    return 2.0 + x * (1.0 - s * (1.0 + 2.0 * f(x, none) / x));
  }
  static Properties properties(const Arguments& args) {
    const double xmin = root([&](double x) { return df(x, args); }, -2.0, -0.5);
    const double xpeak = root(&curvature_sign, 1.0, 2.5);
    return dipping_properties<Mish>(args, xmin, xpeak);
  }
};

constexpr ActivationSpec mish_row() {
  ActivationSpec s = scalar_row<Mish, rows::Loop::scalar, rows::Loop::scalar>("mish");
  s.colour = 14;
  s.formula_tex = R"(f(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr) = x \tanh\bigl(\ln(1 + e^{x})\bigr))";
  s.derivative_tex =
      R"(f'(x) = \tanh\bigl(\operatorname{softplus}(x)\bigr) + x\,\operatorname{sech}^2\bigl(\operatorname{softplus}(x)\bigr)\,\sigma(x))";
  s.accuracy.near_zero_and_tails = true;
  s.baseline = {
      "if (v > 40) { y = v; } else if (v >= 0) { const e = Math.exp(-v); "
      "y = v - v * (2 * e * e / (1 + 2 * e * (1 + e))); } "
      "else { const e = Math.exp(v); y = v * e * (e + 2) / (2 + e * (e + 2)); }",
      "if (v > 40) { y = 1; } else if (v >= 0) { const e = Math.exp(-v); const d = 1 + 2 * e * (1 + e); "
      "y = (1 - 2 * e * e / d) + 4 * v * e * e * (1 + e) / (d * d); } "
      "else { const e = Math.exp(v); const n2 = 2 + e * (e + 2); "
      "y = e === 0 ? 0 : e * (4 * (1 + v) + e * ((6 + 4 * v) + e * (4 + e))) / (n2 * n2); }"};
  s.properties = &Mish::properties;
  return s;
}

// ---- squareplus: (x + √(x² + b))/2, an algebraic softplus. For x << 0 the sum cancels, so
// it is b / (√(x² + b) - x) / 2 there, a quotient of positive numbers. √(x² + b) is carried
// in double-double (x² exact, its sum with b and the root corrected), so f is within about
// one rounding. f' = (1 + x/r)/2 is, for x < 0, b / (2 r (r - x)) for the same reason. Past
// |x| = 1e100, b/x² is below the last bit: r = |x| (and x² would overflow past 1e154). At
// b = 0 it is ReLU, with ReLU's f'(0) = 0.
constexpr double kSquareplusLinearAbove = 1e100;

struct SquareplusRoot {  // √(x² + b) = hi + lo
  double hi;
  double lo;
};
inline SquareplusRoot squareplus_root(double x, double b) noexcept {
  const Dd sq = two_product(x, x);
  Dd s = two_sum(sq.hi, b);
  s.lo += sq.lo;
  const double r = std::sqrt(s.hi);
  const Dd rr = two_product(r, r);
  return {r, (((s.hi - rr.hi) - rr.lo) + s.lo) / (2.0 * r)};
}

struct Squareplus {
  static double f(double x, const Arguments& a) noexcept {
    const double b = a.values[0];
    if (std::isnan(x)) return x;
    if (b == 0.0) return relu(x);
    if (std::fabs(x) > kSquareplusLinearAbove) return x > 0.0 ? x : 0.25 * b / -x;
    const SquareplusRoot r = squareplus_root(x, b);
    if (x >= 0.0) {
      const Dd v = two_sum(x, r.hi);
      return 0.5 * (v.hi + (v.lo + r.lo));
    }
    Dd d = two_sum(r.hi, -x);  // r - x = r + |x|
    d.lo += r.lo;
    const double q = b / d.hi;
    return 0.5 * (q - q * (d.lo / d.hi));
  }
  static double df(double x, const Arguments& a) noexcept {
    const double b = a.values[0];
    if (std::isnan(x)) return x;
    if (b == 0.0) return relu_derivative(x);
    if (std::fabs(x) > kSquareplusLinearAbove) return x > 0.0 ? 1.0 : 0.25 * b / -x / -x;
    const SquareplusRoot r = squareplus_root(x, b);
    if (x >= 0.0) {
      const double q = x / r.hi;
      return 0.5 * (1.0 + (q - q * (r.lo / r.hi)));
    }
    Dd d = two_sum(r.hi, -x);
    d.lo += r.lo;
    const Dd p = two_product(r.hi, d.hi);
    const double q = b / p.hi;
    return 0.5 * (q - q * (p.lo / p.hi + r.lo / r.hi + d.lo / d.hi));
  }
  static Properties properties(const Arguments& args) {
    const double b = args.values[0];
    Properties p{};
    p.f_at_zero = f(0.0, args);
    p.monotonic = Monotonicity::non_decreasing;
    p.zero_centred = Centring::none;
    p.max_abs_derivative = 1.0;
    p.saturates = Saturation::left;
    p.uses_exp = false;
    if (b == 0.0) {  // ReLU
      p.range = {0.0, kInf, true, false, {}};
      p.continuity_order = 0.0;
      p.non_differentiable_points = {0.0};
      p.max_abs_derivative_from = 0.0;
      p.max_abs_derivative_to = kInf;
      p.max_abs_derivative_attained = true;
      return p;
    }
    // Always above 0 and above x; f' = (1 + x/r)/2 only approaches 1 as x -> inf.
    p.range = {0.0, kInf, false, false, {}};
    p.continuity_order = kSmooth;
    p.max_abs_derivative_from = kInf;
    p.max_abs_derivative_to = kInf;
    p.max_abs_derivative_attained = false;
    return p;
  }
};

constexpr ParamSpec kSquareplusParams[] = {{"b", "b", 4.0, 0.0, 100.0, false}};

constexpr ActivationSpec squareplus_row() {
  ActivationSpec s = scalar_row<Squareplus, rows::Loop::scalar, rows::Loop::scalar>("squareplus");
  s.colour = 10;
  s.params = kSquareplusParams;
  s.formula_tex = R"(f(x) = \frac{x + \sqrt{x^2 + b}}{2})";
  s.derivative_tex = R"(f'(x) = \frac{1}{2}\left(1 + \frac{x}{\sqrt{x^2 + b}}\right))";
  s.baseline = {
      "if (p0 === 0) { y = v > 0 ? v : 0; } else { const r = Math.sqrt(v * v + p0); "
      "y = v >= 0 ? 0.5 * (v + r) : 0.5 * p0 / (r - v); }",
      "if (p0 === 0) { y = v > 0 ? 1 : 0; } else { const r = Math.sqrt(v * v + p0); "
      "y = v >= 0 ? 0.5 * (1 + v / r) : 0.5 * p0 / (r * (r - v)); }"};
  s.properties = &Squareplus::properties;
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kSmoothReluFunctions[] = {
    in_group(gelu_row(), kGroup),
    in_group(gelu_tanh_row(), kGroup),
    in_group(silu_row(), kGroup),
    in_group(mish_row(), kGroup),
    in_group(squareplus_row(), kGroup),
};

Span<ActivationSpec> smooth_relu_functions() { return kSmoothReluFunctions; }

}  // namespace activation
