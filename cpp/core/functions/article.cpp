// The seed article's functions, in its order (softplus after relu, its smooth relative;
// PReLU shown inside Leaky ReLU's section). The math is in scalar_activations.hpp,
// maxout.hpp and softmax.hpp, the properties in article_properties.cpp.
#include <cmath>
#include <limits>

#include "../bitwise_batches.hpp"
#include "../scalar_activations.hpp"
#include "../softmax.hpp"
#include "article_properties.hpp"
#include "groups.hpp"
#include "row_builder.hpp"

namespace activation {

namespace {

using rows::Loop;
using rows::in_group;
using rows::scalar_row;

constexpr std::string_view kGroup = "article";

// Adapters from the plain math functions to the registry's uniform signature. Each is a
// type so the batch loop can inline the math instead of calling through a pointer.
struct Step {
  static double f(double x, const Arguments&) noexcept { return step(x); }
  static double df(double x, const Arguments&) noexcept { return step_derivative(x); }
  static void df_batch(const double* x, double* out, std::size_t n, const Arguments&) noexcept {
    detail::step_derivative_batch(x, out, n);
  }
};
struct Sigmoid {
  static double f(double x, const Arguments&) noexcept { return sigmoid(x); }
  static double df(double x, const Arguments&) noexcept { return sigmoid_derivative(x); }
};
struct Tanh {
  static double f(double x, const Arguments&) noexcept { return activation::tanh(x); }
  static double df(double x, const Arguments&) noexcept { return tanh_derivative(x); }
};
struct Relu {
  static double f(double x, const Arguments&) noexcept { return relu(x); }
  static double df(double x, const Arguments&) noexcept { return relu_derivative(x); }
  static void f_batch(const double* x, double* out, std::size_t n, const Arguments&) noexcept {
    detail::relu_batch(x, out, n);
  }
};
struct Softplus {
  static double f(double x, const Arguments& a) noexcept { return softplus(x, a.values[0]); }
  static double df(double x, const Arguments& a) noexcept {
    return softplus_derivative(x, a.values[0]);
  }
};
struct LeakyRelu {
  static double f(double x, const Arguments& a) noexcept { return leaky_relu(x, a.values[0]); }
  static double df(double x, const Arguments& a) noexcept {
    return leaky_relu_derivative(x, a.values[0]);
  }
  static double dparam(double x, const Arguments&) noexcept { return prelu_slope_derivative(x); }
};
struct Elu {
  static double f(double x, const Arguments& a) noexcept { return elu(x, a.values[0]); }
  static double df(double x, const Arguments& a) noexcept { return elu_derivative(x, a.values[0]); }
};
struct Maxout {
  static double f(double x, const Arguments& a) noexcept {
    return maxout(x, a.pieces, a.piece_count);
  }
  static double df(double x, const Arguments& a) noexcept {
    return maxout_derivative(x, a.pieces, a.piece_count);
  }
  static void f_batch(const double* x, double* out, std::size_t n, const Arguments& a) noexcept {
    maxout_batch(x, out, n, a.pieces, a.piece_count);
  }
  static void df_batch(const double* x, double* out, std::size_t n, const Arguments& a) noexcept {
    maxout_derivative_batch(x, out, n, a.pieces, a.piece_count);
  }
  static void argmax_batch(const double* x, double* out, std::size_t n, const Arguments& a) noexcept {
    maxout_argmax_batch(x, out, n, a.pieces, a.piece_count);
  }
};
struct LogSoftmax {
  static void f(const double* z, std::size_t n, const ParamValues& v, double* out) noexcept {
    log_softmax(z, n, v[0], out);
  }
  static void jacobian(const double* l, std::size_t n, const ParamValues& v, double* out) noexcept {
    log_softmax_jacobian(l, n, v[0], out);
  }
  static void diagonal(const double* l, std::size_t n, const ParamValues& v, double* out) noexcept {
    log_softmax_jacobian_diagonal(l, n, v[0], out);
  }
};
struct Softmax {
  static void f(const double* z, std::size_t n, const ParamValues& v, double* out) noexcept {
    softmax(z, n, v[0], out);
  }
  static void jacobian(const double* s, std::size_t n, const ParamValues& v, double* out) noexcept {
    softmax_jacobian(s, n, v[0], out);
  }
  static void diagonal(const double* s, std::size_t n, const ParamValues& v, double* out) noexcept {
    softmax_jacobian_diagonal(s, n, v[0], out);
  }
};

// Piecewise-linear functions are exact: one rounding at most, like the hardware's.
constexpr Accuracy kExact{0, 0};

// The seed article plots sigmoid and tanh over ±10, where their saturation shows; the
// piecewise-linear functions read better close to their kink (the default ±3).
constexpr double kSaturationHalfRange = 10.0;

constexpr ActivationSpec step_row() {
  ActivationSpec s = scalar_row<Step>("step");
  s.df_batch = &Step::df_batch;
  s.colour = 0;
  // No words in formulas: they are shown in both languages (the jump is explained in the text).
  s.formula_tex = R"(f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases})";
  s.derivative_tex = R"(f'(x) = 0 \quad (x \ne 0))";
  s.accuracy = kExact;
  s.baseline = {"y = v > 0 ? 1 : v !== v ? v : 0;", "y = v !== v ? v : 0;"};
  s.properties = &step_properties;
  return s;
}

constexpr ActivationSpec sigmoid_row() {
  ActivationSpec s = scalar_row<Sigmoid>("sigmoid");
  s.colour = 1;
  s.half_range = kSaturationHalfRange;
  s.formula_tex = R"(\sigma(x) = \frac{1}{1 + e^{-x}})";
  s.derivative_tex = R"(\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr))";
  s.baseline = {"const e = Math.exp(-Math.abs(v)); y = v >= 0 ? 1 / (1 + e) : e / (1 + e);",
                "const e = Math.exp(-Math.abs(v)); const d = 1 + e; y = e / (d * d);"};
  s.properties = &sigmoid_properties;
  return s;
}

constexpr ActivationSpec tanh_row() {
  ActivationSpec s = scalar_row<Tanh, Loop::scalar>("tanh");
  s.colour = 2;
  s.half_range = kSaturationHalfRange;
  s.formula_tex = R"(\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1)";
  s.derivative_tex = R"(\tanh' x = 1 - \tanh^2 x = \operatorname{sech}^2 x)";
  s.baseline = {"y = Math.tanh(v);",
                "const e = Math.exp(-2 * Math.abs(v)); const d = 1 + e; y = (4 * e) / (d * d);"};
  s.properties = &tanh_properties;
  return s;
}

constexpr ActivationSpec relu_row() {
  ActivationSpec s = scalar_row<Relu>("relu");
  s.f_batch = &Relu::f_batch;
  s.colour = 3;
  s.formula_tex = R"(f(x) = \max(0, x))";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases})";
  s.accuracy = kExact;
  s.baseline = {"y = v > 0 ? v : v !== v ? v : 0;", "y = v > 0 ? 1 : v !== v ? v : 0;"};
  s.properties = &relu_properties;
  return s;
}

constexpr ParamSpec kSoftplusParams[] = {{"beta", "β", 1.0, 0.0, 10.0, true}};

constexpr ActivationSpec softplus_row() {
  ActivationSpec s = scalar_row<Softplus>("softplus");
  s.colour = 4;
  s.params = kSoftplusParams;
  s.formula_tex = R"(f(x) = \frac{1}{\beta} \ln\bigl(1 + e^{\beta x}\bigr))";
  s.derivative_tex = R"(f'(x) = \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}})";
  s.baseline = {
      "const t = p0 * v; y = (Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)))) / p0;",
      "const t = p0 * v; const e = Math.exp(-Math.abs(t)); y = t >= 0 ? 1 / (1 + e) : e / (1 + e);"};
  s.properties = &softplus_properties;
  return s;
}

// Leaky ReLU and PReLU: the same shape, a fixed slope or a learned one.
constexpr JsBaseline kSlopeBaseline{"y = v > 0 || v !== v ? v : p0 === 0 ? 0 : p0 * v;",
                                    "y = v > 0 ? 1 : v !== v ? v : p0;"};

constexpr ParamSpec kLeakyReluParams[] = {{"alpha", "α", 0.2, 0.0, 1.0, false}};

constexpr ActivationSpec leaky_relu_row() {
  ActivationSpec s = scalar_row<LeakyRelu>("leaky-relu");
  s.colour = 5;
  s.params = kLeakyReluParams;
  s.formula_tex = R"(f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases})";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases})";
  s.accuracy = kExact;
  s.baseline = kSlopeBaseline;
  s.properties = &leaky_relu_properties;
  return s;
}

// A learned slope may leave [0, 1]: a > 1 (steeper on the left) and a < 0 (not monotonic;
// a = -1 gives |x|) are both shown.
constexpr ParamSpec kPreluParams[] = {{"a", "a", 0.25, -1.0, 2.0, false}};

constexpr ActivationSpec prelu_row() {
  ActivationSpec s = scalar_row<LeakyRelu>("prelu");
  s.parent = "leaky-relu";
  s.colour = 6;
  s.params = kPreluParams;
  s.formula_tex = R"(f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases})";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases})";
  s.param_derivative_tex =
      R"(\frac{\partial f}{\partial a} = \begin{cases} 0 & x > 0 \\ x & x \le 0 \end{cases})";
  s.param_derivative_batch = &rows::apply<&LeakyRelu::dparam>;
  s.accuracy = kExact;
  s.baseline = kSlopeBaseline;
  s.properties = &leaky_relu_properties;
  return s;
}

constexpr ParamSpec kEluParams[] = {{"alpha", "α", 1.0, 0.0, 5.0, true}};

constexpr ActivationSpec elu_row() {
  ActivationSpec s = scalar_row<Elu, Loop::scalar, Loop::scalar>("elu");
  s.colour = 7;
  s.params = kEluParams;
  s.formula_tex = R"(f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases})";
  s.derivative_tex = R"(f'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases})";
  s.baseline = {"y = v > 0 || v !== v ? v : p0 * Math.expm1(v);",
                "y = v !== v ? v : v > 0 ? 1 : p0 * Math.exp(v);"};
  s.properties = &elu_properties;
  return s;
}

// max(0·x + 0, 1·x + 0) is ReLU; maxout_default_pieces() gives the same two.
constexpr Piece kReluPieces[] = {{0.0, 0.0}, {1.0, 0.0}};
constexpr Piece kAbsPieces[] = {{-1.0, 0.0}, {1.0, 0.0}};
// Tangents of x²/4 at x = ±1, ±3: w = t/2, b = −t²/4. Their max hugs the parabola.
constexpr Piece kConvexPieces[] = {{-1.5, -2.25}, {-0.5, -0.25}, {0.5, -0.25}, {1.5, -2.25}};
constexpr PiecesPreset kMaxoutPresets[] = {
    {"relu", kReluPieces},
    {"abs", kAbsPieces},
    {"convex", kConvexPieces, 0.25},
};

constexpr ActivationSpec maxout_row() {
  ActivationSpec s = scalar_row<Maxout>("maxout");
  s.kind = Kind::pieces;
  s.f_batch = &Maxout::f_batch;
  s.df_batch = &Maxout::df_batch;
  s.argmax_batch = &Maxout::argmax_batch;
  s.colour = 8;
  s.formula_tex = R"(f(x) = \max_{1 \le i \le k} \,(w_i x + b_i))";
  s.derivative_tex = R"(f'(x) = w_{i^*}, \quad i^* = \arg\max_i \,(w_i x + b_i))";
  s.accuracy = kExact;
  // W, B: the pieces' slopes and offsets as Float64Arrays, K their count.
  s.baseline = {
      "if (v !== v) { y = v; } else { y = W[0] === 0 ? B[0] : W[0] * v + B[0]; "
      "for (let j = 1; j < K; j++) { const q = W[j] === 0 ? B[j] : W[j] * v + B[j]; if (q > y) y = q; } }",
      "if (v !== v) { y = v; } else { let best = W[0] === 0 ? B[0] : W[0] * v + B[0]; y = W[0]; "
      "for (let j = 1; j < K; j++) { const q = W[j] === 0 ? B[j] : W[j] * v + B[j]; "
      "if (q > best) { best = q; y = W[j]; } } }"};
  s.properties = &maxout_properties;
  s.pieces = {1, kMaxoutMaxPieces, 100.0, kReluPieces, kMaxoutPresets};
  return s;
}

constexpr ParamSpec kSoftmaxParams[] = {{"temperature", "T", 1.0, kTemperatureMin, kTemperatureMax, false}};
constexpr double kSoftmaxDefaultLogits[] = {2.0, 1.0, 0.1};

constexpr ActivationSpec softmax_row() {
  ActivationSpec s;
  s.slug = "softmax";
  s.kind = Kind::vector;
  s.params = kSoftmaxParams;
  s.formula_tex = R"(s_i = \frac{e^{z_i / T}}{\sum_{j=1}^{m} e^{z_j / T}})";
  s.derivative_tex = R"(\frac{\partial s_i}{\partial z_j} = \frac{1}{T}\, s_i \,(\delta_{ij} - s_j))";
  s.accuracy = {4, 4};
  s.properties = &softmax_properties;
  s.vector_f = &Softmax::f;
  s.jacobian = &Softmax::jacobian;
  s.jacobian_diagonal = &Softmax::diagonal;
  s.vector = {kSoftmaxMaxLength, kSoftmaxJacobianMaxLength, 2, 10, 100.0, kSoftmaxDefaultLogits};
  return s;
}

// Beside softmax (issue 12): its logarithm, the form losses use, computed without forming
// the probabilities.
constexpr ActivationSpec log_softmax_row() {
  ActivationSpec s;
  s.slug = "log-softmax";
  s.kind = Kind::vector;
  s.parent = "softmax";
  s.params = kSoftmaxParams;
  s.formula_tex = R"(\ell_i = \log s_i = \frac{z_i}{T} - \log \sum_{j=1}^{m} e^{z_j / T})";
  s.derivative_tex = R"(\frac{\partial \ell_i}{\partial z_j} = \frac{1}{T}\,(\delta_{ij} - s_j))";
  s.accuracy = {4, 4};
  s.properties = &log_softmax_properties;
  s.vector_f = &LogSoftmax::f;
  s.jacobian = &LogSoftmax::jacobian;
  s.jacobian_diagonal = &LogSoftmax::diagonal;
  s.vector = {kSoftmaxMaxLength, kSoftmaxJacobianMaxLength, 2, 10, 100.0, kSoftmaxDefaultLogits};
  return s;
}

}  // namespace

// In page order.
constexpr ActivationSpec kArticleFunctions[] = {
    in_group(step_row(), kGroup),     in_group(sigmoid_row(), kGroup), in_group(tanh_row(), kGroup),
    in_group(relu_row(), kGroup),     in_group(softplus_row(), kGroup), in_group(leaky_relu_row(), kGroup),
    in_group(prelu_row(), kGroup),    in_group(elu_row(), kGroup),     in_group(maxout_row(), kGroup),
    in_group(softmax_row(), kGroup),  in_group(log_softmax_row(), kGroup),
};

Span<ActivationSpec> article_functions() { return kArticleFunctions; }

}  // namespace activation
