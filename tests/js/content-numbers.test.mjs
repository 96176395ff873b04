// The number templates of the explanations (build_scripts/lib/numbers.mjs, number-expr.mjs):
// the expression language, the formatting, the checks of stated numbers against the core,
// the errors (each naming file and line), and the content build failing on a wrong number.
// Every function used here is picked from core.list() by its capabilities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/src/core/core.js';
import { evaluate, numberContext, parseExpression, tokenize } from '../../build_scripts/lib/number-expr.mjs';
import {
  expandNumbers, findTemplates, formatValue, literalMismatch, markdownRegions, parseLiteral, renderTemplate, splitTemplate,
} from '../../build_scripts/lib/numbers.mjs';
import { CONTENT_DIR, LANGS, pageSections, readContent, requiredMeta } from '../../build_scripts/lib/content.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const core = await loadCore();
const context = numberContext(core);
const list = core.list();
const sections = pageSections(list, core.comparisons(), core.groups());

const plain = list.find((f) => f.kind === 'scalar' && f.params.length === 0).slug;
const withParam = list.find((f) => f.kind === 'scalar' && f.params.length > 0);
const learnable = list.find((f) => f.kind === 'scalar' && f.parameterDerivativeFormula !== undefined);
const vector = list.find((f) => f.kind === 'vector');
const pieces = list.find((f) => f.kind === 'pieces');
// A value inside a parameter's range that is not its default.
const otherValue = (p) => (p.default === p.max ? (p.min + p.max) / 2 : (p.default + p.max) / 2);

const value = (expr) => evaluate(parseExpression(expr, context), context);
const render = (inner, tex = false) => renderTemplate(inner, { tex, context });
// The same literal with its last digit one unit off.
const offByOne = (literal) => literal.replace(/(\d)(\D*)$/, (_, d, rest) => `${d === '9' ? 8 : Number(d) + 1}${rest}`);

test('the registry has the kinds these tests pick from', () => {
  for (const [what, row] of Object.entries({ plain, withParam, learnable, vector, pieces })) assert.ok(row, what);
});

test('arithmetic: precedence, left-associative - and /, right-associative ^, unary minus below ^', () => {
  const cases = {
    '1 + 2 * 3': 7, '(1 + 2) * 3': 9, '10 - 4 - 3': 3, '8 / 4 / 2': 1, '2 ^ 3 ^ 2': 512, '(2 ^ 3) ^ 2': 64,
    '-2^2': -4, '(-2)^2': 4, '2^-1': 0.5, '--3': 3, '-(1 + 2)': -3, '2 * -3': -6, '1e-3 * 1000': 1, '.5 + 1': 1.5,
    'ln(exp(2))': 2, 'sqrt(16)': 4, 'abs(-3)': 3, 'MAX_DOUBLE': Number.MAX_VALUE, 'MIN_NORMAL': 2 ** -1022, 'EPS': Number.EPSILON,
  };
  for (const [expr, expected] of Object.entries(cases)) assert.equal(value(expr), expected, expr);
  assert.deepEqual(parseExpression('1 - 2 ^ 3'), {
    type: 'bin', op: '-', left: { type: 'num', value: 1 },
    right: { type: 'bin', op: '^', left: { type: 'num', value: 2 }, right: { type: 'num', value: 3 } },
  });
});

test('a hyphenated name is one token only when it is a slug', () => {
  const texts = (text, slugs) => tokenize(text, new Set(slugs)).map((t) => t.text);
  assert.deepEqual(texts('a-b - 1', ['a-b']), ['a-b', '-', '1', '']);
  assert.deepEqual(texts('a-b', []), ['a', '-', 'b', '']);
  assert.deepEqual(texts('prop(a-b, range.min)', ['a-b']), ['prop', '(', 'a-b', ',', 'range.min', ')', '']);
  for (const { slug } of list) assert.equal(tokenize(`f(${slug}, 1)`, context.slugs)[2].text, slug);
});

test('f, df and dp call the core, with named parameters', () => {
  assert.equal(value(`f(${plain}, 0.7)`), core.evaluate(plain, [0.7])[0]);
  assert.equal(value(`df(${plain}, 0.7)`), core.derivative(plain, [0.7])[0]);
  const p = withParam.params[0];
  const v = otherValue(p);
  const named = value(`f(${withParam.slug}, -1.5, ${p.name}=${v})`);
  assert.equal(named, core.evaluate(withParam.slug, [-1.5], { [p.name]: v })[0]);
  assert.notEqual(named, value(`f(${withParam.slug}, -1.5)`), 'the parameter changes the value');
  assert.equal(value(`dp(${learnable.slug}, -2)`), core.parameterDerivative(learnable.slug, [-2])[0]);
  assert.equal(value(`2 * f(${plain}, 0.7) + 1`), 2 * core.evaluate(plain, [0.7])[0] + 1);
});

test('prop reads a number from the properties; anything else fails', () => {
  const props = core.properties(plain);
  assert.equal(value(`prop(${plain}, maxAbsDerivative.value)`), props.maxAbsDerivative.value);
  const p = withParam.params[0];
  assert.equal(value(`prop(${withParam.slug}, f0, ${p.name}=${otherValue(p)})`),
    core.properties(withParam.slug, { [p.name]: otherValue(p) }).f0);
  const [key] = Object.entries(props).find(([, v]) => typeof v === 'boolean' || typeof v === 'string');
  assert.throws(() => value(`prop(${plain}, ${key})`), /not a number/);
  assert.throws(() => value(`prop(${plain}, noSuchProperty)`), /not there/);
});

test('vector functions by slug, with named parameters', () => {
  const z = [2, 1, 0.1];
  assert.deepEqual(value(`${vector.slug}([2, 1, 0.1])`), Array.from(core.evaluate(vector.slug, z)));
  const p = vector.params[0];
  assert.deepEqual(value(`${vector.slug}([2, 1, 0.1], ${p.name}=${otherValue(p)})`),
    Array.from(core.evaluate(vector.slug, z, { [p.name]: otherValue(p) })));
  assert.notDeepEqual(value(`${vector.slug}([2, 1, 0.1], ${p.name}=${otherValue(p)})`), value(`${vector.slug}([2, 1, 0.1])`));
  assert.throws(() => value(`${vector.slug}(2)`), /takes a vector/);
  assert.throws(() => value(`f(${vector.slug}, 2)`), /takes a vector/);
  assert.throws(() => value(`1 + ${vector.slug}([1, 2])`), /not a vector/);
});

test('pieces functions by slug: x and [w:b, …]', () => {
  const given = [{ w: 1, b: 0 }, { w: -1, b: 2 }];
  assert.equal(value(`${pieces.slug}(0.5, [1:0, -1:2])`), core.evaluate(pieces.slug, [0.5], { pieces: given })[0]);
  assert.equal(value(`${pieces.slug}(0.5, [1:0, -1:2])`), 1.5);
  assert.equal(value(`df(${pieces.slug}, 0.5, pieces=[1:0, -1:2])`), core.derivative(pieces.slug, [0.5], { pieces: given })[0]);
  assert.throws(() => value(`${pieces.slug}(0.5, [1, 2])`), /w:b/);
  assert.throws(() => value('[1:0, 2]'), /not both/);
});

test('bad expressions fail with a reason', () => {
  const bad = {
    [`f(${plain}, 1`]: /expected "\)" at the end/,
    '1 +': /expected a number/,
    '2 $': /unexpected character "\$"/,
    '2 3': /expected an operator or the end at "3"/,
    [`f(${plain}, x=1, 2)`]: /come last/,
    'sqrt(1, 2)': /one number/,
    'foo': /unknown name "foo"/,
    'foo(1)': /unknown function "foo"/,
    [`f(${plain}, 1, 2)`]: /takes f\(slug, x/,
    [`${plain}(1)`]: /write f\(/,
    [`dp(${plain}, 1)`]: /no learnable parameter/,
    [`f(no-such-function, 1)`]: /unknown function "no-such-function"/,
    [`f(1 + 2, 1)`]: /the first argument is a slug/,
    [`f(nosuchfunction, 1)`]: /unknown function "nosuchfunction"/,
    [`f(${withParam.slug}, 1, nosuchparam=1)`]: /unknown parameter "nosuchparam"/,
    [`f(${withParam.slug}, 1, ${withParam.params[0].name}=${withParam.params[0].max + 1})`]: /must be a finite number in/,
  };
  for (const [expr, reason] of Object.entries(bad)) assert.throws(() => value(expr), reason, expr);
});

test('formatting: 4 significant digits by default, trailing zeros dropped, ×10ⁿ outside [1e-4, 1e6)', () => {
  const plainText = [
    [0.006648056670790155, {}, '0.006648'], [0.006648056670790155, { digits: 2 }, '0.0066'], [0.25, {}, '0.25'],
    [709.782712893384, {}, '709.8'], [709.782712893384, { digits: 5 }, '709.78'], [-0.5, {}, '−0.5'],
    [0.25 ** 10, {}, '9.537×10⁻⁷'], [0.25 ** 10, { digits: 2 }, '9.5×10⁻⁷'], [-3e-9, {}, '−3×10⁻⁹'],
    [1.5e6, {}, '1.5×10⁶'], [999999.7, {}, '1×10⁶'], [1e-4, {}, '0.0001'], [123456, {}, '123500'],
    [0, {}, '0'], [-0, {}, '0'], [4.248354255291589e-18, { digits: 2 }, '4.2×10⁻¹⁸'], [2, {}, '2'],
  ];
  for (const [v, options, expected] of plainText) assert.equal(formatValue(v, options), expected, `${v} ${JSON.stringify(options)}`);
  const tex = [
    [0.25 ** 10, { digits: 2 }, '9.5 \\times 10^{-7}'], [-0.5, {}, '-0.5'], [1.5e6, {}, '1.5 \\times 10^{6}'],
    [-4.248354255291589e-18, { digits: 2 }, '-4.2 \\times 10^{-18}'], [0.006648056670790155, { digits: 2 }, '0.0066'],
  ];
  for (const [v, options, expected] of tex) assert.equal(formatValue(v, { ...options, tex: true }), expected, `${v} TeX`);
  assert.equal(formatValue([0.659001, 0.242433, -0.0985659], { digits: 3 }), '(0.659, 0.242, −0.0986)');
  assert.equal(formatValue([0.659001, -0.0985659], { digits: 3, tex: true }), '(0.659, -0.0986)');
  assert.throws(() => formatValue(Infinity), /not a finite number/);
  assert.throws(() => formatValue(NaN), /not a finite number/);
});

test('templates render the value, with ~ n significant digits, as text or TeX', () => {
  assert.equal(render('1/3'), '0.3333');
  assert.equal(render('1/3 ~ 2'), '0.33');
  assert.equal(render(' 0.25^10 ~ 2 '), '9.5×10⁻⁷');
  assert.equal(render('0.25^10 ~ 2', true), '9.5 \\times 10^{-7}');
  assert.equal(render(`${vector.slug}([2, 1, 0.1]) ~ 3`), formatValue(Array.from(core.evaluate(vector.slug, [2, 1, 0.1])), { digits: 3 }));
  assert.deepEqual(splitTemplate(' 0.0066 ~= x '), { literal: '0.0066', expr: 'x', digits: 4 });
  assert.deepEqual(splitTemplate('x ~ 3'), { literal: undefined, expr: 'x', digits: 3 });
  assert.throws(() => render('1/3 ~ 0'), /whole number from 1/);
  assert.throws(() => render('1/3 ~ x'), /whole number from 1/);
  assert.throws(() => render('0.33 ≈ 1/3 ~ 2'), /drop "~ n"/);
  assert.throws(() => render('≈ 1/3'), /nothing before/);
  assert.throws(() => render(' '), /empty expression/);
  assert.throws(() => render('ln(0)'), /not a finite number/);
});

test('literals: precision is the digits shown', () => {
  const digits = (text, tex) => parseLiteral(text, { tex }).digits;
  assert.equal(digits('0.0066'), 2);
  assert.equal(digits('709.78'), 5);
  assert.equal(digits('-0.5'), 1);
  assert.equal(digits('−0.50'), 2);
  assert.equal(digits('4.2e-18'), 2);
  assert.equal(digits('4.2×10⁻¹⁸'), 2);
  assert.equal(digits('10⁻⁶'), 1);
  assert.equal(digits('4.2 \\times 10^{-18}', true), 2);
  assert.equal(digits('10^{-6}', true), 1);
  assert.equal(digits('100'), 3);
  assert.equal(parseLiteral('4.2×10⁻¹⁸').value, 4.2e-18);
  assert.equal(parseLiteral('-4.2 \\times 10^{-18}', { tex: true }).value, -4.2e-18);
  assert.equal(parseLiteral('1/4').kind, 'fraction');
  assert.throws(() => parseLiteral('4.2 \\times 10^{-18}'), /outside \$…\$/);
  assert.throws(() => parseLiteral('4.2×10⁻¹⁸', { tex: true }), /inside \$…\$/);
  assert.throws(() => parseLiteral('about 5'), /not a literal/);
  assert.throws(() => parseLiteral('1/0'), /divides by zero/);
  assert.throws(() => parseLiteral('0.123456789012345678'), /more digits/);
});

test('a literal passes at its precision and fails one unit off in its last digit', () => {
  for (const x of [0.7, 3, -2.5]) {
    const v = core.derivative(plain, [x])[0];
    for (let p = 1; p <= 6; p += 1) {
      const literal = v.toPrecision(p);
      assert.equal(render(`${literal} ≈ df(${plain}, ${x})`), literal);
      assert.equal(render(`${literal} ~= df(${plain}, ${x})`), literal);
      assert.throws(() => render(`${offByOne(literal)} ≈ df(${plain}, ${x})`), /the core gives/, `${offByOne(literal)} at ${x}`);
    }
  }
  assert.equal(render('709.78 ≈ ln(MAX_DOUBLE)'), '709.78');
  assert.equal(render('709.8 ≈ ln(MAX_DOUBLE)'), '709.8');
  assert.throws(() => render('709.79 ≈ ln(MAX_DOUBLE)'), /^Error: the core gives 709\.7827 \(709\.78 to 5 significant digits\), not 709\.79$/);
  assert.throws(() => render('709.7 ≈ ln(MAX_DOUBLE)'), /not 709\.7$/);
  assert.equal(render('4.2e-18 ≈ 4.248e-18'), '4.2e-18');
  assert.equal(render('4.2×10⁻¹⁸ ≈ 4.248e-18'), '4.2×10⁻¹⁸');
  assert.equal(render('4.2 \\times 10^{-18} ≈ 4.248e-18', true), '4.2 \\times 10^{-18}');
  assert.throws(() => render('4.3×10⁻¹⁸ ≈ 4.248e-18'), /not 4\.3×10⁻¹⁸/);
  assert.throws(() => render('4.2×10⁻¹⁷ ≈ 4.248e-18'), /the core gives/);
  assert.equal(render('10^{-6} ≈ 0.25^10', true), '10^{-6}');
  assert.throws(() => render('10^{-7} ≈ 0.25^10', true), /the core gives/);
  assert.equal(render('-0.5 ≈ -1/2'), '-0.5');
  assert.throws(() => render('0.5 ≈ -1/2'), /the core gives/);
  assert.equal(render('0.00 ≈ 0.004'), '0.00');
  assert.throws(() => render('0.00 ≈ 0.006'), /does not round/);
});

test('a fraction is checked exactly (to 1e-15 relative)', () => {
  assert.equal(render('1/4 ≈ 0.5 * 0.5'), '1/4');
  assert.equal(render('1/3 ≈ 1 - 2/3'), '1/3');
  assert.equal(render(`1/4 ≈ prop(${plain}, maxAbsDerivative.value) * 0 + 0.25`), '1/4');
  assert.throws(() => render('1/4 ≈ 0.25 + 1e-13'), /not exactly 1\/4/);
  assert.throws(() => render('1/4 ≈ 0.2500001'), /not exactly 1\/4/);
});

test('a tuple checks each element at its own precision', () => {
  const v = Array.from(core.evaluate(vector.slug, [2, 1, 0.1]));
  const good = `(${v[0].toPrecision(3)}, ${v[1].toPrecision(2)}, ${v[2].toPrecision(4)})`;
  const expr = `${vector.slug}([2, 1, 0.1])`;
  assert.equal(render(`${good} ≈ ${expr}`), good);
  const wrong = `(${v[0].toPrecision(3)}, ${offByOne(v[1].toPrecision(2))}, ${v[2].toPrecision(4)})`;
  assert.throws(() => render(`${wrong} ≈ ${expr}`), /^Error: element 2: the core gives/);
  assert.throws(() => render(`(${v[0].toPrecision(3)}, ${v[1].toPrecision(3)}) ≈ ${expr}`), /gives 3 numbers/);
  assert.throws(() => render(`${v[0].toPrecision(3)} ≈ ${expr}`), /a vector/);
  assert.throws(() => render(`(0.5, 0.5) ≈ 1/2`), /one number/);
  assert.equal(literalMismatch(parseLiteral('(0.5, 1/4)'), [0.5, 0.25]), null);
});

test('markdownRegions finds code and TeX as marked reads them', () => {
  const kinds = (body) => markdownRegions(body).map((r) => `${r.kind}:${body.slice(r.start, r.end)}`);
  assert.deepEqual(kinds('a $x$ b'), ['text:a ', 'tex:$x$', 'text: b']);
  assert.deepEqual(kinds('a `$x$` b'), ['text:a ', 'code:`$x$`', 'text: b']);
  assert.deepEqual(kinds('$`a`$'), ['tex:$`a`$']);
  assert.deepEqual(kinds('costs \\$5 and \\$6'), ['text:costs \\$5 and \\$6']);
  assert.deepEqual(kinds('$5 and $6'), ['text:$5 and $6'], 'a closing $ before a digit closes nothing');
  assert.deepEqual(kinds('a $ x$ b'), ['text:a $ x$ b'], 'an opening $ before a space opens nothing');
  assert.deepEqual(kinds('$$\nx\n$$\nb'), ['tex:$$\nx\n$$', 'text:\nb']);
  assert.deepEqual(kinds('a\n```py\n$x$\n```\nb $y$'), ['text:a\n', 'code:```py\n$x$\n```\n', 'text:b ', 'tex:$y$']);
  assert.deepEqual(kinds('``a ` b`` c'), ['code:``a ` b``', 'text: c']);
  assert.deepEqual(kinds('`a\n\nb` $x$'), ['text:`a\n\nb` ', 'tex:$x$'], 'a code span ends with its paragraph');
  assert.deepEqual(kinds('~~~\n`x\n'), ['code:~~~\n`x\n'], 'an unclosed fence runs to the end');
});

test('expansion writes TeX inside $…$ and Unicode outside, and leaves the rest alone', () => {
  const body = 'a {{ 0.25^10 ~ 2 }} $x = {{ 0.25^10 ~ 2 }}$ \\${{ 0.25^10 ~ 2 }}\\$\n$$\ny = {{ -1/2 }}\n$$\n';
  const { text, problems } = expandNumbers(body, { context });
  assert.deepEqual(problems, []);
  assert.equal(text, 'a 9.5×10⁻⁷ $x = 9.5 \\times 10^{-7}$ \\$9.5×10⁻⁷\\$\n$$\ny = -0.5\n$$\n');
  assert.equal(expandNumbers('no templates, $x$ `{}`', { context }).text, 'no templates, $x$ `{}`');
  const braces = findTemplates('$a {{ 10^{-6} ≈ 0.25^10 }}^{2}$').templates;
  assert.deepEqual(braces.map((t) => t.inner), [' 10^{-6} ≈ 0.25^10 ']);
});

test('errors name the file, the line and the template', () => {
  const where = (template) => new RegExp(`^web/content/xx/test\\.md:6: ${template.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: `);
  const p = withParam.params[0];
  const cases = [
    [`{{ f(nosuchfunction, 1) }}`, /unknown function "nosuchfunction"/],
    [`{{ f(${withParam.slug}, 1, nosuchparam=2) }}`, /unknown parameter "nosuchparam"/],
    [`{{ f(${withParam.slug}, 1, ${p.name}=${p.max + 1}) }}`, /must be a finite number in/],
    [`{{ f(${plain}, 1 }}`, /expected "\)"/],
    [`{{ 0.1 ≈ f(${plain}, }}`, /expected a number/],
    [`{{ 1e9 ≈ 1 }}`, /the core gives 1, which does not round|the core gives 1 \(/],
  ];
  for (const [template, reason] of cases) {
    const body = `Intro.\n\nThe value is ${template} here.\n`;
    const { problems } = expandNumbers(body, { source: 'web/content/xx/test.md', firstLine: 4, context });
    assert.equal(problems.length, 1, template);
    assert.match(problems[0], where(template));
    assert.match(problems[0], reason);
  }
  const inCode = [
    ['Use `{{ 1/2 }}` here.', '{{ 1/2 }}', /inside code/],
    ['```\n{{ 1/2 }}\n```', '{{ 1/2 }}', /inside code/],
    ['Open {{ 1/2 and no close', '{{ 1/2 and no close', /same line/],
  ];
  for (const [snippet, template, reason] of inCode) {
    const { problems } = expandNumbers(`a\nb\n${snippet}\n`, { source: 'web/content/xx/test.md', firstLine: 4, context });
    assert.equal(problems.length, 1, snippet);
    assert.match(problems[0], snippet.startsWith('```') ? /^web\/content\/xx\/test\.md:7: \{\{ 1\/2 \}\}: / : where(template));
    assert.match(problems[0], reason);
  }
  const edge = expandNumbers('$x${{ 5 }} and more', { source: 'web/content/xx/test.md', context });
  assert.match(edge.problems[0], /^web\/content\/xx\/test\.md: the expanded numbers change where \$…\$ begins/);
});

// A section's front matter with every key it needs (dotted keys become nested maps).
function frontMatterFor(section) {
  const tree = {};
  for (const key of requiredMeta(section)) {
    const parts = key.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts.at(-1)] = `Text for ${key}`;
  }
  const lines = (node, indent) => Object.entries(node).flatMap(([k, v]) => (typeof v === 'string'
    ? [`${indent}${k}: ${v}`] : [`${indent}${k}:`, ...lines(v, `${indent}  `)]));
  return `---\n${lines(tree, '').join('\n')}\n---\n`;
}

test('a deliberately wrong number in a Markdown file fails the content build, naming file and line', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'content-numbers-'));
  try {
    const section = sections.find((s) => s.spec?.slug === plain);
    const right = core.derivative(plain, [0.7])[0].toPrecision(3);
    const write = (lang, literal) => writeFile(path.join(dir, lang, `${section.id}.md`),
      `${frontMatterFor(section)}First paragraph.\n\nAt 0.7 the slope is $${`{{ ${literal} ≈ df(${plain}, 0.7) }}`}$ and so on.\n`);
    for (const lang of LANGS) await mkdir(path.join(dir, lang));
    for (const lang of LANGS) await write(lang, right);
    const { html } = await readContent([section], { dir, core });
    for (const lang of LANGS) assert.match(html[lang][section.id], new RegExp(`<mn>${right}</mn>`));

    await write(LANGS[1], offByOne(right));
    const file = path.relative(ROOT, path.join(dir, LANGS[1], `${section.id}.md`));
    const line = frontMatterFor(section).split('\n').length + 2;
    await assert.rejects(readContent([section], { dir, core }), (error) => {
      assert.ok(error.message.includes(`${file}:${line}: {{ ${offByOne(right)} ≈ df(${plain}, 0.7) }}: the core gives`), error.message);
      assert.ok(!error.message.includes(`${LANGS[0]}/${section.id}.md`), 'the right file is not blamed');
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the real content builds, and one digit off in any of its checked numbers fails it', async () => {
  const { html } = await readContent(sections, { core });
  for (const lang of LANGS) {
    for (const [id, page] of Object.entries(html[lang])) assert.doesNotMatch(page, /\{\{|\}\}/, `${lang}/${id}`);
  }
  // The first checked decimal literal of the real files, one unit off in a copy of the tree.
  let found;
  for (const lang of LANGS) {
    for (const name of (await readdir(path.join(CONTENT_DIR, lang))).sort()) {
      const lines = (await readFile(path.join(CONTENT_DIR, lang, name), 'utf8')).split('\n');
      const index = lines.findIndex((l) => /\{\{\s*[-−]?\d[\d.]*\s*(?:≈|~=)/.test(l));
      if (index >= 0 && !found) found = { lang, name, index, lines };
    }
  }
  assert.ok(found, 'some content file states a number checked against the core');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'content-numbers-'));
  try {
    await cp(CONTENT_DIR, dir, { recursive: true });
    const { lang, name, index, lines } = found;
    lines[index] = lines[index].replace(/(\{\{\s*[-−]?[\d.]*)(\d)(\s*(?:≈|~=))/, (_, a, d, b) => `${a}${d === '9' ? 8 : Number(d) + 1}${b}`);
    await writeFile(path.join(dir, lang, name), lines.join('\n'));
    const file = path.relative(ROOT, path.join(dir, lang, name));
    await assert.rejects(readContent(sections, { dir, core }), (error) => {
      assert.ok(error.message.includes(`${file}:${index + 1}: {{`), error.message);
      assert.match(error.message, /the core gives/);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('templates in the front matter are refused (they would print as written)', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'content-numbers-'));
  try {
    const section = sections.find((s) => s.spec?.slug === plain);
    for (const lang of LANGS) {
      await mkdir(path.join(dir, lang));
      const front = frontMatterFor(section).replace('Text for description', 'Slope {{ 1/4 }}');
      await writeFile(path.join(dir, lang, `${section.id}.md`), `${front}Body.\n`);
    }
    await assert.rejects(readContent([section], { dir, core }), /not the front matter/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
