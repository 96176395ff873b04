// Batch loops for relu f and step f', the cheapest functions, where the select clang emits
// for them in wasm SIMD (v128.bitselect, three instructions once V8 lowers it) was most of
// the work: their wasm loops took 1.15-1.2x the native ones, which with a call's fixed cost
// put them over 1.5x at 1,000 points. Under -msimd128 they use one v128.andnot / v128.and
// on the same compare masks instead (clang's <wasm_simd128.h>, not an Emscripten header);
// elsewhere the portable loop, which the compiler vectorises. The same bits either way
// (tests/cpp/batch_test.cpp).
#pragma once

#include <cstddef>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#include "scalar_activations.hpp"

namespace activation::detail {

// relu: x with every bit cleared where x <= 0 (so -0 gives +0; NaN passes).
inline void relu_batch(const double* x, double* out, std::size_t n) noexcept {
  std::size_t i = 0;
#if defined(__wasm_simd128__)
  const v128_t zero = wasm_f64x2_splat(0.0);
  for (; i + 2 <= n; i += 2) {
    const v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(out + i, wasm_v128_andnot(v, wasm_f64x2_le(v, zero)));
  }
#endif
  for (; i < n; ++i) out[i] = relu(x[i]);
}

// step': x kept only where it is NaN (x != x), else +0.
inline void step_derivative_batch(const double* x, double* out, std::size_t n) noexcept {
  std::size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 2 <= n; i += 2) {
    const v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(out + i, wasm_v128_and(v, wasm_f64x2_ne(v, v)));
  }
#endif
  for (; i < n; ++i) out[i] = step_derivative(x[i]);
}

}  // namespace activation::detail
