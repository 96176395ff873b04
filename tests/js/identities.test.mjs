// Identities the explanations state (build_scripts/lib/identities.mjs): parsed, checked by the
// core at every combination of their variables' values, and failing where they do not hold.
// The functions are picked from core.list() by kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../web/src/core/core.js';
import { numberContext } from '../../build_scripts/lib/number-expr.mjs';
import { identityFailures, parseIdentity } from '../../build_scripts/lib/identities.mjs';

const core = await loadCore();
const context = numberContext(core);
const list = core.list();
// A scalar function with no parameters whose value changes with x, and a vector one.
const scalar = list.find((f) => f.kind === 'scalar' && f.params.length === 0
  && core.evaluate(f.slug, [-1])[0] !== core.evaluate(f.slug, [1])[0]).slug;
const vector = list.find((f) => f.kind === 'vector').slug;

test('variables run over "a..b" (33 points, ends included) and listed values; x over -8..8 by default', () => {
  const { variables } = parseIdentity(`f(${scalar}, x) = f(${scalar}, x) for x in -1..1, b in 0.5 2 −3`, context);
  assert.equal(variables[0].values.length, 33);
  assert.deepEqual([variables[0].values[0], variables[0].values[16], variables[0].values[32]], [-1, 0, 1]);
  assert.deepEqual(variables[1], { name: 'b', values: [0.5, 2, -3] });
  const plain = parseIdentity(`f(${scalar}, x) = f(${scalar}, x)`, context).variables;
  assert.deepEqual([plain[0].name, plain[0].values[0], plain[0].values.at(-1)], ['x', -8, 8]);
});

test('an identity that holds passes; one that does not names where it fails', () => {
  assert.deepEqual(identityFailures(`2*f(${scalar}, x) = f(${scalar}, x) + f(${scalar}, x)`, context), []);
  assert.deepEqual(identityFailures(`b*f(${scalar}, x) = f(${scalar}, x)*b for x in -2..2, b in 3 0.25`, context), []);
  assert.deepEqual(identityFailures(`item(${vector}([z, 0]), 1) = item(${vector}([z, 0]), 1) for z in -3..3`, context), []);
  const wrong = identityFailures(`f(${scalar}, x) = f(${scalar}, x + 1)`, context);
  assert.ok(wrong.length >= 1 && wrong.length <= 3, wrong.join('\n'));
  assert.match(wrong[0], /fails at x = [-\d.]+: \S+ ≠ \S+/);
  // Rounding is not a failure, a difference of a millionth is.
  assert.deepEqual(identityFailures(`f(${scalar}, x) = f(${scalar}, x) * (1 + 1e-14)`, context), []);
  assert.equal(identityFailures(`f(${scalar}, x) = f(${scalar}, x) + 1e-6`, context).length, 3);
});

test('a malformed identity or a wrong name is one clear message', () => {
  const one = (text, pattern) => {
    const failures = identityFailures(text, context);
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(failures[0], pattern);
  };
  one(`f(${scalar}, x)=f(${scalar}, x)`, /spaces around the one "="/);
  one(`f(${scalar}, x) = 1 = 1`, /spaces around the one "="/);
  one(`f(${scalar}, x) = 1 for x from 1 to 2`, /name in a\.\.b/);
  one(`f(${scalar}, x) = 1 for x in 2..1`, /must go up/);
  one(`f(${scalar}, x) = 1 for x in 1 two`, /neither a\.\.b nor a list/);
  one(`f(no-such-function, x) = 1`, /unknown function/);
  one(`f(${scalar}, y) = 1`, /unknown name "y"/);
  one(`item(${vector}([x, 0]), 3) = 1`, /position 3 is not in 1…2/);
});

test('the content build checks a file\'s identities, and fails naming the file when one does not hold', async () => {
  const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const { LANGS, pageSections, readContent } = await import('../../build_scripts/lib/content.mjs');
  const section = pageSections(list, core.comparisons(), core.groups()).find((s) => s.kind === 'text');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'identities-'));
  const write = (lang, identity) => writeFile(path.join(dir, lang, `${section.id}.md`),
    `---\ntitle: T\ndescription: D\nidentities:\n  - ${identity}\n---\nBody.\n`);
  try {
    for (const lang of LANGS) await mkdir(path.join(dir, lang));
    for (const lang of LANGS) await write(lang, `2*f(${scalar}, x) = f(${scalar}, x) + f(${scalar}, x)`);
    await readContent([section], { dir, core });
    await write(LANGS[1], `f(${scalar}, x) = f(${scalar}, x + 1)`);
    await assert.rejects(readContent([section], { dir, core }), (error) => {
      assert.match(error.message, new RegExp(`${LANGS[1]}/${section.id}\\.md: identities: .* fails at x = `));
      assert.match(error.message, /differ from the en file's/, 'and the two languages must state the same ones');
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
