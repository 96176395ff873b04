// The pure parts of the build (build_scripts/lib/) and serve.mjs: Markdown + TeX rendering,
// front matter, the sections from the registry, a page per language, taking the wasm out of
// the glue, and the server's path check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createMarkdown, renderTex, tableHeaders } from '../../build_scripts/lib/markdown.mjs';
import { checkShell, fillShell, translateShell } from '../../build_scripts/lib/render.mjs';
import { languagePage, pagePath, rootOf } from '../../build_scripts/lib/pages.mjs';
import { externaliseWasm, externaliseWasmIn } from '../../build_scripts/lib/bundle.mjs';
import { parseFrontMatter } from '../../build_scripts/lib/front-matter.mjs';
import { contentDictionary, pageSections, partsOf, requiredMeta } from '../../build_scripts/lib/content.mjs';
import { resolveInside, MIME_TYPES } from '../../build_scripts/serve.mjs';

test('inline and display TeX become MathML without the TeX annotation', async () => {
  const html = await createMarkdown().parse('Slope $f\'(0) = 1/4$ here.\n\n$$\\sigma(x) = \\frac{1}{1+e^{-x}}$$\n');
  assert.match(html, /<math[^>]*>/);
  assert.match(html, /<div class="math-display">/);
  assert.match(html, /display="block"/);
  assert.doesNotMatch(html, /<annotation/);
  assert.doesNotMatch(html, /\$/);
});

test('MathML only: no KaTeX span, namespace, <semantics> or enclosing <mrow>', () => {
  assert.equal(renderTex('x+1', false), '<math><mi>x</mi><mo>+</mo><mn>1</mn></math>');
  assert.equal(renderTex('\\frac{1}{2}', true), '<math display="block"><mfrac><mn>1</mn><mn>2</mn></mfrac></math>');
  // An <mrow> that is not the whole formula stays.
  assert.equal(renderTex('{a+b}c', false), '<math><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>c</mi></math>');
});

test('dollar signs in code stay code', async () => {
  const html = await createMarkdown().parse('Run `echo $HOME` and\n\n```python\nprint("$x$")\n```\n');
  assert.match(html, /<code>echo \$HOME<\/code>/);
  assert.match(html, /print\(&quot;\$x\$&quot;\)/);
  assert.doesNotMatch(html, /<math/);
});

test('a prime is set after its base, not raised twice', () => {
  const m = renderTex("f'(x)", false);
  assert.doesNotMatch(m, /<msup><mi>f<\/mi><mo[^>]*>′<\/mo><\/msup>/);
  assert.match(m, /<mi>f<\/mi><mo[^>]*>′<\/mo>/);
});

test('bad TeX fails the build with the file name', () => {
  assert.throws(() => createMarkdown({ source: 'web/content/en/x.md' }).parse('$\\frac{1$'), /web\/content\/en\/x\.md: bad TeX/);
});

test('headings move under the section heading', async () => {
  assert.match(await createMarkdown({ headingOffset: 1 }).parse('### Sub'), /<h4>Sub<\/h4>/);
  assert.match(await createMarkdown().parse('### Sub'), /<h3>Sub<\/h3>/);
});

test('a content table\'s first column are row headers and its header cells column headers', async () => {
  const html = tableHeaders(await createMarkdown().parse('| Aspect | A | B |\n|:--|---|---|\n| x | 1 | 2 |\n| y | 3 | 4 |\n'));
  assert.deepEqual([...html.matchAll(/<th scope="row"[^>]*>([^<]*)</g)].map((m) => m[1]), ['x', 'y']);
  assert.deepEqual([...html.matchAll(/<th scope="col"[^>]*>([^<]*)</g)].map((m) => m[1]), ['Aspect', 'A', 'B']);
  assert.deepEqual([...html.matchAll(/<td>([^<]*)</g)].map((m) => m[1]), ['1', '2', '3', '4']);
  assert.match(html, /<th scope="row" align="left">x/, 'alignment kept');
});

test('fillShell fills every marker and insists on each exactly once', () => {
  const page = fillShell('<!-- @assets --><!-- @toc --><!-- @sections -->', { assets: 'A', toc: 'T', sections: 'S$&' });
  assert.equal(page, 'ATS$&');
  assert.throws(() => fillShell('<!-- @assets -->', { assets: '', toc: '' }, 'web/index.html'), /web\/index\.html: expected one <!-- @toc -->, found 0/);
  assert.throws(() => fillShell('<!-- @a --><!-- @a -->', { a: '' }), /found 2/);
});

test('front matter: strings and nested maps, strict about everything else', () => {
  const { data, body } = parseFrontMatter('---\nname: Leaky ReLU\ntitle: "  spaced "\nparams:\n  alpha: Slope α\n# a comment\n---\nText $x$\n', 'f.md');
  assert.deepEqual(data, { name: 'Leaky ReLU', title: '  spaced ', params: { alpha: 'Slope α' } });
  assert.equal(body, 'Text $x$\n');
  assert.deepEqual(parseFrontMatter('No front matter\n'), { data: {}, body: 'No front matter\n' });
  assert.throws(() => parseFrontMatter('---\nname: x\n', 'f.md'), /f\.md: front matter has no closing ---/);
  assert.throws(() => parseFrontMatter('---\nname x\n---\n', 'f.md'), /f\.md:2: expected "key: value"/);
  assert.throws(() => parseFrontMatter('---\nname: a\nname: b\n---\n', 'f.md'), /f\.md:3: "name" is given twice/);
  assert.throws(() => parseFrontMatter('---\nparams:\n    alpha: x\n---\n', 'f.md'), /f\.md:3: unexpected indentation/);
  assert.throws(() => parseFrontMatter('---\nname: "open\n---\n', 'f.md'), /f\.md:2: a quoted value/);
});

test('front matter: lists of text items', () => {
  const text = '---\nidentities:\n  - f(a, x) = 2*f(b, x) for x in -1..1\n  - "  spaced "\nname: x\n---\n';
  assert.deepEqual(parseFrontMatter(text, 'f.md').data, { identities: ['f(a, x) = 2*f(b, x) for x in -1..1', '  spaced '], name: 'x' });
  assert.throws(() => parseFrontMatter('---\nc:\n  - a\n  - k: v\n---\n', 'f.md'), /f\.md:4: a "key: value" item in a list of text items/);
  assert.throws(() => parseFrontMatter('---\nc:\n  - k: v\n  - a\n---\n', 'f.md'), /f\.md:4: a text item in a list of maps/);
  assert.throws(() => parseFrontMatter('---\nc:\n  k: v\n  - a\n---\n', 'f.md'), /f\.md:4: a list item after keys/);
  assert.throws(() => parseFrontMatter('---\n- a\n---\n', 'f.md'), /f\.md:2: unexpected indentation/);
});

test('front matter: lists of maps, items starting with "- " and their keys lined up after it', () => {
  const text = '---\nclaimsAt:\n  - at: alpha = 2\n    smoothness: C0\n    more:\n      deep: yes\n  - at: pieces = -1:0, 1:0\nname: x\n---\n';
  assert.deepEqual(parseFrontMatter(text, 'f.md').data, {
    claimsAt: [{ at: 'alpha = 2', smoothness: 'C0', more: { deep: 'yes' } }, { at: 'pieces = -1:0, 1:0' }],
    name: 'x',
  });
  assert.throws(() => parseFrontMatter('---\n- at: x\n---\n', 'f.md'), /f\.md:2: a list item must sit under a key/);
  assert.throws(() => parseFrontMatter('---\nc:\n  a: 1\n  - b: 2\n---\n', 'f.md'), /f\.md:4: a list item after keys/);
  assert.throws(() => parseFrontMatter('---\nc:\n  - a: 1\n  b: 2\n---\n', 'f.md'), /f\.md:4: expected a list item/);
  assert.throws(() => parseFrontMatter('---\nc:\n  - a: 1\n    a: 2\n---\n', 'f.md'), /f\.md:4: "a" is given twice/);
  assert.throws(() => parseFrontMatter('---\nc:\n  - a: 1\n   b: 2\n---\n', 'f.md'), /f\.md:4: expected "key: value"/);
});

// A registry as core.list() and core.comparisons() give it, reduced to what the build reads.
const list = [
  { slug: 'one', kind: 'scalar', params: [{ name: 'alpha' }] },
  { slug: 'two', kind: 'scalar', parent: 'one', params: [] },
  { slug: 'bent', kind: 'pieces', params: [], pieces: { presets: [{ id: 'flat' }, { id: 'cup', targetQuadratic: 0.5 }] } },
  { slug: 'vec', kind: 'vector', params: [{ name: 'temperature' }] },
];
const comparisons = [{ id: 'compare-x', members: [], hidden: [], halfRange: 3 }];

test('the sections come from the registry, in its order, nested where a row says so', () => {
  const sections = pageSections(list, comparisons);
  assert.deepEqual(sections.map((s) => [s.id, s.kind, s.parent]), [
    ['intro', 'text', undefined], ['one', 'scalar', undefined], ['two', 'scalar', 'one'], ['bent', 'pieces', undefined],
    ['vec', 'vector', undefined], ['compare-x', 'compare', undefined], ['summary', 'summary', undefined],
  ]);
  assert.throws(() => pageSections([{ slug: 'a', kind: 'scalar', parent: 'nope', params: [] }], []), /a is shown inside nope/);
});

test('the functions beyond the article make a second part: its introduction, a section per group with its functions, its comparisons', () => {
  const groups = [{ id: 'article', part: 'article' }, { id: 'smooth', part: 'beyond' }, { id: 'empty', part: 'beyond' }, { id: 'hard', part: 'beyond' }];
  const rows = [
    ...list.map((spec) => ({ ...spec, group: 'article' })),
    { slug: 'h1', kind: 'scalar', params: [], group: 'hard' },
    { slug: 's1', kind: 'scalar', params: [], group: 'smooth' },
    { slug: 's2', kind: 'scalar', params: [], group: 'smooth' },
  ];
  const more = [...comparisons, { id: 'compare-y', members: [], hidden: [], halfRange: 3, part: 'beyond' }];
  const sections = pageSections(rows, more, groups);
  assert.deepEqual(sections.filter((s) => s.part === 'beyond').map((s) => [s.id, s.kind, s.parent]), [
    ['beyond', 'text', undefined], ['smooth', 'group', undefined], ['s1', 'scalar', 'smooth'], ['s2', 'scalar', 'smooth'],
    ['hard', 'group', undefined], ['h1', 'scalar', 'hard'], ['compare-y', 'compare', undefined],
  ], 'groups in the registry\'s order, an empty one left out');
  assert.deepEqual(partsOf(sections), ['article', 'beyond']);
  assert.deepEqual(partsOf(pageSections(list, comparisons, groups)), ['article'], 'no part without a function');
  assert.equal(sections.find((s) => s.id === 'two').parent, 'one', 'the article keeps its nesting');
  assert.throws(() => pageSections([{ slug: 'x', kind: 'scalar', params: [], group: 'nowhere' }], [], groups), /group "nowhere"/);
  assert.throws(() => pageSections([...rows, { slug: 'n', kind: 'scalar', params: [], group: 'hard', parent: 'h1' }], [], groups),
    /is shown inside h1|only the article's functions nest/);
  assert.throws(() => pageSections([...rows, { slug: 'hard', kind: 'scalar', params: [], group: 'smooth' }], [], groups), /two meanings/);
});

test('each content file must name what its registry row needs', () => {
  const [intro, one, , bent, vec] = pageSections(list, comparisons);
  assert.deepEqual(requiredMeta(intro), ['title', 'description']);
  assert.deepEqual(requiredMeta(one), ['name', 'description', 'params.alpha']);
  assert.deepEqual(requiredMeta(bent), ['name', 'description', 'ui.preset-flat', 'ui.preset-cup', 'ui.target']);
  assert.deepEqual(requiredMeta(vec), ['name', 'description', 'params.temperature', 'ui.outputs', 'ui.outputsName', 'ui.symbol']);
});

test('the content adds names, headings and labels to the dictionary, not descriptions', () => {
  const sections = pageSections(list, comparisons);
  const meta = {
    intro: { title: 'Intro', description: 'd' },
    one: { name: 'One', title: 'One and two', description: 'd', params: { alpha: 'Slope α' } },
    two: { name: 'Two', description: 'd' },
  };
  assert.deepEqual(contentDictionary(sections, meta), {
    fn: { one: 'One', two: 'Two' },
    section: { intro: 'Intro', one: 'One and two', two: 'Two' },
    paramLabel: { one: { alpha: 'Slope α' } },
    ui: {},
  });
});

test('externaliseWasm swaps the one data URI for a relative file name', () => {
  const wasm = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const glue = `var p="data:application/octet-stream;base64,";f="data:application/octet-stream;base64,${wasm.toString('base64')}";`;
  const out = externaliseWasm(glue);
  assert.deepEqual(out.wasm, wasm);
  assert.equal(out.js, 'var p="data:application/octet-stream;base64,";f="activation-core.wasm";');
  assert.throws(() => externaliseWasm('nothing here'), /found 0/);
  assert.throws(() => externaliseWasm('"data:application/octet-stream;base64,AAAA"'), /not a wasm module/);
});

test('the server never leaves its directory and knows the wasm type', () => {
  const dir = path.resolve('/srv/dist');
  assert.equal(resolveInside(dir, '/'), path.join(dir, 'index.html'));
  assert.equal(resolveInside(dir, '/app.js?x=1'), path.join(dir, 'app.js'));
  assert.equal(resolveInside(dir, '/../package.json'), null);
  assert.equal(resolveInside(dir, '/%2e%2e/secret'), null);
  assert.equal(resolveInside(dir, '/%E0%A4%A'), null);
  assert.equal(MIME_TYPES['.wasm'], 'application/wasm');
  assert.match(MIME_TYPES['.js'], /^text\/javascript/);
});

test('the server gzips once per file version and serves a changed file anew', async () => {
  const { mkdtemp, writeFile, rm, utimes } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { startServer } = await import('../../build_scripts/serve.mjs');
  const dir = await mkdtemp(path.join(tmpdir(), 'serve-test-'));
  const file = path.join(dir, 'a.js');
  const server = await startServer({ dir });
  const get = async () => {
    const res = await fetch(new URL('a.js', server.url), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    return res.text(); // fetch decompresses
  };
  try {
    await writeFile(file, 'export const a = 1;\n'.repeat(50));
    assert.equal(await get(), 'export const a = 1;\n'.repeat(50));
    assert.equal(await get(), 'export const a = 1;\n'.repeat(50), 'the cached body is the same');
    await writeFile(file, 'export const b = 2;\n'.repeat(50)); // same size, new contents
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(await get(), 'export const b = 2;\n'.repeat(50), 'a changed file is compressed again');
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("the shell is written in the page's language, texts and attributes, and checked", () => {
  const en = { app: { title: 'Activation Explorer', switchToLabel: 'Switch the page to Korean' } };
  const ko = { app: { title: '활성 함수 탐색기', switchToLabel: '영어로 보기 & <more>' } };
  const shell = '<p data-i18n="app.title">Activation Explorer</p><button data-i18n-attr="title:app.switchToLabel" title="Switch the page to Korean">x</button>';
  assert.equal(checkShell(shell, en), shell);
  const korean = translateShell(shell, ko);
  assert.equal(korean, '<p data-i18n="app.title">활성 함수 탐색기</p><button data-i18n-attr="title:app.switchToLabel" title="영어로 보기 &amp; &lt;more&gt;">x</button>');
  assert.equal(checkShell(korean, ko), korean);
  assert.throws(() => checkShell(shell, ko), /app\.title/);
  assert.throws(() => checkShell('<b data-i18n-attr="title:app.switchToLabel" title="old">x</b>', en), /switchToLabel/);
  assert.throws(() => checkShell('<p data-i18n="app.missing">x</p>', en), /app\.missing/);
});

test('a page per language: its language, links to the other, its dictionary, no flash', () => {
  const dict = (lang) => ({
    app: {
      title: lang, pageTitle: `${lang} page`, description: `${lang} description`, toc: `${lang} contents`,
      switchTo: lang === 'en' ? '한국어' : 'English', switchToLabel: `${lang} switch`,
    },
  });
  const shell = '<html lang="en"><head><!-- @csp --><!-- @head --><!-- @assets --></head><body><header><!-- @header --></header>'
    + '<nav><!-- @toc --></nav><main><!-- @sections --></main></body></html>';
  const page = (lang, options = {}) => languagePage({
    shell, lang, dict: dict(lang), markup: { toc: '<ol class="toc-list"></ol>', sections: '<section></section>' },
    assets: '<script type="module" src="x.js"></script>', headScript: 'HEAD()', ...options,
  });
  const english = page('en');
  const korean = page('ko');
  assert.equal([pagePath('en'), pagePath('ko'), rootOf('en'), rootOf('ko')].join(' '), 'index.html ko/index.html  ../');
  assert.match(english, /<html lang="en" class="no-js" data-default-language data-root="" data-part="article">/);
  assert.match(korean, /<html lang="ko" class="no-js" data-root="..\/" data-part="article">/, 'only the root page follows the browser');
  assert.match(korean, /<title data-i18n="app.pageTitle">ko page<\/title>/);
  assert.match(korean, /<meta name="description" content="ko description"/);
  assert.match(korean, /<link rel="canonical" href="..\/ko\/index.html">/);
  assert.match(korean, /<link rel="alternate" hreflang="en" href="..\/index.html">/);
  assert.match(korean, /<link rel="alternate" hreflang="x-default" href="..\/index.html">/);
  assert.match(english, /<link rel="alternate" hreflang="ko" href="ko\/index.html">/);
  assert.match(korean, /<a id="lang-toggle"[^>]* lang="en"[^>]*href="..\/index.html" hreflang="en">English<\/a>/);
  assert.ok(english.indexOf('<script>HEAD()</script>') < english.indexOf('x.js'), 'the head script runs before anything loads');
  assert.deepEqual(JSON.parse(korean.match(/<script type="application\/json" id="page-dictionary">(.*)<\/script>/)[1]), dict('ko'));
  const absolute = page('ko', { siteUrl: 'https://example.edu/explorer/' });
  assert.match(absolute, /<link rel="canonical" href="https:\/\/example.edu\/explorer\/ko\/index.html">/);
  // The part beyond the article: its own page in each language, title and description its own.
  const info = { title: 'ko beyond', description: 'ko beyond <described>' };
  const beyond = page('ko', { part: 'beyond', info });
  assert.equal([pagePath('en', 'beyond'), pagePath('ko', 'beyond')].join(' '), 'beyond.html ko/beyond.html');
  assert.throws(() => pagePath('en', 'elsewhere'), /no page for the part "elsewhere"/);
  assert.match(beyond, /<html lang="ko" class="no-js" data-root="..\/" data-part="beyond">/);
  assert.match(beyond, /<title>ko beyond · ko<\/title>/, "the part, then the site");
  assert.match(beyond, /<meta name="description" content="ko beyond &lt;described&gt;">/);
  assert.match(beyond, /<link rel="canonical" href="..\/ko\/beyond.html">/);
  assert.match(beyond, /<link rel="alternate" hreflang="en" href="..\/beyond.html">/);
  assert.match(beyond, /<a id="lang-toggle"[^>]*href="..\/beyond.html" hreflang="en">English<\/a>/);
  assert.throws(() => languagePage({ shell: '<html lang="ko"></html>', lang: 'en', dict: dict('en'), markup: {}, assets: '', headScript: '' }), /must start <html lang="en">/);
});

test('the wasm comes out of whichever script carries it, and only one may', () => {
  const wasm = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const uri = `"data:application/octet-stream;base64,${wasm.toString('base64')}"`;
  const out = externaliseWasmIn({ 'app.js': 'import"./core-x.js";', 'core-x.js': `var w=${uri};` });
  assert.equal(out.carrier, 'core-x.js');
  assert.equal(out.scripts['core-x.js'], 'var w="activation-core.wasm";');
  assert.equal(out.scripts['app.js'], 'import"./core-x.js";');
  assert.deepEqual([...out.wasm], [...wasm]);
  assert.throws(() => externaliseWasmIn({ 'a.js': `x=${uri}`, 'b.js': `y=${uri}` }), /in 2/);
  assert.throws(() => externaliseWasmIn({ 'a.js': 'x' }), /in 0/);
});
