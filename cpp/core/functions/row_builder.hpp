// What every function-group file uses to write its rows: the adapters' batch loops and a
// scalar row with its f, f' and batch loops filled in. The group files then set the rest,
// in constexpr functions: rows are constant data, built by the compiler, not at run time.
#pragma once

#include <string_view>

#include "../registry.hpp"

namespace activation::rows {

// How a batch loop is compiled. simd: the vectoriser may take two elements at a time (SIMD
// natively and in wasm with -msimd128); libm calls in it are made once per lane, which still
// pays when every element takes the same path (sigmoid: one exp each, then selects).
// scalar: elements branch to different libm calls (tanh: tanh or exp; elu: exp, expm1 or
// none), and vectorising would make every call for every element.
enum class Loop { simd, scalar };

// args is copied to a local so that stores to out cannot alias it: otherwise the parameters
// are reloaded every element and the loop may not vectorise.
template <ScalarFn F>
void apply(const double* x, double* out, std::size_t n, const Arguments& args) noexcept {
  const Arguments a = args;
  for (std::size_t i = 0; i < n; ++i) out[i] = F(x[i], a);
}

template <ScalarFn F>
void apply_scalar(const double* x, double* out, std::size_t n, const Arguments& args) noexcept {
  const Arguments a = args;
#if defined(__clang__)
#pragma clang loop vectorize(disable)
#endif
  for (std::size_t i = 0; i < n; ++i) out[i] = F(x[i], a);
}

template <ScalarFn F>
constexpr BatchFn batch_loop(Loop loop) noexcept {
  return loop == Loop::simd ? &apply<F> : &apply_scalar<F>;
}

// A row for A::f and A::df (static, noexcept, (double, const Arguments&)), with batch loops.
template <class A, Loop kF = Loop::simd, Loop kDf = Loop::simd>
constexpr ActivationSpec scalar_row(std::string_view slug) {
  ActivationSpec spec;
  spec.slug = slug;
  spec.kind = Kind::scalar;
  spec.f = &A::f;
  spec.df = &A::df;
  spec.f_batch = batch_loop<&A::f>(kF);
  spec.df_batch = batch_loop<&A::df>(kDf);
  return spec;
}

// The row, placed in a group (the part of the page it belongs to).
constexpr ActivationSpec in_group(ActivationSpec spec, std::string_view group) {
  spec.group = group;
  return spec;
}

}  // namespace activation::rows
