// core.createBatch: the zero-copy path for large inputs. Same values and Errors as
// core.evaluate, views that survive heap growth, and no leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../web/src/core/core.js';

const core = await loadCore();
const FUNCTIONS = core.list();
const CURVES = FUNCTIONS.filter((f) => f.kind !== 'vector');
const EDGES = [NaN, -Infinity, -1000, -745, -710, -50, -37.5, -1, -1e-300, -0, 0, 1e-300, 0.5, 40, 710, 745, 1000, Infinity];
const INPUTS = Float64Array.from([...EDGES, ...Array.from({ length: 2001 }, (_, i) => -20 + i / 50)]);
// Every function with a curve at its defaults, each parameter at its ends, and every preset
// of the pieces kind.
const CASES = [
  ...CURVES.map((f) => [f.slug, undefined]),
  ...CURVES.flatMap((f) => f.params.flatMap((p) => [p.minExclusive ? (p.min + p.max) / 2 : p.min, p.max]
    .map((value) => [f.slug, { [p.name]: value }]))),
  ...CURVES.filter((f) => f.pieces).flatMap((f) => f.pieces.presets.map((preset) => [f.slug, { pieces: preset.pieces }])),
];

const bytes = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sameBits = (actual, expected, label) => assert.deepEqual(bytes(actual), bytes(expected), label);

test('batch values equal core.evaluate bit for bit, every scalar, f and f\'', () => {
  const batch = core.createBatch(INPUTS.length);
  batch.x.set(INPUTS);
  for (const [slug, params] of CASES) {
    const label = `${slug} ${JSON.stringify(params)}`;
    batch.evaluate(slug, params);
    sameBits(batch.y, core.evaluate(slug, INPUTS, params), `${label} f`);
    batch.derivative(slug, params);
    sameBits(batch.y, core.derivative(slug, INPUTS, params), `${label} f'`);
  }
  for (const { slug } of CURVES.filter((f) => f.parameterDerivativeFormula)) {
    batch.parameterDerivative(slug);
    sameBits(batch.y, core.parameterDerivative(slug, INPUTS), `${slug} df/dparameter`);
  }
  assert.deepEqual([...batch.x], [...INPUTS], 'x is left as it was');
  batch.free();
});

test('on a vector function a batch reads x as its input vector', () => {
  const logits = [3, 1, -2, 1000];
  const batch = core.createBatch(logits.length);
  batch.x.set(logits);
  for (const { slug, params } of FUNCTIONS.filter((f) => f.kind === 'vector')) {
    const other = { [params[0].name]: (params[0].default + params[0].max) / 2 };
    batch.evaluate(slug, other);
    sameBits(batch.y, core.evaluate(slug, logits, other), `${slug} outputs`);
    batch.derivative(slug);
    sameBits(batch.y, core.derivative(slug, logits), `${slug} Jacobian diagonal`);
  }
  batch.free();
});

test('x and y are views of the batch\'s own memory, of its length', () => {
  const a = core.createBatch(3);
  const b = core.createBatch(3);
  assert.equal(a.length, 3);
  assert.ok(a.x instanceof Float64Array && a.y instanceof Float64Array);
  assert.equal(a.x.length, 3);
  assert.equal(a.x, a.x, 'the same view while memory is unchanged');
  for (const view of [a.x, a.y, b.x, b.y]) assert.equal(view.byteOffset % 64, 0, 'starts on a cache line');
  a.x.set([-1, 0, 2]);
  b.x.set([5, 5, 5]);
  a.evaluate('relu');
  assert.deepEqual([...a.y], [0, 0, 2]);
  assert.deepEqual([...b.x], [5, 5, 5]);
  a.free();
  b.free();
});

test('views read afresh survive heap growth', () => {
  const batch = core.createBatch(1000);
  batch.x.set(INPUTS.subarray(0, 1000));
  batch.evaluate('tanh');
  const oldY = batch.y;
  const expected = oldY.slice();
  const before = core.heapBytes();
  const big = core.createBatch(Math.ceil(before / 8)); // 16 bytes an element: must grow
  assert.ok(core.heapBytes() > before, 'the heap grew');
  assert.equal(oldY.length, 0, 'a view kept across growth is emptied (why views must be read afresh)');
  sameBits(batch.y, expected);
  assert.deepEqual([...batch.x], [...INPUTS.subarray(0, 1000)]);
  batch.derivative('tanh');
  sameBits(batch.y, core.derivative('tanh', INPUTS.subarray(0, 1000)));
  big.free();
  batch.free();
});

// The evaluate calls whose Errors a batch must repeat word for word.
const badCalls = [
  ['swish', undefined],
  ['leaky-relu', { alpha: 2 }],
  ['elu', { alpha: 0 }],
  ['softplus', { beta: Infinity }],
  ['prelu', { a: NaN }],
  ['elu', { alpha: '1' }],
  ['elu', { beta: 1 }],
  ['relu', 'fast'],
  ['maxout', { pieces: [] }],
  ['maxout', { pieces: Array(9).fill({ w: 1, b: 0 }) }],
  ['maxout', { pieces: [{ w: NaN, b: 0 }] }],
  ['maxout', { pieces: 'relu' }],
  ['softmax', { temperature: 0.01 }],
];

test('bad calls throw evaluate\'s Errors and leave the batch as it was and usable', () => {
  const batch = core.createBatch(4);
  batch.x.set([-2, -1, 1, 2]);
  batch.evaluate('sigmoid');
  const y = batch.y.slice();
  for (const [slug, params] of badCalls) {
    let expected;
    assert.throws(() => core.evaluate(slug, [-2, -1, 1, 2], params), (error) => { expected = error.message; return true; });
    assert.throws(() => batch.evaluate(slug, params), (error) => error instanceof Error && error.message === expected,
      `${slug} ${JSON.stringify(params)}`);
    assert.throws(() => batch.derivative(slug, params), (error) => error.message === expected);
    sameBits(batch.y, y, 'y unchanged');
  }
  assert.throws(() => batch.parameterDerivative('elu'), /elu has no learnable parameter/);
  batch.evaluate('relu');
  assert.deepEqual([...batch.y], [0, 0, 1, 2], 'still usable');
  batch.free();
});

test('createBatch checks its length', () => {
  for (const length of [0, -1, 1.5, NaN, '10', undefined, 50_000_001]) {
    assert.throws(() => core.createBatch(length), /batch length must be a whole number in \[1, 50000000\]/);
  }
});

test('a freed batch throws on every use; free twice is harmless', () => {
  const batch = core.createBatch(8);
  batch.free();
  batch.free();
  for (const use of [() => batch.x, () => batch.y, () => batch.evaluate('relu'), () => batch.derivative('relu'),
    () => batch.parameterDerivative('prelu')]) {
    assert.throws(use, /this batch was freed/);
  }
  assert.deepEqual([...core.evaluate('relu', [-1, 2])], [0, 2], 'the core still works');
});

test('100,000 calls on a batch leave the wasm heap size unchanged', () => {
  const batch = core.createBatch(256);
  batch.x.set(INPUTS.subarray(0, 256));
  const pieces = [{ w: -1, b: 0 }, { w: 1, b: 0 }];
  batch.evaluate('maxout', { pieces });
  batch.derivative('softmax');
  const before = core.heapBytes();
  for (let i = 0; i < 100_000; i += 1) {
    switch (i % 5) {
      case 0: batch.evaluate('sigmoid'); break;
      case 1: batch.derivative('softplus', { beta: 2 }); break;
      case 2: batch.evaluate('maxout', { pieces }); break;
      case 3: batch.derivative('softmax'); break;
      default: try { batch.evaluate('elu', { alpha: -1 }); } catch { /* expected */ }
    }
  }
  assert.equal(core.heapBytes(), before);
  batch.free();
});

test('creating and freeing 1,000 batches leaves the wasm heap size unchanged', () => {
  // 1.6 MB each: 1,000 leaked would need 1.6 GB.
  core.createBatch(100_000).free();
  const before = core.heapBytes();
  for (let i = 0; i < 1000; i += 1) {
    const batch = core.createBatch(100_000);
    batch.y[0] = i; // touch it
    batch.free();
  }
  assert.equal(core.heapBytes(), before);
});
