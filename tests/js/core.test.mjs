// The JavaScript core module's contract: shapes, agreement with the native build,
// every error case, and no leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/src/core.js';
import { ulpDistance } from './ulp.mjs';

const core = await loadCore();
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dumpValues = process.env.ACTIVATION_DUMP_VALUES ?? `${repoRoot}build/dump_values`;
const SCALARS = ['step', 'sigmoid', 'tanh', 'relu', 'softplus', 'leaky-relu', 'prelu', 'elu', 'maxout'];

// C's printf spells the special values differently from JavaScript.
function parseC(text) {
  if (/^-?nan$/i.test(text)) return NaN;
  if (/^inf/i.test(text)) return Infinity;
  if (/^-inf/i.test(text)) return -Infinity;
  return Number(text);
}

test('loadCore returns one shared core', async () => {
  assert.equal(await loadCore(), core);
});

test('list() describes every function in the seed order with parameters and properties', () => {
  const list = core.list();
  assert.deepEqual(list.map((e) => e.slug), [...SCALARS, 'softmax']);
  const bySlug = Object.fromEntries(list.map((e) => [e.slug, e]));
  assert.deepEqual(bySlug['leaky-relu'].params, [{ name: 'alpha', default: 0.2, min: 0, max: 1, minExclusive: false }]);
  assert.deepEqual(bySlug.prelu.params, [{ name: 'a', default: 0.25, min: -1, max: 1, minExclusive: false }]);
  assert.deepEqual(bySlug.elu.params, [{ name: 'alpha', default: 1, min: 0, max: 5, minExclusive: true }]);
  assert.deepEqual(bySlug.softplus.params, [{ name: 'beta', default: 1, min: 0, max: 10, minExclusive: true }]);
  assert.deepEqual(bySlug.softmax.params, [{ name: 'temperature', default: 1, min: 0.05, max: 20, minExclusive: false }]);
  assert.equal(bySlug.softmax.kind, 'vector');
  assert.equal(bySlug.softmax.maxLength, 100000);
  assert.deepEqual(bySlug.maxout.pieces, { max: 8, default: [{ w: 0, b: 0 }, { w: 1, b: 0 }] });
  for (const entry of list) {
    assert.match(entry.formula, /\S/);
    assert.match(entry.derivativeFormula, /\S/);
    assert.equal(typeof entry.properties.monotonic, 'boolean');
  }
  assert.equal(bySlug.sigmoid.properties.maxAbsDerivative.value, 0.25);
  assert.equal(bySlug.tanh.properties.maxAbsDerivative.value, 1);
  // Callers get copies: changing one does not change the core.
  list[0].slug = 'changed';
  assert.equal(core.list()[0].slug, 'step');
  // properties are read when first asked for, and are copies too.
  assert.deepEqual(core.list()[1].properties, core.properties('sigmoid'));
  bySlug.sigmoid.properties.range.min = 99;
  assert.equal(core.list()[1].properties.range.min, 0);
  bySlug.tanh.properties = null;
  assert.equal(bySlug.tanh.properties, null, 'callers may replace them');
  assert.deepEqual(structuredClone(core.list()[2]).properties, core.properties('tanh'), 'a clone carries them');
});

test('evaluate and derivative agree with the native build', () => {
  assert.ok(existsSync(dumpValues), `native value dumper missing at ${dumpValues}; build the native preset first`);
  const xs = [-1000, -745, -710, -50, -37.5, -3, -1, -1e-300, 0, 1e-300, 0.5, 1, 3, 20, 40, 355, 710, 745, 1000];
  const cases = [...SCALARS.map((slug) => [slug, undefined]), ['leaky-relu', 0.05], ['prelu', -0.5], ['elu', 2.5], ['softplus', 4]];
  const input = cases.map(([slug, p]) => `${slug} ${p ?? '-'} ${xs.join(' ')}`).join('\n') + '\n';
  const run = spawnSync(dumpValues, { input, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  cases.forEach(([slug, p], i) => {
    const native = lines[i].split(' ').map(parseC);
    const entry = core.list().find((e) => e.slug === slug);
    const params = p === undefined ? undefined : { [entry.params[0].name]: p };
    const y = core.evaluate(slug, xs, params);
    const dy = core.derivative(slug, xs, params);
    xs.forEach((x, j) => {
      // The libm differs (glibc natively, musl in wasm): allow 2 ULP, exact for piecewise-linear.
      const tolerance = ['sigmoid', 'tanh', 'elu', 'softplus'].includes(slug) ? 2 : 0;
      assert.ok(ulpDistance(y[j], native[2 * j]) <= tolerance, `${slug}(${x}) wasm ${y[j]} native ${native[2 * j]}`);
      assert.ok(ulpDistance(dy[j], native[2 * j + 1]) <= tolerance, `${slug}'(${x}) wasm ${dy[j]} native ${native[2 * j + 1]}`);
    });
  });
});

test('accepts any array-like and returns Float64Arrays of the same length', () => {
  for (const xs of [[1, 2, 3], new Float32Array([1, 2, 3]), { length: 3, 0: 1, 1: 2, 2: 3 }]) {
    const y = core.evaluate('relu', xs);
    assert.ok(y instanceof Float64Array);
    assert.deepEqual([...y], [1, 2, 3]);
  }
  assert.equal(core.evaluate('sigmoid', []).length, 0);
  assert.deepEqual([...core.evaluate('sigmoid', [NaN, Infinity, -Infinity])], [NaN, 1, 0]);
});

test('missing parameters take defaults; given ones are used', () => {
  assert.deepEqual([...core.evaluate('leaky-relu', [-10])], [-2]);
  assert.deepEqual([...core.evaluate('leaky-relu', [-10], { alpha: 0.05 })], [-0.5]);
  assert.deepEqual([...core.evaluate('elu', [-Infinity], { alpha: 3 })], [-3]);
  assert.deepEqual([...core.parameterDerivative('prelu', [-2, 0, 5])], [-2, 0, 0]);
});

test('sample gives n evenly spaced points with f and df', () => {
  const { x, y, dy } = core.sample('tanh', { xmin: -2, xmax: 2, n: 5 });
  assert.deepEqual([...x], [-2, -1, 0, 1, 2]);
  assert.deepEqual([...y], [...core.evaluate('tanh', x)]);
  assert.deepEqual([...dy], [...core.derivative('tanh', x)]);
  const big = core.sample('sigmoid', { xmin: -10, xmax: 10, n: 1_000_000 });
  assert.equal(big.x.length, 1_000_000);
  assert.equal(big.x[999_999], 10);
});

test('softmax, its Jacobian and maxout', () => {
  const s = core.softmax([1000, 1000]);
  assert.deepEqual([...s], [0.5, 0.5]);
  const t = core.softmax([1, 2, 3], 0.5);
  assert.ok(Math.abs(t.reduce((a, b) => a + b, 0) - 1) < 1e-15);
  const j = core.softmaxJacobian([0.5, -0.5], 2);
  assert.equal(j.length, 4);
  const [p, q] = core.softmax([0.5, -0.5], 2);
  assert.ok(Math.abs(j[0] - p * (1 - p) / 2) < 1e-16);
  assert.ok(Math.abs(j[1] + p * q / 2) < 1e-16);
  // evaluate/derivative on softmax read xs as the logits (derivative: the Jacobian's diagonal).
  assert.deepEqual([...core.evaluate('softmax', [0.5, -0.5], { temperature: 2 })], [p, q]);
  assert.deepEqual([...core.derivative('softmax', [0.5, -0.5], { temperature: 2 })], [j[0], j[3]]);
  const m = core.maxout([-2, 0, 3], [{ w: -1, b: 0 }, { w: 1, b: 0 }, { w: 0, b: 2.5 }]);
  assert.deepEqual([...m.y], [2.5, 2.5, 3]);
  assert.deepEqual([...m.dy], [0, 0, 1]);
  assert.deepEqual([...m.argmax], [2, 2, 1]);
});

test('properties follow the parameters', () => {
  assert.equal(core.properties('elu', { alpha: 2 }).range.min, -2);
  assert.equal(core.properties('elu', { alpha: 2 }).maxAbsDerivative.value, 2);
  assert.equal(core.properties('prelu', { a: -0.5 }).monotonic, false);
  assert.equal(core.properties('leaky-relu', { alpha: 0 }).saturates, 'left');
  assert.equal(core.properties('softmax', { temperature: 0.5 }).maxAbsDerivative.value, 0.5);
  const abs = core.properties('maxout', { pieces: [{ w: -1, b: 0 }, { w: 1, b: 0 }] });
  assert.deepEqual(abs.nonDifferentiableAt, [0]);
  assert.equal(abs.monotonic, false);
  assert.deepEqual(core.properties('step').range.values, [0, 1]);
});

// Each bad call throws an Error naming the argument and the allowed range, and the module
// keeps working afterwards.
const badCalls = [
  ['unknown slug', () => core.evaluate('swish', [1]), /unknown activation "swish".*sigmoid/],
  ['parameter above range', () => core.evaluate('leaky-relu', [1], { alpha: 2 }), /alpha.*\[0, 1\].*got 2/],
  ['parameter at an open end', () => core.derivative('elu', [1], { alpha: 0 }), /alpha.*\(0, 5\]/],
  ['parameter not finite', () => core.evaluate('softplus', [1], { beta: Infinity }), /beta.*finite.*\(0, 10\]/],
  ['parameter NaN', () => core.evaluate('prelu', [1], { a: NaN }), /a must be a finite number in \[-1, 1\]/],
  ['parameter not a number', () => core.evaluate('elu', [1], { alpha: '1' }), /alpha must be a number/],
  ['unknown parameter', () => core.evaluate('elu', [1], { beta: 1 }), /unknown parameter "beta" for elu.*alpha/],
  ['xmin not finite', () => core.sample('relu', { xmin: -Infinity, xmax: 1, n: 10 }), /xmin must be a finite number/],
  ['xmax not finite', () => core.sample('relu', { xmin: 0, xmax: NaN, n: 10 }), /xmax must be a finite number/],
  ['xmin >= xmax', () => core.sample('relu', { xmin: 2, xmax: 2, n: 10 }), /xmin must be less than xmax/],
  ['n too small', () => core.sample('relu', { xmin: 0, xmax: 1, n: 1 }), /n must be a whole number in \[2, 1000000\]/],
  ['n too large', () => core.sample('relu', { xmin: 0, xmax: 1, n: 1_000_001 }), /n must be a whole number in \[2, 1000000\]/],
  ['sample of a vector function', () => core.sample('softmax', {}), /softmax.*vectors/],
  ['temperature too low', () => core.softmax([1, 2], 0.01), /temperature.*\[0.05, 20\]/],
  ['temperature too high', () => core.softmaxJacobian([1, 2], 21), /temperature.*\[0.05, 20\]/],
  ['empty softmax', () => core.softmax([]), /logits must have 1 to 100000 logits \(got 0\)/],
  ['over-long softmax', () => core.softmax(new Float64Array(100_001)), /1 to 100000 logits \(got 100001\)/],
  ['over-long Jacobian', () => core.softmaxJacobian(new Float64Array(257)), /1 to 256 logits/],
  ['no maxout pieces', () => core.maxout([1], []), /pieces must hold 1 to 8/],
  ['too many maxout pieces', () => core.evaluate('maxout', [1], { pieces: Array(9).fill({ w: 1, b: 0 }) }), /1 to 8 pieces.*got 9/],
  ['maxout piece not finite', () => core.maxout([1], [{ w: NaN, b: 0 }]), /pieces\[0\] must have finite w and b/],
];
for (const [name, call, message] of badCalls) {
  test(`bad input: ${name}`, () => {
    assert.throws(call, (error) => error instanceof Error && message.test(error.message));
    assert.deepEqual([...core.evaluate('relu', [-1, 2])], [0, 2], 'module still usable');
  });
}

test('100,000 calls leave the wasm heap size unchanged', () => {
  const xs = new Float64Array(256).map((_, i) => i / 16 - 8);
  // Warm up: the scratch buffer grows to its working size once.
  core.evaluate('sigmoid', xs);
  core.sample('elu', { xmin: -3, xmax: 3, n: 300 });
  core.softmaxJacobian(xs.subarray(0, 16));
  core.properties('maxout');
  const before = core.heapBytes();
  for (let i = 0; i < 100_000; i += 1) {
    switch (i % 5) {
      case 0: core.evaluate('sigmoid', xs); break;
      case 1: core.derivative('softplus', xs, { beta: 2 }); break;
      case 2: core.sample('elu', { xmin: -3, xmax: 3, n: 300 }); break;
      case 3: core.softmaxJacobian(xs.subarray(0, 16)); break;
      default: try { core.evaluate('elu', xs, { alpha: -1 }); } catch { /* expected */ }
    }
  }
  assert.equal(core.heapBytes(), before);
});

test('results stay valid after the heap grows', () => {
  const small = core.evaluate('tanh', [0.5, 1]);
  const copy = [...small];
  core.sample('sigmoid', { xmin: -1, xmax: 1, n: 1_000_000 }); // forces growth
  core.softmax(new Float64Array(100_000));
  assert.deepEqual([...small], copy);
});

test('without WebAssembly, loadCore rejects (the page can then say so) instead of throwing', async () => {
  const saved = globalThis.WebAssembly;
  delete globalThis.WebAssembly;
  try {
    const fresh = await import('../../web/src/core.js?without-webassembly');
    await assert.rejects(fresh.loadCore());
  } finally {
    globalThis.WebAssembly = saved;
  }
});

test('an out array receives the result without a new allocation, and must fit', () => {
  const xs = [-1, 0, 2];
  const out = new Float64Array(3);
  assert.equal(core.evaluate('elu', xs, { alpha: 0.5 }, out), out);
  assert.deepEqual([...out], [...core.evaluate('elu', xs, { alpha: 0.5 })]);
  assert.equal(core.derivative('sigmoid', xs, undefined, out), out);
  assert.deepEqual([...out], [...core.derivative('sigmoid', xs)]);
  assert.throws(() => core.evaluate('relu', xs, undefined, new Float64Array(2)), /out must be a Float64Array of length 3/);
  assert.throws(() => core.evaluate('relu', xs, undefined, [0, 0, 0]), /out must be a Float64Array of length 3/);
});
