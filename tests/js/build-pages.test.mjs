// The pages beside the site's index (build_scripts/lib/): CSP and its hashes, inlining code
// safely, the glue patch for the inlined wasm, one render of the sections for the page, the
// embed templates and the single file, and the embeds' content scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { SITE_CSP, cspHash, siteCspFor, singleFileCsp, insertCsp } from '../../build_scripts/lib/csp.mjs';
import { EARLY_SCRIPT, checkInlineScript, inlineJson, embedContentScript, renderSingleFile } from '../../build_scripts/lib/single-file.mjs';
import { patchGlueForInlineWasm } from '../../build_scripts/lib/bundle.mjs';
import { embedTemplates, pageMarkup, renderSectionParts } from '../../build_scripts/lib/render.mjs';
import { pageSections, readContent } from '../../build_scripts/lib/content.mjs';
import { readFrameworks } from '../../build_scripts/lib/frameworks.mjs';
import { escapeHtml } from '../../build_scripts/lib/html.mjs';
import { loadRegistry, pageDictionaries, staticsContext } from '../../build_scripts/build-web.mjs';
import { makeTranslator } from '../../web/src/text/i18n.js';

const { list, comparisons, groups } = await loadRegistry();
const sections = pageSections(list, comparisons, groups);
const { html: prose, meta } = await readContent(sections);
const { dictionaries } = await pageDictionaries(sections, meta);
const { data: frameworks } = readFrameworks(sections, meta);
const contextOf = (lang) => staticsContext({ list, comparisons, groups, frameworks }, makeTranslator(dictionaries[lang]));
const render = (lang) => {
  const parts = renderSectionParts(sections, dictionaries[lang], prose[lang]);
  return { parts, ctx: contextOf(lang), markup: pageMarkup(parts, contextOf(lang)) };
};
const en = render('en');
const ko = render('ko');

test('the site policy allows only its own scripts and wasm compilation', () => {
  assert.match(SITE_CSP, /(^|; )default-src 'none'(;|$)/);
  assert.match(SITE_CSP, /(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(SITE_CSP, /'unsafe-eval'|unsafe-inline|\*|https?:/);
});

test("the site page's inline stylesheet is allowed by its hash, and only it", () => {
  const css = 'body{margin:0}';
  const policy = siteCspFor(`<head><style>${css}</style></head>`);
  assert.match(policy, new RegExp(`style-src 'self' ${cspHash(css).replace(/[+/=]/g, '\\$&')}(;|$)`));
  assert.equal(policy.replace(/ 'sha256-[^']+'/, ''), SITE_CSP);
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.equal(siteCspFor('<head><link rel="stylesheet" href="./styles.css"></head>'), SITE_CSP);
});

test('the single file allows its inline code by sha256 and nothing else', () => {
  const js = 'console.log("hi")';
  const expected = `'sha256-${createHash('sha256').update(js).digest('base64')}'`;
  assert.equal(cspHash(js), expected);
  const policy = singleFileCsp({ scripts: [js], styles: ['p{}'] });
  assert.match(policy, new RegExp(`script-src ${expected.replace(/[+/]/g, '\\$&')} 'wasm-unsafe-eval'`));
  assert.match(policy, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(policy, /'self'|'unsafe-eval'|unsafe-inline/);
  assert.equal(insertCsp('<head><!-- @csp --></head>', "default-src 'none'"),
    `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`);
  assert.throws(() => insertCsp('<head></head>', 'x'), /found 0/);
});

test('code is inlined only when it cannot end its element early', () => {
  assert.throws(() => checkInlineScript('var a="</script>"'), /<\/script/);
  assert.throws(() => checkInlineScript('var a="<!--"'), /<!--/);
  assert.equal(checkInlineScript('a<b'), 'a<b');
  const json = inlineJson('prose-en', { x: '</script><script>alert(1)</script>' });
  assert.doesNotMatch(json.slice(0, -'</script>'.length), /<\/script|<script>alert/);
  assert.deepEqual(JSON.parse(json.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')), { x: '</script><script>alert(1)</script>' });
});

test('the glue is patched to decode its inlined wasm without fetching a data: URL', () => {
  const glue = readFileSync(new URL('../../web/src/generated/activation-core-wasm.js', import.meta.url), 'utf8');
  const patched = patchGlueForInlineWasm(glue);
  assert.equal(patched.length - glue.length, '!isDataURI(wasmBinaryFile)&&'.length);
  assert.throws(() => patchGlueForInlineWasm('function isDataURI(){}'), /no longer looks like/);
});

test('one render per language: explanations in the page, nested sections inside their parent', () => {
  for (const [lang, { parts, markup: { sections: page, toc } }] of [['en', en], ['ko', ko]]) {
    for (const { id, parent } of sections) {
      // Every explanation is in the page's HTML, in the page's language.
      if (prose[lang][id]) assert.ok(page.includes(`<div class="prose" data-prose="${id}">${prose[lang][id]}</div>`), `${lang} ${id} prose`);
      assert.ok(page.includes(parts.get(id).title), `${lang} ${id} title`);
      if (parent) {
        assert.ok(page.match(new RegExp(`<section id="${parent}"[\\s\\S]*?<section id="${id}"[^>]*><h3`)), `${id} is an h3 inside ${parent}`);
        assert.doesNotMatch(toc, new RegExp(`href="#${id}"`));
      } else {
        assert.match(toc, new RegExp(`href="#${id}" data-i18n="section.${id}">`));
      }
    }
  }
  // Sections in the registry's order: the first screen's chart, the introduction, the functions.
  const order = [...en.markup.sections.matchAll(/<section id="([\w-]+)"/g)].map((m) => m[1]);
  assert.deepEqual(order, sections.map((s) => s.id));
});

test('the labs hold what a reader without scripts can read: properties, the summary, the picker', () => {
  const t = makeTranslator(dictionaries.en);
  const page = en.markup.sections;
  for (const spec of list) {
    const lab = page.match(new RegExp(`<div class="lab lab-${spec.kind}" id="${spec.slug}-lab"[\\s\\S]*?</dl></div></div>`))?.[0];
    assert.ok(lab, `${spec.slug} lab with its properties`);
    assert.match(lab, /<noscript><p class="chart-noscript" data-i18n="app.chartNeedsScript">/);
    for (const row of ['range', 'f0', 'maxAbsDerivative', 'monotonic']) assert.match(lab, new RegExp(`<dd data-prop="${row}">[^<]+</dd>`), `${spec.slug} ${row}`);
  }
  const summary = page.match(/<table id="summary-table"[\s\S]*?<\/table>/)[0];
  assert.deepEqual([...summary.matchAll(/<tr data-slug="([\w-]+)">/g)].map((m) => m[1]), list.map((s) => s.slug));
  const picker = comparisons.find((c) => c.style === 'picker');
  const chips = page.match(new RegExp(`id="${picker.id}-lab"[\\s\\S]*?</ul>`))[0];
  // Its part's functions with a curve, no other (the part beyond the article has its own page).
  const part = sections.find((sec) => sec.id === picker.id).part;
  const own = sections.filter((sec) => sec.spec && sec.spec.kind !== 'vector' && sec.part === part).map((sec) => sec.id);
  assert.deepEqual([...chips.matchAll(/<a class="chip" href="#([\w-]+)" data-slot="\d+">/g)].map((m) => m[1]), own);
  assert.ok(own.length < list.length - 1, 'the article\'s functions only');
  assert.match(page, new RegExp(`<a class="picker-more" href="#${picker.featured}">${t('picker.readAbout', { name: t(`fn.${picker.featured}`) })}`));
});

test('the embed templates hold one section each, heading at level 1, explanation filled by script', () => {
  const templates = embedTemplates(en.parts, en.ctx);
  const ids = [...templates.matchAll(/<template id="embed-template-([\w-]+)">/g)].map((m) => m[1]);
  assert.deepEqual(ids, sections.filter((s) => !['text', 'group', 'summary'].includes(s.kind)).map((s) => s.id));
  for (const id of ids) {
    const template = templates.match(new RegExp(`<template id="embed-template-${id}">([\\s\\S]*?)</template>`))[1];
    assert.match(template, new RegExp(`^<section id="${id}"[^>]*><h1 id="${id}-title"`));
    assert.doesNotMatch(template, /class="section [^"]*section-nested"/, `${id}'s embed holds no nested section`);
    if (prose.en[id]) assert.match(template, new RegExp(`<div class="prose" data-prose="${id}"></div>`));
  }
});

test('content scripts define explanations for embeds', () => {
  const sandbox = { self: {} };
  vm.runInNewContext(embedContentScript('ko', { elu: '<p>한국어</p>' }), sandbox);
  vm.runInNewContext(embedContentScript('en', { elu: '<p>English</p>' }), sandbox);
  assert.deepEqual(JSON.parse(JSON.stringify(sandbox.self.activationExplorerProse)), { ko: { elu: '<p>한국어</p>' }, en: { elu: '<p>English</p>' } });
});

test('the single file: inline style and scripts, hashed in its policy, content as JSON', () => {
  const shell = '<html lang="en"><head><!-- @csp --><!-- @head --><!-- @assets --></head><body><header><!-- @header --></header><!-- @toc --><!-- @sections --></body></html>';
  const js = 'document.title="x"';
  const css = 'body{color:red}';
  const headScript = 'document.documentElement.classList.remove("no-js")';
  const html = renderSingleFile({
    shell, dict: dictionaries.en, markup: { toc: '<ol></ol>', sections: '<section></section>' }, css, js, headScript,
    templates: '<template id="t"></template>', html: { en: { a: '<p>a</p>' }, ko: { a: '<p>가</p>' } },
  });
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.deepEqual(inlineScripts, [headScript, EARLY_SCRIPT, js]);
  for (const code of inlineScripts) assert.ok(policy.includes(cspHash(code)), 'every inline script is in the policy');
  assert.ok(policy.includes(cspHash(css)));
  assert.match(html, /<script type="application\/json" id="prose-ko">\{"a":"\\u003cp>가\\u003c\/p>"\}<\/script>/);
  assert.ok(html.indexOf('id="prose-en"') < html.lastIndexOf('<script>'), 'content comes before the script that reads it');
  assert.match(html, /<button type="button" id="lang-toggle"/, 'the single file switches language in place');
  assert.doesNotMatch(html, /rel="canonical"|hreflang/, 'a file has no address of its own');
  assert.throws(() => renderSingleFile({ shell, dict: dictionaries.en, markup: { toc: '', sections: '' }, css, js: 'x="</script>"', headScript, templates: '', html: { en: {}, ko: {} } }), /<\/script/);
});

test("a link to another part's section points at that part's page; the single file keeps #id", () => {
  const beyond = sections.find((s) => s.part === 'beyond' && s.spec);
  const article = sections.find((s) => s.part === 'article' && s.spec);
  assert.ok(beyond && article, 'the registry has functions in both parts');
  const proseOf = { [article.id]: `<p><a href="#${beyond.id}">x</a> <a href="#${article.id}">y</a></p>`, [beyond.id]: `<p><a href="#${article.id}">z</a></p>` };
  const parts = renderSectionParts(sections, dictionaries.en, proseOf);
  const fileOfPart = (part) => `${part}-page.html`;
  const articlePage = pageMarkup(parts, contextOf('en'), { part: 'article', fileOfPart }).sections;
  const beyondPage = pageMarkup(parts, contextOf('en'), { part: 'beyond', fileOfPart }).sections;
  assert.match(articlePage, new RegExp(`<a href="beyond-page.html#${beyond.id}">x</a> <a href="#${article.id}">y</a>`));
  assert.match(beyondPage, new RegExp(`<a href="article-page.html#${article.id}">z</a>`));
  assert.match(pageMarkup(parts, contextOf('en')).sections, new RegExp(`<a href="#${beyond.id}">x</a>`), 'one page holds every part');
});

test('the frameworks section holds its table of defaults for readers without scripts: a row per function and parameter, a cell per framework', () => {
  const section = sections.find((s) => s.kind === 'frameworks');
  assert.ok(section, 'the registry has a frameworks section');
  const page = en.markup.sections;
  const table = page.match(new RegExp(`<table id="${section.id}-defaults"[\\s\\S]*?</table>`))?.[0] ?? '';
  assert.deepEqual([...table.matchAll(/<th scope="col" data-framework="([\w-]+)">/g)].map((m) => m[1]), frameworks.frameworks.map((f) => f.id));
  assert.deepEqual([...table.matchAll(/<tr data-slug="([\w-]+)" data-param="(\w+)">/g)].map((m) => `${m[1]}.${m[2]}`),
    frameworks.defaults.map((d) => `${d.slug}.${d.param}`));
  for (const { values } of frameworks.defaults) {
    for (const { api, more } of Object.values(values)) {
      for (const call of [api, ...more.map((m) => m.api)]) assert.ok(table.includes(`<code>${escapeHtml(call)}</code>`), call);
    }
  }
});
