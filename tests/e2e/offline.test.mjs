// Offline and static hosting (issue 4): dist/activation-explorer.html renders every section
// from file:// with every network request blocked, share-link queries and ?fn= embed views
// included; dist/ uses relative URLs only, works from a sub-path, and every page carries a
// strict Content-Security-Policy.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  useSite, openPage, waitForReady, buildAllCharts, waitForChart, readChart, dataset, comparePoints, frames, nodeCore, DIST,
} from './harness.mjs';
import {
  watchScript, recordTraffic, assertOnlyOrigins, assertCleanPage, expectedState, SINGLE, singleUrl, openOffline as openKitOffline,
} from './share-kit.mjs';
import { registry, checkSection } from './registry-kit.mjs';
import { cspHash } from '../../build_scripts/lib/csp.mjs';
import { startServer } from '../../build_scripts/serve.mjs';

const site = useSite();
const core = await nodeCore();
const openOffline = (url) => openKitOffline(site.browser, url);

async function finishOffline({ page, close, requests, dialogs }) {
  await assertCleanPage(page, dialogs);
  assertOnlyOrigins(requests, ['file://']);
  await close();
}

test('the single file renders every section from file:// with every network request blocked', async () => {
  const opened = await openOffline(singleUrl());
  const { page } = opened;
  await waitForReady(page);
  const canvases = await buildAllCharts(page);
  assert.deepEqual(canvases, registry.canvasIds.map((id) => `#${id}`), 'every chart, each plotting data');
  const report = await page.evaluate(() => ({
    sections: document.querySelectorAll('main section[id]').length,
    prose: Object.fromEntries([...document.querySelectorAll('[data-prose]')].map((el) => [el.dataset.prose, el.textContent.trim().length])),
    formulas: document.querySelectorAll('.formulas math').length,
    summaryRows: document.querySelectorAll('#summary-table tbody tr[data-slug]').length,
    coreError: !document.getElementById('core-error').hidden,
    policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
  }));
  const siteSections = registry.pages.reduce((n, pg) => n + readFileSync(path.join(DIST, pg.path), 'utf8').match(/<section id=/g).length, 0);
  assert.equal(report.sections, siteSections, 'every section of every page of the site');
  for (const id of ['intro', ...registry.functions, ...registry.comparisons.map((c) => c.id)]) {
    assert.ok(report.prose[id] > 200, `the explanation of ${id} is there (${report.prose[id]} characters)`);
  }
  assert.equal(report.formulas, registry.formulaCount, 'every function\'s formulas');
  assert.equal(report.summaryRows, registry.list.length, 'a summary row per function');
  assert.equal(report.coreError, false, 'the inlined core loaded');
  assert.match(report.policy, /script-src( 'sha256-[^']+')+ 'wasm-unsafe-eval'/);
  for (const id of registry.embeddable) assert.deepEqual(await checkSection(page, id), [], `${id} plots core.js values`);

  // Switching language uses the inlined Korean explanations.
  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-prose]')].every((el) => el.lang === 'ko' && el.childElementCount > 0));
  await finishOffline(opened);
});

test('share-link queries and ?fn= embed views work from file:// offline', async () => {
  const query = '?lang=ko&elu.alpha=0.5&elu.xmin=-6&softmax.logits=1,2,3&compare-all.shown=relu,elu#elu';
  let opened = await openOffline(singleUrl(query));
  let { page } = opened;
  await waitForReady(page);
  const { state } = await expectedState(query.split('#')[0]);
  assert.deepEqual(await page.evaluate(() => window.activationExplorer.state()), state);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  const chart = await waitForChart(page, '#elu-chart');
  assert.deepEqual([chart.xMin, chart.xMax], [-6, 3]);
  assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: 0.5 })), []);
  // The file's own address follows the controls, and its links point at the file.
  await page.locator('#elu-alpha-input').fill('2');
  await page.locator('#elu-alpha-input').press('Enter');
  await page.waitForTimeout(400);
  assert.equal(new URL(page.url()).searchParams.get('elu.alpha'), '2');
  await page.locator('#elu-embed').click();
  const code = await page.locator('#embed-code').inputValue();
  assert.ok(code.includes(`src="${singleUrl('?fn=elu&amp;hide=text&amp;lang=ko&amp;elu.xmin=-6&amp;elu.alpha=2')}"`), code);
  await page.keyboard.press('Escape');
  await finishOffline(opened);

  opened = await openOffline(singleUrl('?fn=maxout&hide=text&maxout.pieces=-1:0,1:0,0.5:1&nope=1'));
  ({ page } = opened);
  await page.waitForFunction(() => window.activationExplorer?.chart('maxout-chart')?.$curves.some((d) => d.data.length > 0));
  await frames(page, 2);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('embed-mode')), true);
  assert.equal(await page.locator('.site-header, .toc, #summary').count(), 0, 'the page around the embed is gone');
  assert.equal(await page.locator('section').count(), 1);
  const maxout = await readChart(page, '#maxout-chart');
  const pieces = [{ w: -1, b: 0 }, { w: 1, b: 0 }, { w: 0.5, b: 1 }];
  assert.deepEqual(comparePoints(dataset(maxout, 'max').data, (xs) => core.maxout(xs, pieces).y), []);
  await page.waitForFunction(() => document.querySelectorAll('#url-notice li').length > 0);
  assert.match(await page.locator('#url-notice').textContent(), /nope/);
  assert.equal(await page.locator('#embed-open').getAttribute('href'), singleUrl('?lang=en&maxout.pieces=-1:0,1:0,0.5:1#maxout'));

  // …and the link opens the whole explorer from the same file, still offline.
  const [popup] = await Promise.all([opened.context.waitForEvent('page'), page.locator('#embed-open').click()]);
  await waitForReady(popup);
  assert.equal(await popup.locator('#maxout-piece-2-b').inputValue(), '1');
  assert.equal(new URL(popup.url()).hash, '#maxout');
  await finishOffline(opened);
});

test('a copy of the single file under another name points its links at itself', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ae-copy-'));
  const copy = path.join(dir, 'Week 3 explorer.html');
  cpSync(SINGLE, copy);
  const opened = await openOffline(`${pathToFileURL(copy).href}?elu.alpha=3`);
  const { page } = opened;
  await waitForReady(page);
  assert.equal(await page.locator('#elu-alpha-input').inputValue(), '3');
  await page.locator('#sigmoid-embed').click();
  assert.match(await page.locator('#embed-code').inputValue(), /src="file:\/\/[^"]*\/Week%203%20explorer\.html\?fn=sigmoid&amp;/);
  await page.keyboard.press('Escape');
  await finishOffline(opened);
  rmSync(dir, { recursive: true, force: true });
});

// ---- the static site

const htmlFiles = () => readdirSync(DIST, { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/'));
const withoutScripts = (html) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script></script>');
// Scripts the browser runs from the HTML itself (data blocks such as type="application/json" are not run).
const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

test('dist/ uses relative URLs only, no inline handlers, and a strict CSP on every page', () => {
  const pages = registry.pages.flatMap((pg) => [pg.path, pg.koPath]);
  assert.deepEqual(htmlFiles().sort(), ['activation-explorer.html', 'embed.html', ...pages].sort());
  for (const name of htmlFiles()) {
    const html = readFileSync(path.join(DIST, name), 'utf8');
    const markup = withoutScripts(html); // <template>s stay: they become markup in embeds
    for (const [, attr, url] of markup.matchAll(/\s(src|href|action|srcset|poster)="([^"]*)"/gi)) {
      assert.ok(/^(\.\.?\/|#|data:)/.test(url) || /^([\w-]+\/)*[\w-]+\.\w+(#[\w-]+)?$/.test(url), `${name}: ${attr}="${url}" is not a relative URL`);
    }
    assert.doesNotMatch(markup, /\son[a-z]+\s*=/i, `${name}: no inline event handlers`);
    assert.doesNotMatch(markup, /\sstyle\s*=/i, `${name}: no style attributes (style-src has no 'unsafe-inline')`);
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)].map((m) => m[1]);
    assert.equal(policies.length, 1, `${name}: one CSP`);
    const [policy] = policies;
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'|\*|https?:|'strict-dynamic'/, `${name}: ${policy}`);
    assert.ok(html.indexOf(policy) < html.search(/<script|<link rel="stylesheet"|<style/), `${name}: the policy comes before any script or style`);
    // Every inline script and style is allowed by its hash, and nothing else inline is.
    const inline = inlineScripts(html);
    for (const code of inline) assert.ok(policy.includes(cspHash(code)), `${name}: each inline script is allowed by its hash`);
    for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) assert.ok(policy.includes(cspHash(css)), `${name}: the inline style by its hash`);
    const scriptHashes = policy.match(/script-src[^;]*/)[0].match(/'sha256-/g)?.length ?? 0;
    assert.equal(scriptHashes, inline.length, `${name}: a hash for each inline script, no more`);
    if (name === 'activation-explorer.html') {
      assert.doesNotMatch(html, /<script[^>]+src=|<link rel="stylesheet"/, 'nothing is loaded from outside the file');
    } else {
      assert.match(policy, /script-src 'self' /);
    }
  }
  for (const name of readdirSync(DIST).filter((f) => /^(embed-)?content-\w+\.js$/.test(f))) {
    assert.doesNotMatch(readFileSync(path.join(DIST, name), 'utf8'), /\son[a-z]+\s*=\\?"|<script/i, `${name}: explanations carry no script`);
  }
});

test('dist/ works from a sub-path of a static host, requesting nothing from another origin', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ae-host-'));
  const sub = path.join(dir, 'courses', 'ml-101', 'explorer');
  cpSync(DIST, sub, { recursive: true });
  const server = await startServer({ dir });
  const base = `${server.url}courses/ml-101/explorer/`;
  try {
    let opened = await openPage(site.browser, `${base}?elu.alpha=0.5#elu`, { goto: false, initScripts: [watchScript] });
    let traffic = recordTraffic(opened.page);
    await opened.page.goto(`${base}?elu.alpha=0.5#elu`);
    await waitForReady(opened.page);
    const chart = await waitForChart(opened.page, '#elu-chart');
    assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: 0.5 })), []);
    assert.ok(traffic.requests.every((url) => url.startsWith(base) || url.startsWith('data:')), traffic.requests.join('\n'));
    await assertCleanPage(opened.page, traffic.dialogs);
    await opened.close();

    opened = await openPage(site.browser, `${base}embed.html?fn=tanh`, { goto: false, initScripts: [watchScript] });
    traffic = recordTraffic(opened.page);
    await opened.page.goto(`${base}embed.html?fn=tanh&tanh.xmin=-2`);
    await opened.page.waitForFunction(() => window.activationExplorer?.chart('tanh-chart')?.$curves.some((d) => d.data.length > 0));
    assert.equal(await opened.page.locator('#embed-open').getAttribute('href'), `${base}index.html?lang=en&tanh.xmin=-2#tanh`);
    assertOnlyOrigins(traffic.requests, [base]);
    await assertCleanPage(opened.page, traffic.dialogs);
    await opened.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
