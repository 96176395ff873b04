// The core's scalar activations written in plain JavaScript: the baseline the wasm
// module is benchmarked against. Same stable formulas as cpp/core/scalar_activations.hpp
// (sign-split sigmoid, Math.tanh, Math.expm1 for ELU, max(t,0) + log1p(e^-|t|) for
// softplus), same conventions at the kinks, each a batch loop writing into a
// preallocated Float64Array: the fast, fair way to do this in JS. One loop per
// function keeps every call site monomorphic for the JIT.
//
// Signature of every batch function: (x, out, n, args), where args mirrors the C++
// `Arguments`: { values: [first param, ...], pieces: [{ w, b }, ...] } (pieces: maxout).

function stepBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 ? 1 : v !== v ? v : 0;
  }
}
function stepDerivativeBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v !== v ? v : 0;
  }
}

function sigmoidBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const e = Math.exp(-Math.abs(v));
    out[i] = v >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
}
function sigmoidDerivativeBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const e = Math.exp(-Math.abs(x[i]));
    const d = 1 + e;
    out[i] = e / (d * d);
  }
}

function tanhBatch(x, out, n) {
  for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
}
function tanhDerivativeBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const e = Math.exp(-2 * Math.abs(x[i]));
    const d = 1 + e;
    out[i] = (4 * e) / (d * d);
  }
}

function reluBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 ? v : v !== v ? v : 0;
  }
}
function reluDerivativeBatch(x, out, n) {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 ? 1 : v !== v ? v : 0;
  }
}

// leaky-relu and prelu: x for x > 0, else slope*x; slope 0 gives the limit 0 (not 0*-inf).
function leakyReluBatch(x, out, n, args) {
  const slope = args.values[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 || v !== v ? v : slope === 0 ? 0 : slope * v;
  }
}
function leakyReluDerivativeBatch(x, out, n, args) {
  const slope = args.values[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 ? 1 : v !== v ? v : slope;
  }
}
// Separate copies for prelu, so each slug's call site stays monomorphic.
function preluBatch(x, out, n, args) {
  const slope = args.values[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 || v !== v ? v : slope === 0 ? 0 : slope * v;
  }
}
function preluDerivativeBatch(x, out, n, args) {
  const slope = args.values[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 ? 1 : v !== v ? v : slope;
  }
}

function eluBatch(x, out, n, args) {
  const alpha = args.values[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v > 0 || v !== v ? v : alpha * Math.expm1(v);
  }
}
function eluDerivativeBatch(x, out, n, args) {
  const alpha = args.values[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v !== v ? v : v > 0 ? 1 : alpha * Math.exp(v);
  }
}

function softplusBatch(x, out, n, args) {
  const beta = args.values[0];
  for (let i = 0; i < n; i++) {
    const t = beta * x[i];
    out[i] = (Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)))) / beta;
  }
}
// d/dx softplus = sigmoid(beta x).
function softplusDerivativeBatch(x, out, n, args) {
  const beta = args.values[0];
  for (let i = 0; i < n; i++) {
    const t = beta * x[i];
    const e = Math.exp(-Math.abs(t));
    out[i] = t >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
}

// Maxout: max_i (w_i x + b_i); ties go to the lowest index; w = 0 gives b even at +-inf.
function maxoutPieces(args) {
  const pieces = args.pieces;
  const k = pieces.length;
  const w = new Float64Array(k);
  const b = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    w[j] = pieces[j].w;
    b[j] = pieces[j].b;
  }
  return { w, b, k };
}
function maxoutBatch(x, out, n, args) {
  const { w, b, k } = maxoutPieces(args);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) {
      out[i] = v;
      continue;
    }
    let best = w[0] === 0 ? b[0] : w[0] * v + b[0];
    for (let j = 1; j < k; j++) {
      const p = w[j] === 0 ? b[j] : w[j] * v + b[j];
      if (p > best) best = p;
    }
    out[i] = best;
  }
}
function maxoutDerivativeBatch(x, out, n, args) {
  const { w, b, k } = maxoutPieces(args);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) {
      out[i] = v;
      continue;
    }
    let best = w[0] === 0 ? b[0] : w[0] * v + b[0];
    let slope = w[0];
    for (let j = 1; j < k; j++) {
      const p = w[j] === 0 ? b[j] : w[j] * v + b[j];
      if (p > best) {
        best = p;
        slope = w[j];
      }
    }
    out[i] = slope;
  }
}

/** Batch f and f' for each scalar slug of the core's registry. */
export const plainJsActivations = Object.freeze({
  step: { f: stepBatch, df: stepDerivativeBatch },
  sigmoid: { f: sigmoidBatch, df: sigmoidDerivativeBatch },
  tanh: { f: tanhBatch, df: tanhDerivativeBatch },
  relu: { f: reluBatch, df: reluDerivativeBatch },
  softplus: { f: softplusBatch, df: softplusDerivativeBatch },
  'leaky-relu': { f: leakyReluBatch, df: leakyReluDerivativeBatch },
  prelu: { f: preluBatch, df: preluDerivativeBatch },
  elu: { f: eluBatch, df: eluDerivativeBatch },
  maxout: { f: maxoutBatch, df: maxoutDerivativeBatch },
});

/** The core's default maxout pieces, 0 and x (whose maximum is relu). */
export const defaultMaxoutPieces = Object.freeze([
  Object.freeze({ w: 0, b: 0 }),
  Object.freeze({ w: 1, b: 0 }),
]);
