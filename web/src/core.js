// The activation core (C++ compiled to WebAssembly) behind a small, typed JavaScript API.
// Works in browsers and in Node >= 20. The wasm side validates and reports errors as
// values; this wrapper turns them into thrown Errors and copies every result out of wasm
// memory, so results stay valid when the heap grows.
import createActivationCore from './generated/activation-core-wasm.js';

/**
 * @typedef {{ name: string, default: number, min: number, max: number, minExclusive: boolean }} ParamSpec
 * @typedef {{ w: number, b: number }} Piece
 * @typedef {{
 *   range: { min: number, max: number, minInclusive: boolean, maxInclusive: boolean, values?: number[] },
 *   f0: number | null, monotonic: boolean, zeroCentred: 'symmetric'|'partial'|'none',
 *   continuity: number, nonDifferentiableAt: number[],
 *   maxAbsDerivative: { value: number, from: number | null, to: number | null, attained: boolean },
 *   saturates: 'none'|'left'|'right'|'both', usesExp: boolean }} Properties
 * @typedef {{ slug: string, kind: 'scalar'|'vector', params: ParamSpec[], formula: string,
 *   derivativeFormula: string, parameterDerivativeFormula?: string, properties: Properties,
 *   pieces?: { max: number, default: Piece[] }, maxLength?: number, jacobianMaxLength?: number }} Activation
 */

const MAXOUT_MAX_PIECES = 8;
const MAXOUT_DEFAULT_PIECES = Object.freeze([Object.freeze({ w: 0, b: 0 }), Object.freeze({ w: 1, b: 0 })]);
const SOFTMAX_MAX_LENGTH = 100000;
const SOFTMAX_JACOBIAN_MAX_LENGTH = 256;
const DOUBLE_BYTES = 8;
const WHICH = { value: 0, derivative: 1, parameter: 2 };
const SOFTMAX_KIND = { probabilities: 0, jacobian: 1, diagonal: 2 };

let corePromise = null;

/** Loads the wasm module once; later calls return the same promise. */
export function loadCore() {
  if (!corePromise) {
    // Started at once (the fetch and compile overlap the page's own start-up); without
    // WebAssembly the glue throws synchronously, which becomes a rejection here.
    let created;
    try {
      created = createActivationCore();
    } catch (error) {
      created = Promise.reject(error);
    }
    corePromise = created.then((wasm) => new ActivationCore(wasm));
    // A failed load may be retried (say, after the network returns).
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
}

// A reusable block of wasm memory. Grown (never shrunk) so steady use allocates nothing.
class Scratch {
  constructor(wasm) {
    this.wasm = wasm;
    this.address = 0;
    this.capacity = 0;
  }

  /** Returns the address of at least `count` doubles. */
  reserve(count) {
    if (count > this.capacity) {
      if (this.address) this.wasm._free(this.address);
      this.capacity = Math.max(count, 1024);
      this.address = this.wasm._malloc(this.capacity * DOUBLE_BYTES);
      if (!this.address) {
        this.capacity = 0;
        throw new Error(`out of memory reserving ${count} numbers`);
      }
    }
    return this.address;
  }
}

// A copy of n doubles from wasm memory: into `target` when given (no allocation), else new.
function copyOut(heap, address, n, target) {
  const view = heap.subarray(address / DOUBLE_BYTES, address / DOUBLE_BYTES + n);
  if (target === undefined) return view.slice();
  if (!(target instanceof Float64Array) || target.length !== n) {
    throw new Error(`out must be a Float64Array of length ${n}`);
  }
  target.set(view);
  return target;
}

function toFloat64(values, name) {
  if (values instanceof Float64Array) return values;
  if (values == null || typeof values.length !== 'number') {
    throw new Error(`${name} must be an array of numbers`);
  }
  return Float64Array.from(values, Number);
}

class ActivationCore {
  constructor(wasm) {
    this.wasm = wasm;
    this.scratch = new Scratch(wasm);
    /** @type {Activation[]} */
    const entries = wasm.list();
    this.entries = entries;
    this.index = new Map(entries.map((entry, i) => [entry.slug, i]));
    for (const entry of entries) {
      if (entry.slug === 'maxout') {
        entry.pieces = { max: MAXOUT_MAX_PIECES, default: MAXOUT_DEFAULT_PIECES.map((p) => ({ ...p })) };
      }
      if (entry.slug === 'softmax') {
        entry.maxLength = SOFTMAX_MAX_LENGTH;
        entry.jacobianMaxLength = SOFTMAX_JACOBIAN_MAX_LENGTH;
      }
      entry.properties = this.properties(entry.slug);
    }
  }

  /** @returns {Activation[]} a fresh copy, safe for callers to modify. */
  list() {
    return structuredClone(this.entries);
  }

  entry(slug) {
    const i = this.index.get(slug);
    if (i === undefined) {
      throw new Error(`unknown activation "${String(slug)}"; known: ${[...this.index.keys()].join(', ')}`);
    }
    return { entry: this.entries[i], i };
  }

  // Checks the parameter object's keys and types; ranges are checked in C++.
  paramValues(entry, params) {
    const values = [0, 0];
    if (params != null && typeof params !== 'object') {
      throw new Error(`params for ${entry.slug} must be an object such as { ${entry.params[0]?.name ?? 'name'}: 0.5 }`);
    }
    const given = params ?? {};
    const known = new Set(entry.params.map((p) => p.name));
    if (entry.slug === 'maxout') known.add('pieces');
    for (const key of Object.keys(given)) {
      if (!known.has(key)) {
        const names = [...known].join(', ') || 'none';
        throw new Error(`unknown parameter "${key}" for ${entry.slug}; its parameters: ${names}`);
      }
    }
    entry.params.forEach((spec, i) => {
      const value = given[spec.name];
      if (value === undefined) {
        values[i] = spec.default;
      } else if (typeof value !== 'number') {
        throw new Error(`${entry.slug} parameter ${spec.name} must be a number (got ${typeof value})`);
      } else {
        values[i] = value;
      }
    });
    return values;
  }

  // Writes maxout pieces after `offset` doubles of scratch; returns [address, count].
  piecesAt(entry, params, offset) {
    if (entry.slug !== 'maxout') return [0, 0];
    const pieces = params?.pieces ?? MAXOUT_DEFAULT_PIECES;
    if (!Array.isArray(pieces)) throw new Error('pieces must be an array of { w, b }');
    if (pieces.length > MAXOUT_MAX_PIECES) {
      throw new Error(`pieces must hold 1 to ${MAXOUT_MAX_PIECES} pieces {w, b} (got ${pieces.length})`);
    }
    const flat = new Float64Array(pieces.length * 2);
    pieces.forEach((p, i) => {
      flat[2 * i] = typeof p?.w === 'number' ? p.w : NaN;
      flat[2 * i + 1] = typeof p?.b === 'number' ? p.b : NaN;
    });
    const base = this.scratch.reserve(offset + flat.length);
    const address = base + offset * DOUBLE_BYTES;
    this.wasm.HEAPF64.set(flat, address / DOUBLE_BYTES);
    return [address, pieces.length];
  }

  check(ok) {
    if (!ok) throw new Error(this.wasm.lastError());
  }

  run(which, slug, xs, params, target) {
    const { entry, i } = this.entry(slug);
    if (entry.kind === 'vector') return this.vectorRun(which, entry, xs, params);
    const x = toFloat64(xs, 'xs');
    const n = x.length;
    const [p0, p1] = this.paramValues(entry, params);
    const [pieces, k] = this.piecesAt(entry, params, 2 * n);
    const base = this.scratch.reserve(2 * n + 2 * k); // never moves the pieces: already reserved
    const heap = this.wasm.HEAPF64;
    heap.set(x, base / DOUBLE_BYTES);
    const out = base + n * DOUBLE_BYTES;
    this.check(this.wasm._activation_evaluate_into(i, which, base, out, n, p0, p1, pieces, k));
    // Read HEAPF64 afresh: a call that grows memory replaces the view.
    return copyOut(this.wasm.HEAPF64, out, n, target);
  }

  // evaluate/derivative on softmax treat xs as the logit vector.
  vectorRun(which, entry, xs, params) {
    const [temperature] = this.paramValues(entry, params);
    if (which === WHICH.parameter) throw new Error(`${entry.slug} has no learnable parameter`);
    return this.softmaxCall(which === WHICH.value ? SOFTMAX_KIND.probabilities : SOFTMAX_KIND.diagonal,
      xs, temperature);
  }

  /**
   * f(x) for every x. Pass `out` (a Float64Array as long as xs) to have the result
   * written there instead of into a new array: redraws and batch loops then allocate nothing.
   */
  evaluate(slug, xs, params, out) {
    return this.run(WHICH.value, slug, xs, params, out);
  }

  /** f'(x) for every x (for softmax: the Jacobian's diagonal); `out` as for evaluate. */
  derivative(slug, xs, params, out) {
    return this.run(WHICH.derivative, slug, xs, params, out);
  }

  /** The derivative with respect to the learnable parameter (PReLU's a). */
  parameterDerivative(slug, xs, params) {
    return this.run(WHICH.parameter, slug, xs, params);
  }

  /** n evenly spaced points in [xmin, xmax] with f and f'. */
  sample(slug, options = {}) {
    const { entry, i } = this.entry(slug);
    if (entry.kind !== 'scalar') {
      throw new Error(`${slug} works on whole vectors; use softmax(logits, temperature) instead of sample`);
    }
    const { xmin = -5, xmax = 5, n = 501, params } = options;
    for (const [name, value] of [['xmin', xmin], ['xmax', xmax], ['n', n]]) {
      if (typeof value !== 'number') throw new Error(`${name} must be a number (got ${typeof value})`);
    }
    const [p0, p1] = this.paramValues(entry, params);
    const count = Number.isInteger(n) && n >= 2 && n <= 1e6 ? n : 0; // C++ reports bad n
    const [pieces, k] = this.piecesAt(entry, params, 3 * count);
    const base = this.scratch.reserve(3 * count + 2 * k);
    const y = base + count * DOUBLE_BYTES;
    const dy = y + count * DOUBLE_BYTES;
    this.check(this.wasm._activation_sample_into(i, xmin, xmax, n, p0, p1, pieces, k, base, y, dy));
    const heap = this.wasm.HEAPF64;
    const at = (address) => heap.slice(address / DOUBLE_BYTES, address / DOUBLE_BYTES + count);
    return { x: at(base), y: at(y), dy: at(dy) };
  }

  softmaxCall(kind, logits, temperature) {
    if (typeof temperature !== 'number') {
      throw new Error(`temperature must be a number (got ${typeof temperature})`);
    }
    const z = toFloat64(logits, 'logits');
    const n = z.length;
    const limit = kind === SOFTMAX_KIND.jacobian ? SOFTMAX_JACOBIAN_MAX_LENGTH : SOFTMAX_MAX_LENGTH;
    if (n < 1 || n > limit) throw new Error(`logits must have 1 to ${limit} logits (got ${n})`);
    const outCount = kind === SOFTMAX_KIND.jacobian ? n * n : n;
    const base = this.scratch.reserve(n + outCount);
    this.wasm.HEAPF64.set(z, base / DOUBLE_BYTES);
    const out = base + n * DOUBLE_BYTES;
    this.check(this.wasm.softmaxInto(kind, base, n, temperature, out));
    return this.wasm.HEAPF64.slice(out / DOUBLE_BYTES, out / DOUBLE_BYTES + outCount);
  }

  /** Probabilities exp(z_i/T) / sum_j exp(z_j/T). */
  softmax(logits, temperature = 1) {
    return this.softmaxCall(SOFTMAX_KIND.probabilities, logits, temperature);
  }

  /** The n-by-n Jacobian d s_i / d z_j, row-major (n <= 256). */
  softmaxJacobian(logits, temperature = 1) {
    return this.softmaxCall(SOFTMAX_KIND.jacobian, logits, temperature);
  }

  /** Maxout over the given pieces: values, subgradients and the winning piece per x. */
  maxout(xs, pieces) {
    if (!Array.isArray(pieces) || pieces.length === 0) {
      throw new Error(`pieces must hold 1 to ${MAXOUT_MAX_PIECES} pieces {w, b} (got ${Array.isArray(pieces) ? 0 : 'none'})`);
    }
    const params = { pieces };
    const y = this.evaluate('maxout', xs, params);
    const dy = this.derivative('maxout', xs, params);
    const x = toFloat64(xs, 'xs');
    const n = x.length;
    const [address, k] = this.piecesAt(this.entry('maxout').entry, params, 2 * n);
    const base = this.scratch.reserve(2 * n + 2 * k);
    this.wasm.HEAPF64.set(x, base / DOUBLE_BYTES);
    const out = base + n * DOUBLE_BYTES;
    this.check(this.wasm.maxoutArgmaxInto(base, out, n, address, k));
    const argmax = Int32Array.from(this.wasm.HEAPF64.subarray(out / DOUBLE_BYTES, out / DOUBLE_BYTES + n));
    return { y, dy, argmax };
  }

  /** The registry's properties for these parameters. */
  properties(slug, params) {
    const { entry, i } = this.entry(slug);
    const [p0, p1] = this.paramValues(entry, params);
    const [pieces, k] = this.piecesAt(entry, params, 0);
    const result = this.wasm.properties(i, p0, p1, pieces, k);
    if (result === null) throw new Error(this.wasm.lastError());
    return normaliseProperties(result);
  }

  /** Bytes of wasm memory: for leak checks. */
  heapBytes() {
    return this.wasm.HEAPU8.length;
  }
}

// Plain arrays and null for "not applicable" (NaN from C++), so properties survive JSON.
function normaliseProperties(p) {
  const orNull = (v) => (Number.isNaN(v) ? null : v);
  const out = {
    ...p,
    f0: orNull(p.f0),
    nonDifferentiableAt: Array.from(p.nonDifferentiableAt),
    maxAbsDerivative: { ...p.maxAbsDerivative, from: orNull(p.maxAbsDerivative.from), to: orNull(p.maxAbsDerivative.to) },
    range: { ...p.range },
  };
  if (p.range.values) out.range.values = Array.from(p.range.values);
  return out;
}
