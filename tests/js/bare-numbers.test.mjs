// No number the core could compute is typed by hand into the explanations: a number in prose
// or TeX (not in code, not in a {{ … }} template, not in a URL, not in the front matter's
// claims and identities, which are checked) with two or more digits after
// the decimal point, or in scientific notation (4.2e-18, 4.2×10⁻¹⁸, 4.2 \times 10^{-18},
// 10^{-6}, 10⁻⁶), fails, listed as file:line. Such numbers belong in templates (web/content/
// README.md, "Numbers"). Numbers such as 0.5, 1/4, 10 layers or 2011 stay allowed. There is
// no allowlist: the last hand-typed numbers became templates with issue 11.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from '../../build_scripts/lib/front-matter.mjs';
import { findTemplates, markdownRegions } from '../../build_scripts/lib/numbers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = path.join(ROOT, 'web', 'content');

const SUPERSCRIPT_POWER = '[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+';
const TEX_POWER = String.raw`\^(?:\{\s*[-+−]?\d+\s*\}|[-+−]?\d)`;
const BARE = new RegExp(String.raw`(?<![\w.])(?:`
  + String.raw`\d+(?:\.\d+)?\s*(?:[×·]|\\times|\\cdot)\s*10(?:${TEX_POWER}|${SUPERSCRIPT_POWER})` // 4.2×10⁻¹⁸, 4.2 \times 10^{-18}
  + String.raw`|\d+(?:\.\d+)?[eE][-+−]?\d+(?!\w)` // 4.2e-18
  + String.raw`|10(?:${TEX_POWER}|${SUPERSCRIPT_POWER})` // 10^{-6}, 10⁻⁶
  + String.raw`|\d*\.\d{2,}` // 0.0066, 709.78
  + ')', 'g');
const URL_LIKE = /https?:\/\/[^\s)>\]]+|\]\([^)\s]*\)/g;

// Front matter the build and the tests check against the core (claims.mjs, identities.mjs),
// and the frameworks' defaults (frameworks.mjs: API values, each within its slider's range).
const CHECKED_KEYS = /^(claims|claimsAt|identities|frameworks):/;

/** The front matter with its checked blocks (a checked key and its indented lines) blanked. */
function checkedFrontMatter(head, blank) {
  let inside = false;
  return head.split('\n').map((line) => {
    if (/^\S/.test(line)) inside = CHECKED_KEYS.test(line);
    return inside ? blank(line) : line;
  }).join('\n');
}

/** The hand-typed numbers of a content file's text: [{ line, number }]. */
function bareNumbers(text) {
  const { body } = parseFrontMatter(text);
  const head = text.slice(0, text.length - body.length);
  // Code, templates and URLs become spaces (line breaks kept), so offsets and lines still match.
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  let masked = body;
  const cut = (start, end) => {
    masked = masked.slice(0, start) + blank(masked.slice(start, end)) + masked.slice(end);
  };
  const regions = markdownRegions(body);
  for (const r of regions) if (r.kind === 'code') cut(r.start, r.end);
  for (const t of findTemplates(body, regions).templates) cut(t.start, t.end);
  masked = checkedFrontMatter(head, blank) + masked.replace(URL_LIKE, blank);
  return [...masked.matchAll(BARE)].map((m) => ({
    line: masked.slice(0, m.index).split('\n').length,
    number: m[0],
  }));
}

function contentFiles() {
  return readdirSync(CONTENT, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((dir) =>
    readdirSync(path.join(CONTENT, dir.name)).filter((name) => name.endsWith('.md')).sort()
      .map((name) => path.join(CONTENT, dir.name, name)));
}

const entry = (file, { line, number }) => `${path.relative(ROOT, file).split(path.sep).join('/')}:${line}: ${number}`;

/** Every offender of the content as "file:line: number". */
function offenders() {
  return contentFiles().flatMap((file) => bareNumbers(readFileSync(file, 'utf8')).map((found) => entry(file, found)));
}

test('the guard finds hand-typed numbers in prose and TeX, and only there', () => {
  const text = [
    '---', 'name: X', 'description: peaks at 0.25', '---',
    'At $x = 5$ it is $0.0066$; over ten layers $0.25^{10} \\approx 10^{-6}$.', // line 5
    'Overflow past 709.78, a tail of 4.2e-18, 4.2×10⁻¹⁸ and $4.2 \\times 10^{-18}$ and 10⁻⁶.', // line 6
    'Fine: 0.5, 1/4, 10 layers, 2011, 0.1, -3, 1.5.', // line 7
    'Code `np.exp(709.78)` and a template {{ 0.0066 ≈ x }} and $x = {{ 4.2 \\times 10^{-18} ≈ y }}$.', // line 8
    '```python', 'x = 0.0066  # 1e-18', '```', // lines 9-11
    'A link [paper](https://arxiv.org/abs/1502.01852) and https://example.org/v1.23 too.', // line 12
  ].join('\n');
  assert.deepEqual(bareNumbers(text).map((f) => `${f.line}: ${f.number}`), [
    '3: 0.25', '5: 0.0066', '5: 0.25', '5: 10^{-6}',
    '6: 709.78', '6: 4.2e-18', '6: 4.2×10⁻¹⁸', '6: 4.2 \\times 10^{-18}', '6: 10⁻⁶',
  ]);
});

test('a new bare number in any content file fails the guard', () => {
  for (const file of contentFiles()) {
    const text = `${readFileSync(file, 'utf8')}\nNew prose with $0.0067$ in it.\n`;
    assert.deepEqual(bareNumbers(text).map((f) => entry(file, f)), [entry(file, { line: text.split('\n').length - 1, number: '0.0067' })]);
  }
});

test('no content file states a number by hand', () => {
  assert.deepEqual(offenders(), [], 'numbers typed by hand: state them with a template, e.g. {{ 0.0066 ≈ df(slug, 5) }} '
    + '(web/content/README.md, "Numbers"), or as code when they are an API\'s value (negative_slope=0.01)');
});
