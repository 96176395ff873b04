// The frameworks' defaults (build_scripts/lib/frameworks.mjs) read strictly from the
// explanations' front matter, and the state they set (applyFramework, a link's `framework`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFrameworks } from '../../build_scripts/lib/frameworks.mjs';
import { loadCore } from '../../web/src/core/core.js';
import { applyFramework, createStateTable, defaultState, getField } from '../../web/src/model/state.js';
import { parseState } from '../../web/src/model/url-state.js';

const core = await loadCore();
const list = [
  { slug: 'leaky', kind: 'scalar', params: [{ name: 'alpha', min: 0, max: 1, default: 0.2 }] },
  { slug: 'two', kind: 'scalar', params: [{ name: 'a', min: 0, max: 1, default: 0.5 }, { name: 'b', min: 0, max: 5, default: 1 }] },
];
const home = { id: 'frameworks', kind: 'frameworks', comparison: { members: ['leaky'] } };
const sections = [...list.map((spec) => ({ id: spec.slug, spec })), home];
const FRAMEWORKS = [{ id: 'torch', name: 'PyTorch' }, { id: 'keras', name: 'Keras' }];
const meta = (leaky, two) => ({ frameworks: { frameworks: FRAMEWORKS }, leaky: { frameworks: leaky }, two: { frameworks: two } });
const read = (en, ko = en) => readFrameworks(sections, { en, ko });

test('each framework\'s defaults, the first entry of a framework its default and the others kept beside it', () => {
  const { data, problems } = read(meta([
    { framework: 'torch', value: '0.01', api: 'nn.LeakyReLU()' },
    { framework: 'keras', value: '0.3', api: 'layers.LeakyReLU()' },
    { framework: 'keras', value: '1/5', api: 'activations.leaky_relu' },
  ], [{ framework: 'keras', param: 'b', value: '2', api: 'f(b=2)' }]));
  assert.deepEqual(problems, []);
  assert.deepEqual(data.frameworks, FRAMEWORKS);
  assert.deepEqual(data.defaults, [
    { slug: 'leaky', param: 'alpha', values: { torch: { value: 0.01, api: 'nn.LeakyReLU()', more: [] }, keras: { value: 0.3, api: 'layers.LeakyReLU()', more: [{ value: 0.2, api: 'activations.leaky_relu' }] } } },
    { slug: 'two', param: 'b', values: { keras: { value: 2, api: 'f(b=2)', more: [] } } },
  ]);
});

test('what is wrong is named: the file, the framework, the parameter, the range', () => {
  const problems = (leaky, two) => read(meta(leaky, two)).problems.join('\n');
  assert.match(problems([{ framework: 'jax', value: '0.1', api: 'x' }]), /leaky\.md: frameworks: jax: not one of torch, keras/);
  assert.match(problems([{ framework: 'torch', value: '2', api: 'x' }]), /2 is outside alpha's range \[0, 1\]/);
  assert.match(problems([{ framework: 'torch', value: 'a lot', api: 'x' }]), /outside alpha's range/);
  assert.match(problems([{ framework: 'torch', value: '0.1' }]), /needs api:/);
  assert.match(problems([{ framework: 'torch', value: '0.1', api: 'x' }], [{ framework: 'torch', value: '0.1', api: 'x' }]), /two\.md: frameworks: torch: name its parameter \(param:\), one of a, b/);
  assert.match(problems(undefined), /the frameworks section shows leaky, whose file gives no frameworks/);
  const ko = meta([{ framework: 'torch', value: '0.02', api: 'x' }]);
  assert.match(read(meta([{ framework: 'torch', value: '0.01', api: 'x' }]), ko).problems.join('\n'), /ko\/leaky\.md: its frameworks differ/);
});

// The real registry and content.
const frameworks = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../web/src/generated/frameworks.json', import.meta.url), 'utf8')));
const table = createStateTable(core.list(), core.comparisons(), core.groups(), frameworks);
const valuesOf = (state) => Object.fromEntries(frameworks.defaults.map(({ slug, param }) => [`${slug}.${param}`, getField(state, table, `${slug}.${param}`)]));
const expected = (fid) => Object.fromEntries(frameworks.defaults.map(({ slug, param, values }) =>
  [`${slug}.${param}`, values[fid]?.value ?? table.byKey.get(`${slug}.${param}`).default]));

test('choosing a framework sets every parameter it gives a default to; none restores the page\'s', () => {
  assert.ok(frameworks.frameworks.length >= 2 && frameworks.defaults.length >= 2, 'the content gives frameworks and defaults');
  let state = defaultState(table);
  for (const { id } of frameworks.frameworks) {
    state = applyFramework(state, table, id).state;
    assert.equal(getField(state, table, 'framework'), id);
    assert.deepEqual(valuesOf(state), expected(id), id);
  }
  state = applyFramework(state, table, 'none').state;
  assert.deepEqual(valuesOf(state), valuesOf(defaultState(table)));
  const bad = applyFramework(defaultState(table), table, 'nonsense');
  assert.equal(bad.problem, 'invalid');
  assert.equal(getField(bad.state, table, 'framework'), 'none');
});

test('a link\'s framework sets its defaults under the values the link gives', () => {
  const [{ id }] = frameworks.frameworks;
  const [{ slug, param }] = frameworks.defaults;
  assert.deepEqual(valuesOf(parseState(`?framework=${id}`, table).state), expected(id));
  const own = table.byKey.get(`${slug}.${param}`).max;
  const { state, problems } = parseState(`?${slug}.${param}=${own}&framework=${id}`, table);
  assert.deepEqual(problems, []);
  assert.deepEqual(valuesOf(state), { ...expected(id), [`${slug}.${param}`]: own });
  const unknown = parseState('?framework=nonsense', table);
  assert.deepEqual(unknown.problems.map((p) => [p.key, p.problem]), [['framework', 'invalid']]);
  assert.deepEqual(valuesOf(unknown.state), valuesOf(defaultState(table)));
});
