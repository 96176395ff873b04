import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createStateTable, defaultState, setField, getField, normalise, fieldOf, setRange, matchingPreset,
  paramsOf, paramsAtDefault, addLogit, removeLogit, setLogit, addPiece, removePiece, setPiece,
  setShown, isDefault, setIn, getIn, X_LIMIT, MIN_X_SPAN, stepFor, boundsOf,
} from '../../web/src/model/state.js';
import { loadCore } from '../../web/src/core/core.js';

// The real registry: the table is built from core.list() and core.comparisons().
const core = await loadCore();
const LIST = core.list();
const table = createStateTable(LIST, core.comparisons(), core.groups());
const fresh = () => defaultState(table, 'en');

test('the table has one field per parameter, range, list and visibility', () => {
  const keys = table.fields.map((f) => f.key);
  for (const k of ['lang', 'elu.alpha', 'leaky-relu.alpha', 'prelu.a', 'softplus.beta', 'softmax.temperature',
    'sigmoid.xmin', 'sigmoid.xmax', 'softmax.logits', 'maxout.pieces', 'compare-all.shown',
    'compare-relu-family.shown', 'compare-all.derivatives']) {
    assert.ok(keys.includes(k), k);
  }
  assert.ok(!keys.includes('softmax.xmin'), 'softmax has no x axis');
  assert.equal(new Set(keys).size, keys.length, 'keys are unique');
  assert.equal(fieldOf(table, 'softmax.temperature').scale, 'log');
  assert.equal(fieldOf(table, 'elu.alpha').scale, 'linear');
});

test('default state is plain JSON and holds every default', () => {
  const s = fresh();
  assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  assert.equal(s.lang, 'en');
  assert.equal(s.sections.elu.params.alpha, 1);
  assert.equal(s.sections.sigmoid.xmin, -10);
  assert.equal(s.sections.relu.xmax, 3);
  assert.deepEqual(s.sections.softmax.logits, [2, 1, 0.1]);
  assert.deepEqual(s.sections.maxout.pieces, [{ w: 0, b: 0 }, { w: 1, b: 0 }]);
  assert.ok(!s.sections['compare-all'].shown.includes('maxout'));
  assert.ok(s.sections['compare-all'].shown.includes('sigmoid'));
  assert.deepEqual(s.sections['compare-relu-family'].shown, ['relu', 'leaky-relu', 'elu']);
  for (const f of table.fields) assert.ok(isDefault(s, table, f.key), f.key);
});

test('defaults are copies: editing state never changes the table', () => {
  const s = fresh();
  s.sections.maxout.pieces[0].w = 99;
  assert.equal(fieldOf(table, 'maxout.pieces').default[0].w, 0);
});

test('numbers are clamped, exclusive bounds move in by one step, junk becomes the default', () => {
  const alpha = fieldOf(table, 'elu.alpha');
  assert.deepEqual(normalise(alpha, 7), { value: 5, problem: 'clamped' });
  assert.deepEqual(normalise(alpha, 0), { value: 0.01, problem: 'clamped' });
  assert.deepEqual(normalise(alpha, 0.005), { value: 0.005, problem: null });
  assert.deepEqual(normalise(alpha, NaN), { value: 1, problem: 'invalid' });
  assert.deepEqual(normalise(alpha, '2'), { value: 1, problem: 'invalid' });
  assert.deepEqual(normalise(alpha, Infinity), { value: 1, problem: 'invalid' });
  assert.equal(boundsOf(fieldOf(table, 'softplus.beta')).lo, 0.1);
});

test('stepFor gives about 100 steps', () => {
  assert.equal(stepFor(0, 1), 0.01);
  assert.equal(stepFor(-1, 1), 0.01);
  assert.equal(stepFor(0, 10), 0.1);
});

test('setField returns the same state object when nothing changes', () => {
  const s = fresh();
  assert.equal(setField(s, table, 'elu.alpha', 1).state, s);
  const r = setField(s, table, 'elu.alpha', 0.5);
  assert.notEqual(r.state, s);
  assert.equal(r.state.sections.sigmoid, s.sections.sigmoid, 'other sections are shared');
  assert.equal(getField(r.state, table, 'elu.alpha'), 0.5);
  assert.equal(s.sections.elu.params.alpha, 1, 'the old state is untouched');
});

test('unknown keys throw, unknown languages fall back', () => {
  assert.throws(() => setField(fresh(), table, 'nope.alpha', 1), /unknown state key/);
  assert.equal(setField(fresh(), table, 'lang', 'fr').state.lang, 'en');
  assert.equal(setField(fresh(), table, 'lang', 'ko').state.lang, 'ko');
});

test('paramsOf and paramsAtDefault', () => {
  let s = fresh();
  assert.deepEqual(paramsOf(s, 'elu'), { alpha: 1 });
  assert.deepEqual(paramsOf(s, 'maxout'), { pieces: [{ w: 0, b: 0 }, { w: 1, b: 0 }] });
  assert.ok(paramsAtDefault(s, table, 'elu'));
  s = setField(s, table, 'elu.alpha', 2).state;
  assert.ok(!paramsAtDefault(s, table, 'elu'));
  assert.ok(paramsAtDefault(s, table, 'sigmoid'));
});

test('ranges: presets, clamping and crossing ends', () => {
  const s = fresh();
  let r = setRange(s, table, 'elu', -10, 10);
  assert.equal(matchingPreset(r.xmin, r.xmax), 10);
  assert.equal(r.problem, null);
  r = setRange(s, table, 'elu', -5000, 2);
  assert.deepEqual([r.xmin, r.xmax, r.problem], [-X_LIMIT, 2, 'clamped']);
  r = setRange(s, table, 'elu', 20, 3, 'xmin'); // "from 20" on −3…3 keeps the width 6
  assert.deepEqual([r.xmin, r.xmax, r.problem], [20, 26, 'clamped']);
  r = setRange(s, table, 'elu', 4, 3, 'xmax');
  assert.deepEqual([r.xmin, r.xmax], [-3, 3]);
  r = setRange(s, table, 'elu', 999.999, 5, 'xmin'); // no room to the right: as wide as fits
  assert.deepEqual([r.xmin, r.xmax], [999.99, X_LIMIT]);
  assert.ok(r.xmax - r.xmin >= MIN_X_SPAN * (1 - 1e-9));
  r = setRange(s, table, 'elu', NaN, 2);
  assert.equal(r.xmin, -3);
  assert.equal(matchingPreset(-2, 2), null);
});

test('logits: 2 to 10, each clamped', () => {
  let s = fresh();
  s = addLogit(s, table, 'softmax').state;
  assert.equal(s.sections.softmax.logits.length, 4);
  for (let i = 0; i < 10; i += 1) s = addLogit(s, table, 'softmax').state;
  assert.equal(s.sections.softmax.logits.length, 10);
  assert.equal(addLogit(s, table, 'softmax').problem, 'clamped');
  s = setLogit(s, table, 'softmax', 0, 1e9).state;
  assert.equal(s.sections.softmax.logits[0], 100);
  let t = fresh();
  t = removeLogit(t, table, 'softmax', 0).state;
  assert.deepEqual(t.sections.softmax.logits, [1, 0.1]);
  assert.equal(removeLogit(t, table, 'softmax', 0).problem, 'clamped');
  assert.equal(normalise(fieldOf(table, 'softmax.logits'), [1, NaN]).problem, 'invalid');
  assert.equal(normalise(fieldOf(table, 'softmax.logits'), new Array(50).fill(1)).value.length, 10);
});

test('maxout pieces: add, edit, remove, presets are valid', () => {
  let s = fresh();
  s = addPiece(s, table, 'maxout').state;
  assert.equal(s.sections.maxout.pieces.length, 3);
  s = setPiece(s, table, 'maxout', 2, { w: 500 }).state;
  assert.deepEqual(s.sections.maxout.pieces[2], { w: 100, b: -1 });
  s = removePiece(s, table, 'maxout', 0).state;
  assert.deepEqual(s.sections.maxout.pieces[0], { w: 1, b: 0 });
  s = removePiece(s, table, 'maxout', 0).state;
  assert.equal(removePiece(s, table, 'maxout', 0).problem, 'clamped');
  for (let i = 0; i < 20; i += 1) s = addPiece(s, table, 'maxout').state;
  assert.equal(s.sections.maxout.pieces.length, 8);
  // Every preset of every function of the pieces kind is a valid value of its field.
  for (const spec of LIST.filter((f) => f.pieces)) {
    for (const preset of spec.pieces.presets) {
      assert.equal(normalise(fieldOf(table, `${spec.slug}.pieces`), preset.pieces).problem, null, `${spec.slug} ${preset.id}`);
    }
  }
});

test('comparison visibility keeps table order and ignores unknown slugs', () => {
  let s = fresh();
  s = setShown(s, table, 'compare-relu-family', 'relu', false).state;
  assert.deepEqual(s.sections['compare-relu-family'].shown, ['leaky-relu', 'elu']);
  s = setShown(s, table, 'compare-relu-family', 'relu', true).state;
  assert.deepEqual(s.sections['compare-relu-family'].shown, ['relu', 'leaky-relu', 'elu']);
  const r = normalise(fieldOf(table, 'compare-all.shown'), ['elu', 'bogus', 'elu', 'step']);
  assert.deepEqual(r, { value: ['step', 'elu'], problem: 'invalid' });
});

test('setIn copies along the path only', () => {
  const a = { x: { y: 1 }, z: { w: 2 } };
  const b = setIn(a, ['x', 'y'], 5);
  assert.equal(getIn(b, ['x', 'y']), 5);
  assert.equal(b.z, a.z);
  assert.equal(setIn(a, ['x', 'y'], 1), a);
  const arr = setIn({ l: [1, 2] }, ['l', 1], 9);
  assert.ok(Array.isArray(arr.l));
  assert.deepEqual(arr.l, [1, 9]);
});
