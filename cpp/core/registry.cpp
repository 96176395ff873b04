#include "registry.hpp"

#include <algorithm>
#include <cmath>

#include "activation_properties.hpp"
#include "bitwise_batches.hpp"
#include "scalar_activations.hpp"

namespace activation {

namespace {

// Adapters from the plain math functions to the registry's uniform signature. Each is a
// type so the batch loop below can inline the math instead of calling through a pointer.
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
};

// How a batch loop is compiled. simd: the vectoriser may take two elements at a time (SIMD
// natively and in wasm with -msimd128); libm calls in it are made once per lane, which still
// pays when every element takes the same path (sigmoid: one exp each, then selects).
// scalar: elements branch to different libm calls (tanh: tanh or exp; elu: exp, expm1 or
// none), and vectorising would make every call for every element.
enum class Loop { simd, scalar };

// args is copied to a local so that stores to out cannot alias it: otherwise the parameters
// are reloaded every element and the loop may not vectorise.
template <double (*F)(double, const Arguments&) noexcept>
void apply(const double* x, double* out, std::size_t n, const Arguments& args) noexcept {
  const Arguments a = args;
  for (std::size_t i = 0; i < n; ++i) out[i] = F(x[i], a);
}

template <double (*F)(double, const Arguments&) noexcept>
void apply_scalar(const double* x, double* out, std::size_t n, const Arguments& args) noexcept {
  const Arguments a = args;
#if defined(__clang__)
#pragma clang loop vectorize(disable)
#endif
  for (std::size_t i = 0; i < n; ++i) out[i] = F(x[i], a);
}

template <double (*F)(double, const Arguments&) noexcept>
constexpr BatchFn batch_loop(Loop loop) noexcept {
  return loop == Loop::simd ? &apply<F> : &apply_scalar<F>;
}

template <class A, Loop kF = Loop::simd, Loop kDf = Loop::simd>
ActivationSpec scalar_entry(std::string_view slug, std::vector<ParamSpec> params,
                            std::string_view formula, std::string_view derivative,
                            PropertiesFn properties) {
  ActivationSpec spec;
  spec.slug = slug;
  spec.kind = Kind::scalar;
  spec.params = std::move(params);
  spec.formula_tex = formula;
  spec.derivative_tex = derivative;
  spec.f = &A::f;
  spec.df = &A::df;
  spec.f_batch = batch_loop<&A::f>(kF);
  spec.df_batch = batch_loop<&A::df>(kDf);
  spec.properties = properties;
  return spec;
}

std::vector<ActivationSpec> build_registry() {
  std::vector<ActivationSpec> r;
  ActivationSpec step_spec = scalar_entry<Step>(
      "step", {},
      R"(f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases})",
      // No words in formulas: they are shown in both languages (the jump is explained in the text).
      R"(f'(x) = 0 \quad (x \ne 0))", &step_properties);
  step_spec.df_batch = &Step::df_batch;
  r.push_back(std::move(step_spec));
  r.push_back(scalar_entry<Sigmoid>("sigmoid", {}, R"(\sigma(x) = \frac{1}{1 + e^{-x}})",
                                    R"(\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr))",
                                    &sigmoid_properties));
  r.push_back(scalar_entry<Tanh, Loop::scalar>(
      "tanh", {}, R"(\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1)",
      R"(\tanh' x = 1 - \tanh^2 x = \operatorname{sech}^2 x)", &tanh_properties));
  ActivationSpec relu_spec = scalar_entry<Relu>(
      "relu", {}, R"(f(x) = \max(0, x))",
      R"(f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases})", &relu_properties);
  relu_spec.f_batch = &Relu::f_batch;
  r.push_back(std::move(relu_spec));
  r.push_back(scalar_entry<Softplus>(
      "softplus", {{"beta", 1.0, 0.0, 10.0, true}},
      R"(f(x) = \frac{1}{\beta} \ln\bigl(1 + e^{\beta x}\bigr))",
      R"(f'(x) = \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}})", &softplus_properties));
  r.push_back(scalar_entry<LeakyRelu>(
      "leaky-relu", {{"alpha", 0.2, 0.0, 1.0, false}},
      R"(f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases})",
      R"(f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases})",
      &leaky_relu_properties));
  ActivationSpec prelu = scalar_entry<LeakyRelu>(
      "prelu", {{"a", 0.25, -1.0, 1.0, false}},
      R"(f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases})",
      R"(f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases})", &leaky_relu_properties);
  prelu.param_derivative_tex = R"(\frac{\partial f}{\partial a} = \begin{cases} 0 & x > 0 \\ x & x \le 0 \end{cases})";
  prelu.param_derivative_batch = &apply<&LeakyRelu::dparam>;
  r.push_back(std::move(prelu));
  r.push_back(scalar_entry<Elu, Loop::scalar, Loop::scalar>(
      "elu", {{"alpha", 1.0, 0.0, 5.0, true}},
      R"(f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases})",
      R"(f'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases})",
      &elu_properties));
  ActivationSpec maxout_spec = scalar_entry<Maxout>(
      "maxout", {}, R"(f(x) = \max_{1 \le i \le k} \,(w_i x + b_i))",
      R"(f'(x) = w_{i^*}, \quad i^* = \arg\max_i \,(w_i x + b_i))", &maxout_properties);
  maxout_spec.f_batch = &Maxout::f_batch;
  maxout_spec.df_batch = &Maxout::df_batch;
  r.push_back(std::move(maxout_spec));
  ActivationSpec softmax;
  softmax.slug = "softmax";
  softmax.kind = Kind::vector;
  softmax.params = {{"temperature", 1.0, 0.05, 20.0, false}};
  softmax.formula_tex = R"(s_i = \frac{e^{z_i / T}}{\sum_{j=1}^{m} e^{z_j / T}})";
  softmax.derivative_tex = R"(\frac{\partial s_i}{\partial z_j} = \frac{1}{T}\, s_i \,(\delta_{ij} - s_j))";
  softmax.properties = &softmax_properties;
  r.push_back(std::move(softmax));
  return r;
}

}  // namespace

const std::vector<ActivationSpec>& registry() {
  static const std::vector<ActivationSpec> table = build_registry();
  return table;
}

const ActivationSpec* find_activation(std::string_view slug) noexcept {
  for (const ActivationSpec& spec : registry()) {
    if (spec.slug == slug) return &spec;
  }
  return nullptr;
}

ParamValues default_params(const ActivationSpec& spec) noexcept {
  ParamValues values{};
  for (std::size_t i = 0; i < spec.params.size() && i < kMaxParams; ++i) {
    values[i] = spec.params[i].default_value;
  }
  return values;
}

}  // namespace activation
