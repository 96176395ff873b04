// The activation core (C++ compiled to WebAssembly) behind a small, typed JavaScript API.
// Works in browsers and in Node >= 20. Everything about the functions comes from the core's
// registry (registryJson), and every check on input is the core's: this wrapper converts
// arguments into wasm memory, turns the core's error values into thrown Errors and copies
// every result out of wasm memory, so results stay valid when the heap grows. The one
// exception is a Batch (createBatch): arrays that live in wasm memory, for large inputs
// where copies would cost as much as the math.
import createActivationCore from '../generated/activation-core-wasm.js';

/**
 * @typedef {{ name: string, symbol: string, default: number, min: number, max: number, minExclusive: boolean }} ParamSpec
 * @typedef {{ w: number, b: number }} Piece
 * @typedef {{
 *   range: { min: number, max: number, minInclusive: boolean, maxInclusive: boolean, values?: number[] },
 *   f0: number | null, monotonic: 'nonDecreasing'|'none'|'own', zeroCentred: 'symmetric'|'partial'|'none',
 *   continuity: number, nonDifferentiableAt: number[],
 *   maxAbsDerivative: { value: number, from: number | null, to: number | null, attained: boolean },
 *   saturates: 'none'|'left'|'right'|'both', usesExp: boolean }} Properties
 * @typedef {{ slug: string, kind: 'scalar'|'pieces'|'vector', group: string, parent?: string,
 *   colour: number | null, halfRange?: number, params: ParamSpec[], formula: string,
 *   derivativeFormula: string, parameterDerivativeFormula?: string, properties: Properties,
 *   accuracy: { f: number, df: number, nearZeroAndTails?: true }, baseline?: { f: string, df: string },
 *   pieces?: { min: number, max: number, limit: number, default: Piece[],
 *              presets: { id: string, pieces: Piece[], targetQuadratic?: number }[] },
 *   maxLength?: number, jacobianMaxLength?: number,
 *   logits?: { min: number, max: number, limit: number, default: number[] } }} Activation
 * @typedef {{ id: string, members: string[], hidden: string[], halfRange: number, style: 'checklist'|'picker',
 *   featured?: string, part: 'article'|'beyond' }} Comparison
 * @typedef {{ id: string, part: 'article'|'beyond' }} Group   a group of functions, in page order
 *
 * Besides the methods below, each function of the vector kind gets `core.<name>(z, p)` and
 * `core.<name>Jacobian(z, p)`, and each of the pieces kind `core.<name>(xs, pieces)`, where
 * <name> is its slug in camelCase (see nameOf).
 */

const DOUBLE_BYTES = 8;
// Keeps a batch's byte size (16 per element) far inside wasm32's 2 GB.
const BATCH_MAX_LENGTH = 50_000_000;
// A batch's x and y each start on a cache line, so SIMD loads and stores never straddle two.
const BATCH_ALIGN = 64;
const WHICH = { value: 0, derivative: 1, parameter: 2 };
const VECTOR = { value: 0, jacobian: 1, diagonal: 2 };

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

/** A slug as a JavaScript method name: 'log-sum-exp' → 'logSumExp'. */
export function nameOf(slug) {
  return slug.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
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
  // A string has a length too, but its characters are not numbers.
  if (values == null || typeof values === 'string' || typeof values.length !== 'number') {
    throw new Error(`${name} must be an array of numbers`);
  }
  return Float64Array.from(values, Number);
}

class ActivationCore {
  constructor(wasm) {
    this.wasm = wasm;
    this.scratch = new Scratch(wasm);
    const registry = JSON.parse(wasm.registryJson());
    /** @type {Activation[]} */
    this.entries = registry.functions;
    /** @type {Comparison[]} */
    this.comparisonRows = registry.comparisons;
    /** @type {Group[]} */
    this.groupRows = registry.groups;
    this.limits = registry.limits;
    // Per slug, what every call needs, built once (no allocation per call): a batch's calls
    // are cheap enough that rebuilding these would show in its timings.
    this.slots = new Map(this.entries.map((entry, i) => [entry.slug, {
      entry,
      i,
      names: new Set([...entry.params.map((p) => p.name), ...(entry.pieces ? ['pieces'] : [])]),
      defaults: Object.freeze([entry.params[0]?.default ?? 0, entry.params[1]?.default ?? 0]),
      vector: entry.kind === 'vector',
      pieces: entry.pieces ?? null,
    }]));
    for (const slot of this.slots.values()) this.addShortcuts(slot);
  }

  // core.<name>(z, p) and core.<name>Jacobian(z, p) for the vector kind, core.<name>(xs,
  // pieces) → { y, dy, argmax } for the pieces kind: named after the function, so a new
  // row brings its own.
  addShortcuts(slot) {
    const name = nameOf(slot.entry.slug);
    if (name in this) throw new Error(`${slot.entry.slug}: its shortcut ${name} would hide a core method`);
    const first = slot.entry.params[0]?.name;
    const params = (value) => (first === undefined || value === undefined ? undefined : { [first]: value });
    const { slug } = slot.entry;
    if (slot.vector) {
      this[name] = (z, value) => this.evaluate(slug, z, params(value));
      this[`${name}Jacobian`] = (z, value) => this.jacobian(slug, z, params(value));
    } else if (slot.pieces) {
      this[name] = (xs, pieces) => {
        if (!Array.isArray(pieces)) throw new Error('pieces must be an array of { w, b }');
        const p = { pieces };
        return { y: this.evaluate(slug, xs, p), dy: this.derivative(slug, xs, p), argmax: this.argmax(slug, xs, p) };
      };
    }
  }

  /**
   * @returns {Activation[]} a fresh copy, safe for callers to modify. Each entry's
   * `properties` (at the defaults) is computed when first read: the page's start-up only
   * needs the parameters, and the properties calls were half of the core's start-up.
   */
  list() {
    return this.entries.map((entry) => {
      const copy = structuredClone(entry);
      let properties;
      let read = false;
      Object.defineProperty(copy, 'properties', {
        get: () => {
          if (!read) [properties, read] = [this.properties(entry.slug), true];
          return properties;
        },
        set: (value) => { [properties, read] = [value, true]; },
        enumerable: true,
        configurable: true,
      });
      return copy;
    });
  }

  /** @returns {Comparison[]} the comparison sections (a copy). */
  comparisons() {
    return structuredClone(this.comparisonRows);
  }

  /** @returns {Group[]} the groups of functions and the part of the page each is in, in page order (a copy). */
  groups() {
    return structuredClone(this.groupRows);
  }

  /** The slot of `slug`: { entry, i, names, defaults, vector, pieces }. */
  entry(slug) {
    const slot = this.slots.get(slug);
    if (slot === undefined) {
      throw new Error(`unknown activation "${String(slug)}"; known: ${[...this.slots.keys()].join(', ')}`);
    }
    return slot;
  }

  // The two parameter values for the wasm call (read-only), after checking that the object
  // can be converted (known keys, numbers); their ranges are the core's to check.
  paramValues({ entry, names, defaults }, params) {
    if (params == null) return defaults;
    if (typeof params !== 'object') {
      throw new Error(`params for ${entry.slug} must be an object such as { ${entry.params[0]?.name ?? 'name'}: 0.5 }`);
    }
    for (const key in params) { // not Object.keys: no array to allocate on every call
      if (!names.has(key) && Object.hasOwn(params, key)) {
        const known = [...names].join(', ') || 'none';
        throw new Error(`unknown parameter "${key}" for ${entry.slug}; its parameters: ${known}`);
      }
    }
    let values = defaults;
    for (let i = 0; i < entry.params.length; i++) {
      const spec = entry.params[i];
      const value = params[spec.name];
      if (value === undefined) continue;
      if (typeof value !== 'number') {
        throw new Error(`${entry.slug} parameter ${spec.name} must be a number (got ${typeof value})`);
      }
      if (values === defaults) values = [defaults[0], defaults[1]];
      values[i] = value;
    }
    return values;
  }

  // The pieces in params (the defaults when absent), as an array the wasm call can take.
  piecesOf(slot, params) {
    const pieces = params?.pieces ?? slot.pieces.default;
    if (!Array.isArray(pieces)) throw new Error('pieces must be an array of { w, b }');
    return pieces;
  }

  // Writes pieces as w0, b0, w1, b1, ... at `address` (anything not a number as NaN, which
  // the core rejects), at most the row's maximum (a longer list is rejected by its count
  // alone); returns the count to pass on.
  writePieces(slot, pieces, address) {
    const heap = this.wasm.HEAPF64;
    const at = address / DOUBLE_BYTES;
    const written = Math.min(pieces.length, slot.pieces.max);
    for (let i = 0; i < written; i++) {
      const p = pieces[i];
      heap[at + 2 * i] = typeof p?.w === 'number' ? p.w : NaN;
      heap[at + 2 * i + 1] = typeof p?.b === 'number' ? p.b : NaN;
    }
    return pieces.length;
  }

  // Writes the pieces after `offset` doubles of scratch; returns [address, count].
  piecesAt(slot, params, offset) {
    if (!slot.pieces) return [0, 0];
    const pieces = this.piecesOf(slot, params);
    const base = this.scratch.reserve(offset + 2 * slot.pieces.max);
    const address = base + offset * DOUBLE_BYTES;
    return [address, this.writePieces(slot, pieces, address)];
  }

  check(ok) {
    if (!ok) throw new Error(this.wasm.lastError());
  }

  run(which, slug, xs, params, target) {
    const slot = this.entry(slug);
    if (slot.vector) {
      if (which === WHICH.parameter) throw new Error(`${slug} has no learnable parameter`);
      // evaluate/derivative on a vector function treat xs as its input vector.
      return this.vectorCall(which === WHICH.value ? VECTOR.value : VECTOR.diagonal, slot, xs, params);
    }
    const x = toFloat64(xs, 'xs');
    const n = x.length;
    const [p0, p1] = this.paramValues(slot, params);
    const [pieces, k] = this.piecesAt(slot, params, 2 * n);
    const base = this.scratch.reserve(2 * n); // never moves the pieces: already reserved
    this.wasm.HEAPF64.set(x, base / DOUBLE_BYTES);
    const out = base + n * DOUBLE_BYTES;
    this.check(this.wasm._activation_evaluate_into(slot.i, which, base, out, n, p0, p1, pieces, k));
    // Read HEAPF64 afresh: a call that grows memory replaces the view.
    return copyOut(this.wasm.HEAPF64, out, n, target);
  }

  /**
   * f(x) for every x. Pass `out` (a Float64Array as long as xs) to have the result
   * written there instead of into a new array: redraws and batch loops then allocate nothing.
   */
  evaluate(slug, xs, params, out) {
    return this.run(WHICH.value, slug, xs, params, out);
  }

  /** f'(x) for every x (for a vector function: its Jacobian's diagonal); `out` as for evaluate. */
  derivative(slug, xs, params, out) {
    return this.run(WHICH.derivative, slug, xs, params, out);
  }

  /** The derivative with respect to the learnable (first) parameter, where a row has one. */
  parameterDerivative(slug, xs, params) {
    return this.run(WHICH.parameter, slug, xs, params);
  }

  /** n evenly spaced points in [xmin, xmax] with f and f'. */
  sample(slug, options = {}) {
    const slot = this.entry(slug);
    const { xmin = -5, xmax = 5, n = 501, params } = options;
    for (const [name, value] of [['xmin', xmin], ['xmax', xmax], ['n', n]]) {
      if (typeof value !== 'number') throw new Error(`${name} must be a number (got ${typeof value})`);
    }
    const [p0, p1] = this.paramValues(slot, params);
    const { min, max } = this.limits.samplePoints;
    const count = Number.isInteger(n) && n >= min && n <= max ? n : 0; // the core reports a bad n
    const [pieces, k] = this.piecesAt(slot, params, 3 * count);
    const base = this.scratch.reserve(3 * count);
    const y = base + count * DOUBLE_BYTES;
    const dy = y + count * DOUBLE_BYTES;
    this.check(this.wasm._activation_sample_into(slot.i, xmin, xmax, n, p0, p1, pieces, k, base, y, dy));
    const heap = this.wasm.HEAPF64;
    const at = (address) => heap.slice(address / DOUBLE_BYTES, address / DOUBLE_BYTES + count);
    return { x: at(base), y: at(y), dy: at(dy) };
  }

  // A vector function's outputs, Jacobian or diagonal. Memory is reserved for at most the
  // row's limit; a longer input is rejected by the core on its length alone, unread.
  vectorCall(which, slot, input, params) {
    const z = toFloat64(input, 'logits');
    const n = z.length;
    const [p0, p1] = this.paramValues(slot, params);
    const kept = Math.min(n, which === VECTOR.jacobian ? slot.entry.jacobianMaxLength : slot.entry.maxLength);
    const outCount = which === VECTOR.jacobian ? kept * kept : kept;
    const base = this.scratch.reserve(kept + outCount);
    this.wasm.HEAPF64.set(kept === n ? z : z.subarray(0, kept), base / DOUBLE_BYTES);
    const out = base + kept * DOUBLE_BYTES;
    this.check(this.wasm._activation_vector_into(slot.i, which, base, n, p0, p1, out));
    return this.wasm.HEAPF64.slice(out / DOUBLE_BYTES, out / DOUBLE_BYTES + outCount);
  }

  /** A vector function's Jacobian, n×n row-major, for the input vector z. */
  jacobian(slug, z, params) {
    const slot = this.entry(slug);
    if (!slot.vector) throw new Error(`${slug} maps single numbers; its derivative is derivative(slug, xs)`);
    return this.vectorCall(VECTOR.jacobian, slot, z, params);
  }

  /** For the pieces kind: the index of the winning piece at each x (Int32Array). */
  argmax(slug, xs, params) {
    const slot = this.entry(slug);
    const x = toFloat64(xs, 'xs');
    const n = x.length;
    const [address, k] = this.piecesAt(slot, params, 2 * n);
    const base = this.scratch.reserve(2 * n);
    this.wasm.HEAPF64.set(x, base / DOUBLE_BYTES);
    const out = base + n * DOUBLE_BYTES;
    this.check(this.wasm._activation_argmax_into(slot.i, base, out, n, address, k));
    return Int32Array.from(this.wasm.HEAPF64.subarray(out / DOUBLE_BYTES, out / DOUBLE_BYTES + n));
  }

  /** The registry's properties for these parameters. */
  properties(slug, params) {
    const slot = this.entry(slug);
    const [p0, p1] = this.paramValues(slot, params);
    const [pieces, k] = this.piecesAt(slot, params, 0);
    const json = this.wasm.properties(slot.i, p0, p1, pieces, k);
    if (json === '') throw new Error(this.wasm.lastError());
    return JSON.parse(json);
  }

  /**
   * Two arrays of `length` doubles, `x` and `y`, that live in wasm memory: fill `x`, call
   * `evaluate`/`derivative`, read `y`, with no copies in or out. For large inputs, where the
   * copies that evaluate(slug, xs, params, out) makes cost as much as the math.
   * Call `free()` when done: the memory is not reclaimed otherwise.
   * @param {number} length whole number in [1, 50000000]
   * @returns {Batch}
   */
  createBatch(length) {
    return new Batch(this, length);
  }

  /** Bytes of wasm memory: for leak checks. */
  heapBytes() {
    return this.wasm.HEAPU8.length;
  }
}

// The most pieces any function takes, so a batch has room for them after its arrays.
const maxPieces = (core) => Math.max(0, ...[...core.slots.values()].map((s) => s.pieces?.max ?? 0));

/**
 * Arrays in wasm memory, made by core.createBatch(length).
 *
 *   const batch = core.createBatch(1_000_000);
 *   batch.x.set(xs);                        // or fill batch.x in place
 *   batch.evaluate(slug, { alpha: 0.5 });   // batch.y = f(batch.x)
 *   use(batch.y);
 *   batch.derivative(slug, { alpha: 0.5 }); // batch.y = f'(batch.x)
 *   batch.free();
 *
 * `x` and `y` are Float64Array views of wasm memory (each starting on a 64-byte boundary),
 * re-created on each read when the memory has grown (growth empties old views). So read
 * `batch.x`/`batch.y` afresh after any core call instead of keeping a view across calls,
 * and copy (`batch.y.slice()`) what must outlive the batch. evaluate, derivative and
 * parameterDerivative take the same slugs, parameters (pieces too) and give the same values
 * and Errors as core.evaluate; a call that throws leaves x and y as they were. For a vector
 * function, x is its input vector. After free() every use throws; free() again does nothing.
 */
class Batch {
  #core;
  #block; // what malloc returned (0 once freed)
  #x; // byte addresses of x and y in wasm memory
  #y;
  #length;
  #xView = null;
  #yView = null;
  // The last slug's slot: repeated calls skip the lookup, a sizeable part of a call's cost.
  #slug = null;
  #slot = null;

  constructor(core, length) {
    if (!Number.isInteger(length) || length < 1 || length > BATCH_MAX_LENGTH) {
      throw new Error(`batch length must be a whole number in [1, ${BATCH_MAX_LENGTH}] (got ${String(length)})`);
    }
    // x, y and room for pieces, in one block.
    const bytes = length * DOUBLE_BYTES;
    const yOffset = Math.ceil(bytes / BATCH_ALIGN) * BATCH_ALIGN;
    const block = core.wasm._malloc(BATCH_ALIGN + yOffset + bytes + 2 * maxPieces(core) * DOUBLE_BYTES);
    if (!block) throw new Error(`out of memory creating a batch of ${length} numbers`);
    this.#core = core;
    this.#block = block;
    this.#x = Math.ceil(block / BATCH_ALIGN) * BATCH_ALIGN;
    this.#y = this.#x + yOffset;
    this.#length = length;
  }

  get length() {
    return this.#length;
  }

  /** The inputs: a view of wasm memory (see the class comment). */
  get x() {
    this.#live();
    if (this.#xView?.length !== this.#length) this.#xView = this.#view(this.#x);
    return this.#xView;
  }

  /** The outputs of the last evaluate/derivative: a view of wasm memory. */
  get y() {
    this.#live();
    if (this.#yView?.length !== this.#length) this.#yView = this.#view(this.#y);
    return this.#yView;
  }

  /** y = f(x). */
  evaluate(slug, params) {
    this.#run(WHICH.value, slug, params);
  }

  /** y = f'(x) (for a vector function: its Jacobian's diagonal). */
  derivative(slug, params) {
    this.#run(WHICH.derivative, slug, params);
  }

  /** y = df/d(the learnable parameter). */
  parameterDerivative(slug, params) {
    this.#run(WHICH.parameter, slug, params);
  }

  /** Returns the memory to the core; later uses throw. Safe to call twice. */
  free() {
    if (!this.#block) return;
    this.#core.wasm._free(this.#block);
    this.#block = 0;
    this.#xView = null;
    this.#yView = null;
  }

  #live() {
    if (!this.#block) throw new Error('this batch was freed; create another with core.createBatch(length)');
  }

  #view(address) {
    const start = address / DOUBLE_BYTES;
    return this.#core.wasm.HEAPF64.subarray(start, start + this.#length);
  }

  // Kept lean: at n = 1000 the cheapest functions take ~200 ns, so every few ns here show.
  #run(which, slug, params) {
    this.#live();
    const core = this.#core;
    if (slug !== this.#slug) {
      this.#slot = core.entry(slug);
      this.#slug = slug;
    }
    const slot = this.#slot;
    const values = params === undefined ? slot.defaults : core.paramValues(slot, params);
    const n = this.#length;
    const x = this.#x;
    const y = this.#y;
    const wasm = core.wasm;
    if (slot.vector) {
      if (which === WHICH.parameter) throw new Error(`${slug} has no learnable parameter`);
      const kind = which === WHICH.value ? VECTOR.value : VECTOR.diagonal;
      core.check(wasm._activation_vector_into(slot.i, kind, x, n, values[0], values[1], y));
      return;
    }
    const pieces = y + n * DOUBLE_BYTES;
    const k = slot.pieces ? core.writePieces(slot, core.piecesOf(slot, params), pieces) : 0;
    if (!wasm._activation_evaluate_into(slot.i, which, x, y, n, values[0], values[1], pieces, k)) {
      throw new Error(wasm.lastError());
    }
  }
}
