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
import { loadRegistry, pageDictionaries } from '../../build_scripts/build-web.mjs';

const { list, comparisons } = await loadRegistry();
const sections = pageSections(list, comparisons);
const { html: prose, meta } = await readContent(sections);
const { dictionaries } = await pageDictionaries(sections, meta);
const parts = renderSectionParts(sections, dictionaries.en, prose);

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

test('one render: the page nests sections, the embed templates hold one section each', () => {
  const { sections: page, toc } = pageMarkup(parts, dictionaries.en);
  const templates = embedTemplates(parts);
  const ids = [...templates.matchAll(/<template id="embed-template-([\w-]+)">/g)].map((m) => m[1]);
  assert.deepEqual(ids, [...list.map((s) => s.slug), ...comparisons.map((c) => c.id)]);
  for (const spec of list) {
    const template = templates.match(new RegExp(`<template id="embed-template-${spec.slug}">([\\s\\S]*?)</template>`))[1];
    assert.match(template, new RegExp(`^<section id="${spec.slug}"[^>]*><h1 id="${spec.slug}-title"`));
    assert.match(template, new RegExp(`data-lab="${spec.slug}" data-kind="${spec.kind}"`));
    // The same body as on the page: rendered once.
    assert.ok(page.includes(parts.get(spec.slug).body), `${spec.slug}: the page and the embed share one render`);
    if (spec.parent) {
      const parent = page.match(new RegExp(`<section id="${spec.parent}"[\\s\\S]*?<section id="${spec.slug}"[^>]*><h3`));
      assert.ok(parent, `${spec.slug} is an h3 inside ${spec.parent}`);
      assert.doesNotMatch(toc, new RegExp(`href="#${spec.slug}"`));
    } else {
      assert.match(toc, new RegExp(`href="#${spec.slug}"`));
      assert.doesNotMatch(templates.match(new RegExp(`<template id="embed-template-${spec.slug}">[\\s\\S]*?</template>`))[0],
        /<section id="[^"]+" class="section section-[a-z]+ section-nested"/, `${spec.slug}'s embed holds no nested section`);
    }
  }
});

test('content scripts define explanations for embeds', () => {
  const sandbox = { self: {} };
  vm.runInNewContext(embedContentScript('ko', { elu: '<p>한국어</p>' }), sandbox);
  vm.runInNewContext(embedContentScript('en', { elu: '<p>English</p>' }), sandbox);
  assert.deepEqual(JSON.parse(JSON.stringify(sandbox.self.activationExplorerProse)), { ko: { elu: '<p>한국어</p>' }, en: { elu: '<p>English</p>' } });
});

test('the single file: inline style and scripts, hashed in its policy, content as JSON', () => {
  const shell = '<html><head><!-- @csp --><!-- @assets --></head><body><!-- @toc --><!-- @sections --></body></html>';
  const js = 'document.title="x"';
  const css = 'body{color:red}';
  const html = renderSingleFile({
    shell, markup: { toc: '<ol></ol>', sections: '<section></section>' }, css, js, templates: '<template id="t"></template>',
    html: { en: { a: '<p>a</p>' }, ko: { a: '<p>가</p>' } },
  });
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.deepEqual(inlineScripts, [EARLY_SCRIPT, js]);
  for (const code of inlineScripts) assert.ok(policy.includes(cspHash(code)), 'every inline script is in the policy');
  assert.ok(policy.includes(cspHash(css)));
  assert.match(html, /<script type="application\/json" id="prose-ko">\{"a":"\\u003cp>가\\u003c\/p>"\}<\/script>/);
  assert.ok(html.indexOf('id="prose-en"') < html.lastIndexOf('<script>'), 'content comes before the script that reads it');
  assert.throws(() => renderSingleFile({ shell, markup: { toc: '', sections: '' }, css, js: 'x="</script>"', templates: '', html: { en: {}, ko: {} } }), /<\/script/);
});
