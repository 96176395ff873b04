// The JavaScript core module's contract: shapes, agreement with the native build,
// every error case, and no leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore, nameOf } from '../../web/src/core/core.js';
import { ulpDistance } from './ulp.mjs';

const core = await loadCore();
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dumpValues = process.env.ACTIVATION_DUMP_VALUES ?? `${repoRoot}build/dump_values`;
const FUNCTIONS = core.list();
// Every function with a curve (scalar and pieces kinds).
const CURVES = FUNCTIONS.filter((f) => f.kind !== 'vector');
// A value inside each parameter's range that is not its default: where a function's
// behaviour with parameters is checked.
const otherValue = (p) => (p.default === p.max ? (p.min + p.max) / 2 : (p.default + p.max) / 2);

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

test("list() gives the seed article's functions in its order, with their parameters", () => {
  const list = core.list();
  // log-softmax is issue 12's, shown beside softmax inside its section.
  assert.deepEqual(list.filter((e) => e.group === 'article').map((e) => e.slug),
    ['step', 'sigmoid', 'tanh', 'relu', 'softplus', 'leaky-relu', 'prelu', 'elu', 'maxout', 'softmax', 'log-softmax']);
  assert.equal(list.find((e) => e.slug === 'log-softmax').parent, 'softmax');
  const bySlug = Object.fromEntries(list.map((e) => [e.slug, e]));
  assert.deepEqual(bySlug['leaky-relu'].params, [{ name: 'alpha', symbol: 'α', default: 0.2, min: 0, max: 1, minExclusive: false }]);
  assert.deepEqual(bySlug.prelu.params, [{ name: 'a', symbol: 'a', default: 0.25, min: -1, max: 2, minExclusive: false }]);
  assert.deepEqual(bySlug.elu.params, [{ name: 'alpha', symbol: 'α', default: 1, min: 0, max: 5, minExclusive: true }]);
  assert.deepEqual(bySlug.softplus.params, [{ name: 'beta', symbol: 'β', default: 1, min: 0, max: 10, minExclusive: true }]);
  assert.deepEqual(bySlug.softmax.params, [{ name: 'temperature', symbol: 'T', default: 1, min: 0.05, max: 20, minExclusive: false }]);
  assert.equal(bySlug.softmax.kind, 'vector');
  assert.equal(bySlug.softmax.maxLength, 100000);
  assert.equal(bySlug.softmax.jacobianMaxLength, 256);
  assert.deepEqual(bySlug.softmax.logits, { min: 2, max: 10, limit: 100, default: [2, 1, 0.1] });
  assert.equal(bySlug.maxout.kind, 'pieces');
  assert.equal(bySlug.maxout.pieces.max, 8);
  assert.deepEqual(bySlug.maxout.pieces.default, [{ w: 0, b: 0 }, { w: 1, b: 0 }]);
  assert.deepEqual(bySlug.maxout.pieces.presets.map((p) => p.id), ['relu', 'abs', 'convex']);
  assert.equal(bySlug.prelu.parent, 'leaky-relu');
  assert.equal(bySlug.sigmoid.halfRange, 10);
  assert.equal(bySlug.sigmoid.properties.maxAbsDerivative.value, 0.25);
  assert.equal(bySlug.tanh.properties.maxAbsDerivative.value, 1);
});

test('every entry of list() is complete, and callers get copies', () => {
  const list = core.list();
  const slugs = list.map((e) => e.slug);
  assert.equal(new Set(slugs).size, slugs.length, 'one slug each');
  for (const entry of list) {
    assert.match(entry.slug, /^[a-z][a-z0-9-]*$/);
    assert.ok(['scalar', 'pieces', 'vector'].includes(entry.kind), entry.kind);
    assert.match(entry.group, /\S/);
    assert.match(entry.formula, /\S/);
    assert.match(entry.derivativeFormula, /\S/);
    // "Own input only" needs several inputs: a curve rises everywhere or not.
    const monotonicity = entry.kind === 'vector' ? ['nonDecreasing', 'none', 'own'] : ['nonDecreasing', 'none'];
    assert.ok(monotonicity.includes(entry.properties.monotonic), `${entry.slug}: ${entry.properties.monotonic}`);
    assert.ok(Number.isInteger(entry.accuracy.f) && Number.isInteger(entry.accuracy.df));
    if (entry.parent !== undefined) assert.ok(slugs.indexOf(entry.parent) < slugs.indexOf(entry.slug), entry.slug);
    for (const p of entry.params) {
      assert.match(p.symbol, /\S/);
      assert.ok(p.min < p.max && p.default <= p.max && (p.minExclusive ? p.default > p.min : p.default >= p.min));
    }
    if (entry.kind === 'vector') {
      assert.equal(typeof core[nameOf(entry.slug)], 'function');
      assert.equal(typeof core[`${nameOf(entry.slug)}Jacobian`], 'function');
    } else {
      assert.ok(Number.isInteger(entry.colour) && entry.colour >= 0, `${entry.slug} has a colour slot`);
      assert.ok(entry.halfRange > 0);
      assert.match(entry.baseline.f, /\by\s*=/);
    }
    if (entry.kind === 'pieces') assert.equal(typeof core[nameOf(entry.slug)], 'function');
  }
  // Callers get copies: changing one does not change the core.
  list[0].slug = 'changed';
  assert.equal(core.list()[0].slug, slugs[0]);
  // properties are read when first asked for, and are copies too.
  const [first, second] = CURVES;
  assert.deepEqual(core.list()[slugs.indexOf(first.slug)].properties, core.properties(first.slug));
  first.properties.range.min = 99;
  assert.notEqual(core.list()[slugs.indexOf(first.slug)].properties.range.min, 99);
  second.properties = null;
  assert.equal(second.properties, null, 'callers may replace them');
  assert.deepEqual(structuredClone(core.list()[slugs.indexOf(second.slug)]).properties, core.properties(second.slug), 'a clone carries them');
});

test('comparisons() name functions with curves', () => {
  const slugs = new Set(CURVES.map((f) => f.slug));
  const rows = core.comparisons();
  assert.ok(rows.length > 0);
  for (const row of rows) {
    assert.ok(!slugs.has(row.id));
    for (const slug of [...row.members, ...row.hidden]) assert.ok(slugs.has(slug), `${row.id}: ${slug}`);
    assert.ok(row.halfRange > 0);
  }
  rows[0].id = 'changed';
  assert.notEqual(core.comparisons()[0].id, 'changed', 'a copy');
});

test('groups() list every function\'s group once, in page order, each in a part', () => {
  const groups = core.groups();
  const ids = groups.map((g) => g.id);
  assert.equal(new Set(ids).size, ids.length, 'each group once');
  for (const g of groups) assert.ok(['article', 'beyond'].includes(g.part), g.id);
  const order = core.list().map((f) => ids.indexOf(f.group));
  assert.ok(order.every((i) => i >= 0), 'every function is in a listed group');
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'functions follow the groups\' order');
  for (const c of core.comparisons()) assert.ok(['article', 'beyond'].includes(c.part), c.id);
  groups[0].id = 'changed';
  assert.notEqual(core.groups()[0].id, 'changed', 'a copy');
});

test('nameOf turns slugs into method names', () => {
  assert.equal(nameOf('softmax'), 'softmax');
  assert.equal(nameOf('log-softmax'), 'logSoftmax');
  assert.equal(nameOf('gelu-tanh'), 'geluTanh');
});

test('evaluate and derivative agree with the native build', () => {
  assert.ok(existsSync(dumpValues), `native value dumper missing at ${dumpValues}; build the native preset first`);
  const xs = [-1000, -745, -710, -50, -37.5, -3, -1, -1e-300, 0, 1e-300, 0.5, 1, 3, 20, 40, 355, 710, 745, 1000];
  const cases = [
    ...CURVES.map((f) => [f.slug, undefined]),
    ...CURVES.filter((f) => f.params.length).map((f) => [f.slug, otherValue(f.params[0])]),
  ];
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
      // The libm differs (glibc natively, musl in wasm): allow 2 ULP, none for the exact ones.
      const tolerance = entry.accuracy.f === 0 ? 0 : 2;
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
  assert.equal(core.properties('prelu', { a: -0.5 }).monotonic, 'none');
  assert.equal(core.properties('prelu', { a: 0.5 }).monotonic, 'nonDecreasing');
  // A learned a > 1: the negative side is the steeper one.
  assert.deepEqual(core.properties('prelu', { a: 2 }).maxAbsDerivative, { value: 2, from: -Infinity, to: 0, attained: true });
  assert.equal(core.properties('leaky-relu', { alpha: 0 }).saturates, 'left');
  assert.equal(core.properties('softmax', { temperature: 0.5 }).maxAbsDerivative.value, 0.5);
  assert.equal(core.properties('softmax').monotonic, 'own');
  const abs = core.properties('maxout', { pieces: [{ w: -1, b: 0 }, { w: 1, b: 0 }] });
  assert.deepEqual(abs.nonDifferentiableAt, [0]);
  assert.equal(abs.monotonic, 'none');
  assert.deepEqual(core.properties('step').range.values, [0, 1]);
});

// Each bad call throws an Error naming the argument and the allowed range, and the module
// keeps working afterwards.
const badCalls = [
  ['unknown slug', () => core.evaluate('swish', [1]), /unknown activation "swish".*sigmoid/],
  ['parameter above range', () => core.evaluate('leaky-relu', [1], { alpha: 2 }), /alpha.*\[0, 1\].*got 2/],
  ['parameter at an open end', () => core.derivative('elu', [1], { alpha: 0 }), /alpha.*\(0, 5\]/],
  ['parameter not finite', () => core.evaluate('softplus', [1], { beta: Infinity }), /beta.*finite.*\(0, 10\]/],
  ['parameter NaN', () => core.evaluate('prelu', [1], { a: NaN }), /a must be a finite number in \[-1, 2\]/],
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
    const fresh = await import('../../web/src/core/core.js?without-webassembly');
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

test('logSoftmax(logits, T): finite wherever the true value is, ln of softmax elsewhere, errors named', () => {
  assert.deepEqual(Array.from(core.logSoftmax([0, -1000])), [0, -1000], 'softmax underflows to 0 there; its log does not');
  assert.deepEqual(Array.from(core.logSoftmax([0, -100], 0.05)), [0, -2000]);
  const z = [2, 1, 0.1];
  const s = core.softmax(z, 0.5);
  core.logSoftmax(z, 0.5).forEach((l, i) => assert.ok(Math.abs(l - Math.log(s[i])) <= 1e-15 * Math.abs(l), `${l} vs ln ${s[i]}`));
  assert.ok(Math.abs(core.logSoftmax([1e-300, 0, 5]).reduce((a, l) => a + Math.exp(l), 0) - 1) < 1e-15);
  assert.throws(() => core.logSoftmax([]), /logits must have 1 to/);
  assert.throws(() => core.logSoftmax([1, 2], 0), /temperature must be a finite number/);
  assert.throws(() => core.logSoftmax('1,2'), /logits/);
  assert.equal(core.logSoftmaxJacobian([1, 2]).length, 4);
});
