// The explanations' claims (front matter `claims:` and `claimsAt:`, web/content/README.md
// "Claims") held to the core: every function states them in both languages, the languages
// state the same, and the core computes what they say. A wrong claim is reported with its
// file, key, claimed value and computed value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../web/src/core/core.js';
import { LANGS, pageSections, readContent } from '../../build_scripts/lib/content.mjs';
import {
  CLAIM_KEYS, claimDisagreements, claimLines, claimsOfProperties, parseClaims, showClaim,
} from '../../build_scripts/lib/claims.mjs';

const core = await loadCore();
const list = core.list();
const { meta } = await readContent(pageSections(list, core.comparisons(), core.groups()));

const sourceOf = (lang, spec) => `web/content/${lang}/${spec.slug}.md`;
// A file without claims is reported once, by the first test; the others read it as empty.
const NONE = { claims: {}, at: [] };
const parsedOf = (lang, spec) => parseClaims(meta[lang][spec.slug], spec, sourceOf(lang, spec)).parsed ?? NONE;
const propertiesAt = (spec) => (setting) => core.properties(spec.slug, setting);
// What the core computes at the defaults, written as a content file would.
const claimTexts = (spec) => Object.fromEntries(CLAIM_KEYS.map((key) => [key, showClaim(key, claimsOfProperties(spec.properties)[key])]));

test('every function with properties states its claims, in both languages', () => {
  for (const spec of list.filter((s) => s.properties)) {
    for (const lang of LANGS) {
      const parsed = parsedOf(lang, spec);
      assert.notEqual(parsed, NONE, `${sourceOf(lang, spec)}: no claims in its front matter`);
      assert.deepEqual(Object.keys(parsed.claims).sort(), [...CLAIM_KEYS].sort(), sourceOf(lang, spec));
    }
  }
});

test('both languages claim the same', () => {
  for (const spec of list) {
    const [first, ...others] = LANGS.map((lang) => claimLines(parsedOf(lang, spec)));
    for (const [i, lines] of others.entries()) {
      assert.deepEqual(lines, first, `${sourceOf(LANGS[i + 1], spec)} and ${sourceOf(LANGS[0], spec)}`);
    }
  }
});

test('every claim agrees with the core, at the defaults and at each claimsAt setting', async (t) => {
  for (const spec of list) {
    await t.test(spec.slug, () => {
      const found = LANGS.flatMap((lang) => claimDisagreements(parsedOf(lang, spec), propertiesAt(spec), sourceOf(lang, spec)));
      assert.deepEqual(found, []);
    });
  }
});

// Each true claim, changed to another value the vocabulary allows, is reported: the check can fail.
const WRONG = {
  range: ({ lo, hi, values }) => (values ? { values: [...values, 2] } : { lo: lo - 1, hi, loClosed: true, hiClosed: false }),
  bounded: (v) => (v === 'both' ? 'none' : 'both'),
  zeroCentred: (v) => (v === 'symmetric' ? 'none' : 'symmetric'),
  monotonic: (v) => (v === 'no' ? 'yes' : 'no'),
  smoothness: (v) => (v === 'C∞' ? 'C0' : 'C∞'),
  saturates: (v) => (v === 'none' ? 'both' : 'none'),
  peak: (p) => ({ ...p, value: p.value + 1 }),
  usesExp: (v) => (v === 'yes' ? 'no' : 'yes'),
};

test('a wrong claim is reported with its file, key, claimed value and computed value', () => {
  for (const spec of list) {
    const source = sourceOf(LANGS[0], spec);
    const { parsed } = parseClaims({ claims: claimTexts(spec) }, spec, source);
    const computed = claimsOfProperties(core.properties(spec.slug));
    for (const key of CLAIM_KEYS) {
      const wrong = WRONG[key](parsed.claims[key]);
      const found = claimDisagreements({ claims: { ...parsed.claims, [key]: wrong }, at: [] }, propertiesAt(spec), source);
      assert.deepEqual(found, [
        `${source}: claims.${key}: the text claims ${showClaim(key, wrong)}, the core computes ${showClaim(key, computed[key])}`,
      ], `${spec.slug} ${key}`);
    }
  }
});

test('the message reads: file, key, what the text claims, what the core computes', () => {
  const spec = list.find((s) => s.properties.zeroCentred !== 'symmetric');
  const { parsed, problems } = parseClaims({ claims: { ...claimTexts(spec), zeroCentred: 'symmetric' } }, spec, 'web/content/en/x.md');
  assert.deepEqual(problems, []);
  assert.deepEqual(claimDisagreements(parsed, propertiesAt(spec), 'web/content/en/x.md'),
    [`web/content/en/x.md: claims.zeroCentred: the text claims symmetric, the core computes ${spec.properties.zeroCentred}`]);
});

test('claims are parsed strictly: unknown keys and values, missing keys and bad settings name the file and key', () => {
  const spec = list.find((s) => s.params.length > 0 && s.kind === 'scalar');
  const param = spec.params[0];
  const good = claimTexts(spec);
  const problemsOf = (data) => parseClaims(data, spec, 'f.md').problems;
  assert.deepEqual(problemsOf({ claims: good }), []);
  assert.deepEqual(problemsOf({ name: 'x' }), [], 'no claims: nothing to read (the test above asks for them)');
  assert.match(problemsOf({ claims: { ...good, smooth: 'yes' } }).join('\n'), /^f\.md: claims\.smooth: unknown claim/);
  assert.match(problemsOf({ claims: { ...good, zeroCentred: 'symetric' } }).join('\n'), /^f\.md: claims\.zeroCentred: "symetric" is not none \| partial \| symmetric$/);
  assert.match(problemsOf({ claims: { ...good, peak: '1 somewhere' } }).join('\n'), /^f\.md: claims\.peak: "1 somewhere" is not/);
  assert.match(problemsOf({ claims: { ...good, range: '(1, 0)' } }).join('\n'), /^f\.md: claims\.range: "\(1, 0\)" is not/);
  const { usesExp, ...partial } = good;
  assert.match(problemsOf({ claims: partial }).join('\n'), /^f\.md: claims: missing usesExp/);
  assert.match(problemsOf({ claims: good, claimsAt: [{ at: 'nope = 1', monotonic: 'yes' }] }).join('\n'), /^f\.md: claimsAt\[nope = 1\]\.at: "nope = 1" is not "name = value"/);
  assert.match(problemsOf({ claims: good, claimsAt: [{ at: `${param.name} = ${param.max + 1}`, monotonic: 'yes' }] }).join('\n'), /is outside/);
  assert.match(problemsOf({ claims: good, claimsAt: [{ at: `${param.name} = ${param.max}` }] }).join('\n'), /no claims under this setting/);
  assert.match(problemsOf({ claims: good, claimsAt: { a: 'b' } }).join('\n'), /^f\.md: claimsAt: a list/);
});

test('ASCII spellings read the same as the Unicode ones', () => {
  const spec = list.find((s) => s.kind === 'scalar');
  const read = (claims) => parseClaims({ claims: { ...claimTexts(spec), ...claims } }, spec, 'f.md');
  const unicode = read({ range: '(−1, ∞)', smoothness: 'C∞', peak: '1 approached as x → −∞' });
  const plain = read({ range: '(-1, inf)', smoothness: 'Cinf', peak: '1 approached as x -> -inf' });
  assert.deepEqual(plain.problems, []);
  assert.deepEqual(claimLines(plain.parsed), claimLines(unicode.parsed));
  assert.equal(showClaim('peak', read({ peak: '1/4 at 0' }).parsed.claims.peak), '0.25 at 0');
});
