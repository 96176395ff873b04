// Share links (issue 4): a link's settings reach every control, chart and readout; moving
// a control rewrites the address with replaceState, a few times a second at most, and a
// reload restores it; copy-link buttons and the embed dialog; malformed and hostile links
// are reported in a notice, the page keeps working and no script runs; nothing is
// requested from another origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, nodeCore, pageFormat, waitForChart, waitForReady, dataset, comparePoints, frames,
} from './harness.mjs';
import {
  watchScript, recordTraffic, assertOnlyOrigins, assertCleanPage, expectedState, stateTable, iframeAttributes,
} from './share-kit.mjs';
import {
  registry, fieldsOf, sectionOf, checkSection, insideValue, isDefault,
} from './registry-kit.mjs';

const site = useSite();
const core = await nodeCore();
const { formatNumber } = await pageFormat();

// Counts address writes: replaceState calls (with their time) and pushState calls.
function countWrites() {
  const writes = [];
  const pushes = [];
  Object.defineProperty(window, '__urlWrites', { value: writes });
  Object.defineProperty(window, '__urlPushes', { value: pushes });
  const replace = History.prototype.replaceState;
  const push = History.prototype.pushState;
  History.prototype.replaceState = function replaceState(...args) {
    writes.push({ t: performance.now(), url: String(args[2]) });
    return replace.apply(this, args);
  };
  History.prototype.pushState = function pushState(...args) {
    pushes.push(String(args[2]));
    return push.apply(this, args);
  };
}

/** A ready page with the watchers installed and its traffic recorded from the first request. */
async function open(path = '', options = {}) {
  const opened = await site.open({ path, ready: false, goto: false, initScripts: [watchScript, countWrites], ...options });
  const traffic = recordTraffic(opened.page);
  await opened.page.goto(new URL(path, site.url).href);
  await waitForReady(opened.page);
  return { ...opened, ...traffic };
}

async function finish({ page, close, requests, dialogs }) {
  await assertCleanPage(page, dialogs);
  assertOnlyOrigins(requests, [site.url]);
  await close();
}

const inputValue = (page, selector) => page.locator(selector).inputValue();
const stateOf = (page) => page.evaluate(() => window.activationExplorer.state());

const LINK = '?lang=ko&elu.alpha=0.5&elu.xmin=-5&elu.xmax=2&leaky-relu.alpha=0.05&softplus.beta=3&prelu.a=-0.5'
  + '&sigmoid.xmin=-4&sigmoid.xmax=4&maxout.pieces=-1:0,1:0,0.5:1&softmax.logits=3,1,-2&softmax.temperature=0.5'
  + '&compare-all.shown=relu,elu&compare-all.derivatives=0&compare-relu-family.xmin=-2#elu';

test('a link with parameters opens with those values in controls, charts and readouts', async () => {
  const opened = await open(LINK);
  const { page } = opened;
  const expected = await expectedState(LINK.split('#')[0]);
  assert.deepEqual(expected.problems, []);
  assert.deepEqual(await stateOf(page), expected.state, 'the page state is exactly what the link says');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko', 'lang from the link beats the browser (en-US)');
  assert.equal(await page.locator('#url-notice').count(), 0, 'no notice for a good link');

  // Controls.
  assert.equal(await inputValue(page, '#elu-alpha-input'), '0.5');
  assert.equal(await inputValue(page, '#elu-alpha-slider'), '0.5');
  assert.equal(await inputValue(page, '#elu-xmin'), '-5');
  assert.equal(await inputValue(page, '#elu-xmax'), '2');
  assert.equal(await inputValue(page, '#leaky-relu-alpha-input'), '0.05');
  assert.equal(await inputValue(page, '#softplus-beta-input'), '3');
  assert.equal(await inputValue(page, '#prelu-a-input'), '-0.5');
  assert.equal(await page.locator('#sigmoid-range-3').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await Promise.all([0, 1, 2].flatMap((i) => [`#maxout-piece-${i}-w`, `#maxout-piece-${i}-b`]).map((s) => inputValue(page, s))),
    ['-1', '0', '1', '0', '0.5', '1']);
  assert.deepEqual(await Promise.all([0, 1, 2].map((i) => inputValue(page, `#softmax-logit-${i}`))), ['3', '1', '-2']);
  assert.equal(await inputValue(page, '#softmax-temperature-input'), '0.5');
  assert.equal(await page.locator('#compare-all-curve-elu').isChecked(), true);
  assert.equal(await page.locator('#compare-all-curve-sigmoid').isChecked(), false);
  assert.equal(await page.locator('#compare-all-derivatives').isChecked(), false);

  // Charts.
  const elu = await waitForChart(page, '#elu-chart');
  assert.deepEqual([elu.xMin, elu.xMax], [-5, 2]);
  assert.deepEqual(comparePoints(dataset(elu, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: 0.5 }), { what: 'elu f' }), []);
  assert.deepEqual(comparePoints(dataset(elu, 'df').data, (xs) => core.derivative('elu', xs, { alpha: 0.5 }), { gapsAt: [0], what: 'elu df' }), []);
  const pieces = [{ w: -1, b: 0 }, { w: 1, b: 0 }, { w: 0.5, b: 1 }];
  const maxout = await waitForChart(page, '#maxout-chart');
  assert.deepEqual(comparePoints(dataset(maxout, 'max').data, (xs) => core.maxout(xs, pieces).y, { what: 'maxout' }), []);
  const softmax = await waitForChart(page, '#softmax-chart');
  const probabilities = core.softmax([3, 1, -2], 0.5);
  softmax.datasets[0].data.forEach((p, i) => assert.ok(Math.abs(p - probabilities[i]) < 1e-12, `softmax p${i}`));
  const all = await waitForChart(page, '#compare-all-chart');
  const visible = all.datasets.filter((d) => !d.hidden).map((d) => d.label).sort();
  assert.deepEqual(visible, ['elu f', 'relu f']);
  const family = await waitForChart(page, '#compare-relu-family-chart');
  assert.deepEqual([family.xMin, family.xMax], [-2, 3]);

  // Readout: the keyboard puts the crosshair on the left end of the link's range.
  await page.locator('#elu-chart').focus();
  await page.keyboard.press('Home');
  await frames(page, 2);
  const readout = (await page.locator('#elu-readout').textContent()).replace(/\s+/g, ' ');
  assert.ok(readout.includes(`x = ${formatNumber(-5)}`), readout);
  assert.ok(readout.includes(`f(x) = ${formatNumber(core.evaluate('elu', [-5], { alpha: 0.5 })[0])}`), readout);
  assert.ok(readout.includes(`f′(x) = ${formatNumber(core.derivative('elu', [-5], { alpha: 0.5 })[0])}`), readout);
  await finish(opened);
});

test('moving a control rewrites the URL with replaceState, at most a few times a second; a reload restores it', async () => {
  const opened = await open();
  const { page } = opened;
  await waitForChart(page, '#elu-chart');
  const historyBefore = await page.evaluate(() => history.length);

  // Drag the slider for about 1.5 s.
  await page.evaluate(() => window.__e2e.settleInView(document.getElementById('elu-alpha-slider')));
  const box = await page.locator('#elu-alpha-slider').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.6, y);
  await page.mouse.down();
  for (let i = 0; i <= 40; i += 1) {
    await page.mouse.move(box.x + box.width * (0.6 - 0.5 * (i / 40)), y);
    await page.waitForTimeout(35);
  }
  await page.mouse.up();
  await page.waitForTimeout(400); // the trailing write

  const { writes, pushes, length, href } = await page.evaluate(() => ({
    writes: window.__urlWrites, pushes: window.__urlPushes, length: history.length, href: location.href,
  }));
  const alpha = await inputValue(page, '#elu-alpha-input');
  assert.notEqual(alpha, '1', 'the drag moved α');
  assert.equal(length, historyBefore, 'dragging adds no history entries');
  assert.deepEqual(pushes, []);
  assert.ok(writes.length >= 3, `the address followed the drag (${writes.length} writes)`);
  for (let i = 1; i < writes.length; i += 1) {
    assert.ok(writes[i].t - writes[i - 1].t >= 200, `writes ${i - 1} and ${i} are ${Math.round(writes[i].t - writes[i - 1].t)} ms apart`);
  }
  for (const w of writes) {
    const inSecond = writes.filter((o) => o.t >= w.t && o.t < w.t + 1000).length;
    assert.ok(inSecond <= 5, `${inSecond} writes within a second`);
  }
  assert.equal(new URL(href).searchParams.get('elu.alpha'), alpha, 'the last value is in the address');
  assert.equal(new URL(href).searchParams.get('lang'), 'en');

  // Other controls too: a range preset and a comparison toggle.
  await page.locator('#elu-range-10').click();
  await waitForChart(page, '#compare-all-chart');
  await page.locator('#compare-all-curve-tanh').uncheck();
  await page.waitForTimeout(400);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('elu.xmin'), '-10');
  assert.equal(url.searchParams.get('elu.xmax'), '10');
  assert.equal(url.searchParams.get('compare-all.shown').split(',').includes('tanh'), false);
  const state = await stateOf(page);

  await page.reload();
  await waitForReady(page);
  assert.deepEqual(await stateOf(page), state, 'a reload restores the whole state');
  assert.equal(await inputValue(page, '#elu-alpha-input'), alpha);
  const chart = await waitForChart(page, '#elu-chart');
  assert.deepEqual([chart.xMin, chart.xMax], [-10, 10]);
  assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: Number(alpha) })), []);
  assert.equal(await page.locator('#compare-all-curve-tanh').isChecked(), false);

  // The language (a link to the Korean page, carrying the view), and the section in view as the fragment.
  await page.locator('#lang-toggle').click();
  await page.waitForURL(/\/ko\/index\.html/);
  await waitForReady(page);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'ko');
  assert.deepEqual(await stateOf(page), { ...state, lang: 'ko' }, 'the Korean page opens with the same settings');
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await page.waitForTimeout(600);
  const { hash, inView } = await page.evaluate(() => {
    const line = innerHeight * 0.3;
    const ids = [...document.querySelectorAll('main section[id]')].filter((s) => {
      const r = s.getBoundingClientRect();
      return r.top <= line && r.bottom > line;
    }).map((s) => s.id);
    return { hash: location.hash, inView: ids.at(-1) };
  });
  assert.equal(hash, `#${inView}`, 'the fragment names the section in view');
  await page.reload();
  await waitForReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'one history entry: the other language\'s page');
  await finish(opened);
});

test('copy-link buttons copy the section or the whole view and confirm it; without the Clipboard API the link is shown selected', async () => {
  const opened = await open();
  const { page, context } = opened;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  await page.locator('#elu-alpha-input').fill('0.5');
  await page.locator('#elu-alpha-input').press('Enter');
  const button = page.locator('#elu-copy-link');
  assert.match(await button.textContent(), /Copy link/);
  await button.click();
  await page.waitForFunction(() => document.querySelector('#elu-copy-link').classList.contains('copied'));
  assert.match(await button.textContent(), /Link copied/);
  await page.waitForFunction(() => document.getElementById('share-status').textContent === 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${site.url}?lang=en&elu.alpha=0.5#elu`);

  await page.locator('#copy-view-link').click();
  await page.waitForFunction(() => document.querySelector('#copy-view-link').classList.contains('copied'));
  const view = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(view.search, '?lang=en&elu.alpha=0.5');
  assert.equal(view.origin + view.pathname, new URL(site.url).href);
  // The label comes back.
  await page.waitForFunction(() => !document.querySelector('#elu-copy-link').classList.contains('copied'), null, { timeout: 4000 });
  assert.match(await button.textContent(), /Copy link/);
  await finish(opened);

  // A browser without the Clipboard API (an http:// page, an old browser).
  const noClipboard = () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  const plain = await open('?softmax.temperature=2', { initScripts: [watchScript, countWrites, noClipboard], locale: 'ko-KR' });
  await plain.page.locator('#softmax-copy-link').click();
  const field = plain.page.locator('#copy-fallback-input');
  await field.waitFor({ state: 'visible' });
  // A Korean browser opened the Korean page, and its links lead there.
  assert.equal(await field.inputValue(), `${new URL('ko/index.html', site.url).href}?lang=ko&softmax.temperature=2#softmax`);
  const selection = await plain.page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value.length, readOnly: el.readOnly };
  });
  assert.deepEqual(selection, { id: 'copy-fallback-input', start: 0, end: selection.length, length: selection.length, readOnly: true });
  assert.match(await plain.page.locator('#copy-fallback').textContent(), /Ctrl\+C/);
  await plain.page.keyboard.press('Escape');
  assert.equal(await plain.page.locator('#copy-fallback').isVisible(), false);
  assert.equal(await plain.page.evaluate(() => document.activeElement.id), 'softmax-copy-link', 'focus returns to the button');
  await finish(plain);
});

// ---- a round trip for every section the registry defines

const round2 = (v) => Math.round(v * 100) / 100;

/**
 * Move every field of section `id` off its default through the page's own controls:
 * parameters and x-range in their number boxes, a list (pieces, logits) one item longer
 * where it may grow and every item retyped, a comparison's first shown curve off and first
 * hidden one on, its derivatives switched.
 */
async function setOffDefault(page, id) {
  const commit = async (selector, value) => {
    await page.locator(selector).fill(String(value));
    await page.locator(selector).press('Tab');
  };
  for (const field of fieldsOf(id)) {
    const name = field.key.startsWith(`${id}.`) ? field.key.slice(id.length + 1) : field.key; // `framework` has no prefix
    if (field.param !== undefined) await commit(`#${id}-${field.param}-input`, insideValue(field, 0.3));
    else if (name === 'xmin') await commit(`#${id}-xmin`, round2(field.default * 0.5 - 0.25));
    else if (name === 'xmax') await commit(`#${id}-xmax`, round2(field.default * 0.8));
    else if (field.kind === 'pieces' || field.kind === 'numberList') {
      const item = field.kind === 'pieces' ? 'piece' : 'logit';
      const count = await page.locator(`[id^="${id}-${item}-"][id$="-remove"]`).count();
      if (count < field.maxCount) await page.locator(`#${id}-add-${item}`).click();
      for (let i = 0; i < Math.min(count + 1, field.maxCount); i += 1) {
        if (field.kind === 'pieces') {
          await commit(`#${id}-piece-${i}-w`, round2((i - 1) * 0.75 + 0.25));
          await commit(`#${id}-piece-${i}-b`, round2(0.5 - 0.25 * i));
        } else {
          await commit(`#${id}-logit-${i}`, round2(1.5 - 0.7 * i));
        }
      }
    } else if (field.kind === 'slugSet') {
      const first = field.default[0];
      const hidden = field.values.find((s) => !field.default.includes(s));
      if (first) await page.locator(`#${id}-curve-${first}`).uncheck();
      if (hidden) await page.locator(`#${id}-curve-${hidden}`).check();
    } else if (field.kind === 'enum') {
      await page.locator(`#${id}-${name}-${field.values.find((v) => v !== field.default)}`).click();
    } else if (field.kind === 'bool') {
      await page.locator(`#${id}-${name}`).setChecked(!field.default);
    } else {
      throw new Error(`${field.key}: no way to set a ${field.kind} field`);
    }
  }
  await frames(page, 2);
}

/**
 * What a section draws, short of the sampled points (their number follows the plot's width,
 * which follows the y-axis labels): each chart's x-range and curves with their visibility,
 * and a bar chart's values. checkSection compares the points themselves with core.js.
 */
async function drawn(page, id) {
  const ids = sectionOf(id).kind === 'vector' ? [`${id}-logits-chart`, `${id}-chart`] : [`${id}-chart`];
  const charts = [];
  for (const canvas of ids) {
    const chart = await waitForChart(page, `#${canvas}`);
    charts.push({
      type: chart.type,
      xMin: chart.xMin,
      xMax: chart.xMax,
      datasets: chart.datasets.map(({ label, hidden, data }) => ({ label, hidden, ...(chart.type === 'bar' ? { data } : {}) })),
    });
  }
  return charts;
}

test('every section\'s copied link, with every field off its default, opens in a fresh context with the same state and curves', async (t) => {
  const opened = await open();
  const { page, context } = opened;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const blank = await site.open({ ready: false, goto: false, initScripts: [watchScript] });
  const fresh = { ...blank, ...recordTraffic(blank.page) };
  const table = await stateTable();
  let here = registry.pages[0].path;
  for (const id of registry.embeddable) {
    await t.test(id, async () => {
      if (registry.pageOf(id) !== here) { // the next part's page: its sections start from their defaults
        here = registry.pageOf(id);
        await page.goto(new URL(here, site.url).href);
        await waitForReady(page);
      }
      await waitForChart(page, `#${id}-chart`);
      await setOffDefault(page, id);
      const state = await stateOf(page);
      const left = fieldsOf(id).filter((f) => isDefault(state, table, f.key)).map((f) => f.key);
      assert.deepEqual(left, [], 'every field of the section is off its default');
      assert.deepEqual(await checkSection(page, id), [], 'the section draws its new state');
      const curves = await drawn(page, id);

      await page.locator(`#${id}-copy-link`).click();
      await page.waitForFunction((sel) => document.querySelector(sel).classList.contains('copied'), `#${id}-copy-link`);
      const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
      assert.equal(link.hash, `#${id}`, 'the link opens at the section');
      for (const f of fieldsOf(id)) assert.ok(link.searchParams.has(f.key), `the link carries ${f.key}: ${link.search}`);
      const { state: parsed, problems } = await expectedState(link.search);
      assert.deepEqual(problems, [], 'the link reads back without a problem');
      assert.deepEqual(parsed, state, 'the link holds the page\'s state');

      await fresh.page.goto('about:blank');
      await fresh.page.goto(link.href);
      await waitForReady(fresh.page);
      assert.deepEqual(await stateOf(fresh.page), state, 'the fresh page has the same state');
      assert.deepEqual(await checkSection(fresh.page, id), [], 'and draws it as core.js computes it');
      assert.deepEqual(await drawn(fresh.page, id), curves, 'the same curves, shown and hidden, as the page the link came from');
    });
  }
  await finish(fresh);
  await finish(opened);
});

test('the embed dialog writes iframe code for the current state, with a size and the parts to show', async () => {
  const opened = await open('?lang=en');
  const { page } = opened;
  await page.locator('#leaky-relu-alpha-input').fill('0.3');
  await page.locator('#leaky-relu-alpha-input').press('Enter');
  await page.locator('#leaky-relu-embed').click();
  const dialog = page.locator('#embed-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.getElementById('embed-dialog').open), true);
  assert.match(await page.locator('#embed-dialog-title').textContent(), /Leaky ReLU/);
  const code = () => page.locator('#embed-code').inputValue();
  // Parsed here, not in the page: its CSP (rightly) refuses the code's style attribute.
  const iframe = async () => iframeAttributes(await code());
  let frame = await iframe();
  assert.equal(frame.src, `${site.url}embed.html?fn=leaky-relu&hide=text&lang=en&leaky-relu.alpha=0.3`);
  assert.equal(frame.sandbox, 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
  assert.equal(frame.title, 'Activation Explorer: Leaky ReLU');
  assert.ok(Number(frame.height) >= 400);

  await page.locator('#embed-width').fill('500');
  await page.locator('#embed-show-derivative').uncheck();
  await page.locator('#embed-show-text').check();
  await page.locator('#embed-lock').check();
  frame = await iframe();
  assert.equal(frame.width, '500');
  assert.equal(frame.src, `${site.url}embed.html?fn=leaky-relu&hide=derivative&lock=all&lang=en&leaky-relu.alpha=0.3`);
  assert.equal(await page.locator('#embed-preview').getAttribute('href'), frame.src);
  await page.locator('#embed-height').fill('5');
  await page.locator('#embed-height').press('Tab');
  assert.equal((await iframe()).height, '200', 'sizes are kept within bounds');

  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.getElementById('embed-dialog').open), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'leaky-relu-embed', 'focus returns to the Embed button');
  // A comparison has no formula to offer; the other choices stay as they were.
  await page.locator('#compare-all-embed').click();
  assert.equal(await page.locator('#embed-show-formula').isVisible(), false);
  assert.match((await iframe()).src, /embed\.html\?fn=compare-all&hide=derivative&lock=all&lang=en$/);
  await page.locator('#embed-close').click();
  await finish(opened);
});

const CANARY = 'window.__pwned=1';
const HOSTILE = [
  'elu.alpha=abc',
  'leaky-relu.alpha=1e999',
  'softplus.beta=-5',
  'nope.alpha=1',
  `${encodeURIComponent(`<img src=x onerror="${CANARY}">`)}=1`,
  'sigmoid.xmin=5', 'sigmoid.xmax=1',
  `softmax.logits=1,<script>${CANARY}</script>`,
  'compare-all.shown=relu,javascript:alert(1)',
  `tanh.xmin=${'9'.repeat(5000)}`,
  `lang=<svg onload="${CANARY}">`,
  'maxout.pieces=1:2:3,x:1',
  `elu.xmax=${encodeURIComponent(`"><img src=x onerror="${CANARY}">`)}`,
  `${encodeURIComponent('\u202Eevil')}=${encodeURIComponent('\u0000\u2028')}`,
  ...Array.from({ length: 300 }, (_, i) => `k${i}=${i}`),
].join('&');

test('malformed and hostile links: a notice in the page language, a working page, no script run', async () => {
  const search = `?${HOSTILE}#${encodeURIComponent(`<img src=x onerror="${CANARY}">`)}`;
  const opened = await open(search, { locale: 'ko-KR' });
  const { page } = opened;
  const notice = page.locator('#url-notice');
  await notice.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelectorAll('#url-notice li').length > 0);
  assert.equal(await notice.getAttribute('role'), 'status');
  const text = await notice.textContent();
  assert.match(text, /이 링크의 설정/, 'in Korean, the browser language (the link\'s lang was bad)');
  for (const key of ['elu.alpha', 'leaky-relu.alpha', 'softplus.beta', 'nope.alpha']) assert.ok(text.includes(key), `the notice names ${key}`);
  assert.ok(text.includes('<img src=x onerror='), 'script-like text is shown as text');
  assert.equal(await notice.locator('img, script, svg, iframe, a').count(), 0, 'and never becomes markup');
  assert.equal(await notice.locator('li').count(), 7, 'six problems, then "…and n more"');
  assert.ok(text.length < 1500, `the notice stays small (${text.length} characters)`);

  // The page works with the values put right.
  const { state } = await expectedState(search, 'ko');
  assert.deepEqual(await stateOf(page), state);
  assert.equal(await inputValue(page, '#elu-alpha-input'), '1', 'a non-number falls back to the default');
  assert.equal(Number(await inputValue(page, '#leaky-relu-alpha-input')), (await stateTable()).byKey.get('leaky-relu.alpha').default,
    'an infinite number is not a number: the default is used');
  assert.ok(Number(await inputValue(page, '#softplus-beta-input')) > 0, 'out of range is clamped');
  await page.locator('#elu-alpha-slider').fill('2');
  const elu = await waitForChart(page, '#elu-chart');
  assert.deepEqual(comparePoints(dataset(elu, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: 2 })), []);
  await page.waitForTimeout(400);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('elu.alpha'), '2');
  assert.equal(url.searchParams.has('nope.alpha'), false, 'the address no longer carries what was dropped');

  // Dismissed, and not shown again on reload (the address was put right).
  await page.locator('#url-notice-dismiss').click();
  assert.equal(await notice.count(), 0);
  await page.reload();
  await waitForReady(page);
  await frames(page, 3);
  assert.equal(await page.locator('#url-notice').count(), 0);
  await finish(opened);
});

test('a link with too-long and repeated values is bounded and still opens quickly', async () => {
  const search = `?elu.alpha=0.5&elu.alpha=0.7&softmax.logits=${Array.from({ length: 50 }, (_, i) => i).join(',')}`
    + `&huge=${'x'.repeat(10000)}`; // servers refuse addresses much over 8–16 KB
  const opened = await open(search);
  const { page } = opened;
  assert.equal(await inputValue(page, '#elu-alpha-input'), '0.5', 'the first of repeated keys wins');
  assert.equal(await page.locator('#softmax-logits li').count(), 10, 'lists are cut to their maximum');
  await page.waitForFunction(() => document.querySelectorAll('#url-notice li').length > 0);
  const text = await page.locator('#url-notice').textContent();
  assert.ok(text.length < 800, `long values are clipped in the notice (${text.length} characters)`);
  assert.ok(page.url().length < 1000, 'and dropped from the address');
  await finish(opened);
});

test('malformed %-escapes in the query or the fragment break nothing', async () => {
  const opened = await open('?%E0%A4%A=1&elu.alpha=%ZZ&lang=ko%#%E0%A4%A');
  const { page } = opened;
  await page.waitForFunction(() => document.querySelectorAll('#url-notice li').length > 0);
  assert.match(await page.locator('#url-notice').textContent(), /elu\.alpha/);
  await waitForChart(page, '#elu-chart');
  await finish(opened); // no page error, nothing requested elsewhere
});
