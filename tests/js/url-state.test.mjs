// Share links: parse(serialise(state)) is the state, and hostile links are contained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../web/src/core/core.js';
import { createStateTable, defaultState, setField, boundsOf, MIN_X_SPAN } from '../../web/src/model/state.js';
import { parseState, serialiseState, MAX_VALUE_LENGTH } from '../../web/src/model/url-state.js';

const core = await loadCore();
const table = createStateTable(core.list(), core.comparisons(), core.groups());

// A small seeded generator so a failure can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(field, rand) {
  const between = (lo, hi) => lo + (hi - lo) * rand();
  // + 0: toFixed can give -0, which no control produces.
  const shortNumber = (lo, hi) => Number(between(lo, hi).toFixed(Math.floor(rand() * 4))) + 0;
  switch (field.kind) {
    case 'enum': return field.values[Math.floor(rand() * field.values.length)];
    case 'bool': return rand() < 0.5;
    case 'number': {
      const { lo, hi } = boundsOf(field);
      // Mix full-precision doubles with the short values sliders produce.
      const v = rand() < 0.5 ? between(lo, hi) : shortNumber(lo, hi);
      return Math.min(hi, Math.max(lo, v));
    }
    case 'numberList': {
      const n = field.minCount + Math.floor(rand() * (field.maxCount - field.minCount + 1));
      return Array.from({ length: n }, () => between(-field.limit, field.limit));
    }
    case 'pieces': {
      const n = field.minCount + Math.floor(rand() * (field.maxCount - field.minCount + 1));
      return Array.from({ length: n }, () => ({ w: shortNumber(-5, 5), b: between(-field.limit, field.limit) }));
    }
    case 'slugSet': return field.values.filter(() => rand() < 0.5);
    default: throw new Error(field.kind);
  }
}

function randomState(rand) {
  let state = defaultState(table);
  for (const field of table.fields) {
    if (rand() < 0.4) continue; // leave some at their defaults
    if (field.key.endsWith('.xmin') || field.key.endsWith('.xmax')) continue;
    state = setField(state, table, field.key, randomValue(field, rand)).state;
  }
  for (const section of table.sections) {
    if (!table.byKey.has(`${section.id}.xmin`) || rand() < 0.4) continue;
    const a = -1000 + 2000 * rand();
    const b = Math.min(1000, a + MIN_X_SPAN + (1000 - a) * rand());
    state = setField(state, table, `${section.id}.xmin`, a).state;
    state = setField(state, table, `${section.id}.xmax`, b).state;
  }
  return state;
}

test('parse(serialise(state)) equals the state for 500 random states', () => {
  const rand = random(20261127);
  for (let i = 0; i < 500; i += 1) {
    const state = randomState(rand);
    const query = serialiseState(state, table);
    const { state: back, problems } = parseState(query, table);
    assert.deepEqual(problems, [], query);
    assert.deepEqual(back, state, query);
  }
});

test('the default state serialises to an empty query; keys read as documented', () => {
  assert.equal(serialiseState(defaultState(table), table), '');
  let state = setField(defaultState(table), table, 'elu.alpha', 0.5).state;
  state = setField(state, table, 'leaky-relu.alpha', 0.05).state;
  state = setField(state, table, 'maxout.pieces', [{ w: -1, b: 0 }, { w: 1, b: 0 }]).state;
  state = setField(state, table, 'softmax.logits', [3, 1, -2]).state;
  state = setField(state, table, 'lang', 'ko').state;
  assert.equal(serialiseState(state, table),
    'lang=ko&leaky-relu.alpha=0.05&elu.alpha=0.5&maxout.pieces=-1:0,1:0&softmax.logits=3,1,-2');
});

test('hand-edited and hostile links are contained and reported', () => {
  const long = '1'.repeat(MAX_VALUE_LENGTH + 1);
  const { state, problems } = parseState(
    `?elu.alpha=abc&leaky-relu.alpha=7&softplus.beta=-1&nope.key=1&sigmoid.xmin=5&sigmoid.xmax=1`
    + `&softmax.logits=1,x,3&maxout.pieces=${long}&lang=<script>alert(1)</script>&elu.alpha=0.3&tanh.xmin=0x10`,
    table,
  );
  const byKey = Object.fromEntries(problems.map((p) => [p.key, p.problem]));
  assert.equal(byKey['elu.alpha'], 'invalid');
  assert.equal(state.sections.elu.params.alpha, 1, 'the first of repeated keys wins, and it was bad');
  assert.equal(byKey['leaky-relu.alpha'], 'clamped');
  assert.equal(state.sections['leaky-relu'].params.alpha, 1);
  assert.equal(byKey['softplus.beta'], 'clamped');
  assert.ok(state.sections.softplus.params.beta > 0);
  assert.equal(byKey['nope.key'], 'unknown');
  assert.equal(byKey['sigmoid.xmin'], 'invalid');
  assert.deepEqual([state.sections.sigmoid.xmin, state.sections.sigmoid.xmax], [-10, 10]);
  assert.equal(byKey['softmax.logits'], 'invalid');
  assert.equal(byKey['maxout.pieces'], 'too-long');
  assert.equal(byKey.lang, 'invalid');
  assert.equal(state.lang, 'en');
  assert.equal(byKey['tanh.xmin'], 'invalid');
  for (const p of problems) assert.ok(p.raw.length <= 41, 'problems quote at most 40 characters');
});

test('thousands of keys are bounded', () => {
  const query = Array.from({ length: 5000 }, (_, i) => `k${i}=1`).join('&');
  const { problems } = parseState(query, table);
  assert.ok(problems.length <= 200);
});
