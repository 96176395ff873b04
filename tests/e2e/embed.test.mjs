// Embeds (issue 4): embed.html?fn=… inside a sandboxed iframe on another origin renders,
// reports its height to the host (which sizes the iframe with README's snippet); the embed
// dialog's code works as pasted; hide/lock keys; bad keys; the "open in Activation
// Explorer" link carries the same state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  useSite, startHost, nodeCore, readChart, dataset, comparePoints, frames, waitForReady, ROOT,
} from './harness.mjs';
import {
  watchScript, recordTraffic, assertOnlyOrigins, assertCleanPage, expectedState, iframeAttributes, openOffline, singleUrl,
} from './share-kit.mjs';
import {
  registry, sectionOf, specOf, checkSection, lockables, controlsOf, translator,
} from './registry-kit.mjs';

const site = useSite();
const core = await nodeCore();
const RESIZE = 'activation-explorer:resize';

// The host-page lines README.md gives teachers: the test runs exactly those.
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const HOST_SNIPPET = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes(RESIZE) && code.includes('<script>'));
assert.ok(HOST_SNIPPET, 'README.md shows the host snippet in an ```html block');

// Records every resize message the host receives (on top of README's handler).
const RECORDER = `<script>window.__heights = [];
addEventListener('message', (e) => { if (e.data && e.data.type === '${RESIZE}') window.__heights.push({ origin: e.origin, height: e.data.height }); });
</script>`;

function hostPage(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Week 3 · Activations</title></head>
<body><h1>Week 3: activation functions</h1><p>Play with the chart, then answer the quiz.</p>
${body}
<p>Quiz: what is f′(−1) for this α?</p>
${RECORDER}
${HOST_SNIPPET}
</body></html>`;
}

/** A page with the watchers installed and its traffic recorded from the first request. */
async function open(target, options = {}) {
  const opened = await site.open({ path: target, ready: false, goto: false, initScripts: [watchScript], ...options });
  const traffic = recordTraffic(opened.page);
  await opened.page.goto(new URL(target, site.url).href);
  return { ...opened, ...traffic };
}

/** The embed in `frame` has mounted and its chart (`canvasId`) plots something. */
async function waitForEmbed(frame, canvasId) {
  await frame.waitForFunction((id) => {
    const chart = window.activationExplorer?.chart(id);
    return chart && (chart.$curves ?? chart.data.datasets).some((d) => !d.hidden && d.data.length > 0) && chart.chartArea;
  }, canvasId, { timeout: 15000 });
  await frames(frame, 2);
}

const embedFrame = (page) => page.frames().find((f) => f.url().includes('embed.html'));

test('an embed in a sandboxed iframe on another origin renders and reports its height; the host sizes it', async () => {
  const src = `${site.url}embed.html?fn=elu&elu.alpha=0.5&hide=text`;
  const host = await startHost({
    '/course.html': hostPage(`<iframe id="ae" src="${src}" width="700" height="150" sandbox="allow-scripts" title="ELU" style="border:0"></iframe>`),
  });
  const opened = await open(`${host.url}course.html`);
  const { page } = opened;
  await page.waitForFunction(() => window.__heights?.length > 0);
  const frame = embedFrame(page);
  await waitForEmbed(frame, 'elu-chart');
  assert.equal(await frame.evaluate(() => window.origin), 'null', 'the iframe really is sandboxed (opaque origin)');

  const chart = await readChart(frame, '#elu-chart');
  assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: 0.5 }), { what: 'embedded elu f' }), []);
  assert.equal(await frame.locator('#elu-alpha-input').inputValue(), '0.5');
  assert.equal(await frame.locator('[data-prose]').count(), 0, 'hide=text leaves the explanation out');

  // Heights arrive from the sandboxed (null) origin, match the content, and size the iframe.
  await page.waitForFunction(() => {
    const last = window.__heights.at(-1).height;
    return Math.abs(document.getElementById('ae').getBoundingClientRect().height - last) < 1;
  });
  const heights = await page.evaluate(() => window.__heights);
  assert.ok(heights.every((h) => h.origin === 'null' && Number.isInteger(h.height) && h.height > 0), JSON.stringify(heights));
  const content = await frame.evaluate(() => Math.ceil(document.getElementById('embed-root').getBoundingClientRect().bottom));
  const last = heights.at(-1).height;
  assert.ok(Math.abs(last - content) <= 2, `reported ${last} px, content ${content} px`);
  assert.ok(last > 400, 'the whole chart and its controls');
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), true, 'nothing scrolls inside the iframe');

  // Opening the values table makes the content taller: a new height is sent and applied.
  await frame.locator('#elu-values summary').click();
  await page.waitForFunction((before) => window.__heights.at(-1).height > before + 50, last);
  await page.waitForFunction(() => Math.abs(document.getElementById('ae').getBoundingClientRect().height - window.__heights.at(-1).height) < 1);

  // Still interactive inside the sandbox, and the link carries the new state.
  await frame.locator('#elu-alpha-slider').fill('2');
  await frames(frame, 2);
  const after = await readChart(frame, '#elu-chart');
  assert.deepEqual(comparePoints(dataset(after, 'f').data, (xs) => core.evaluate('elu', xs, { alpha: 2 })), []);
  const link = frame.locator('#embed-open');
  assert.equal(await link.getAttribute('href'), `${site.url}index.html?lang=en&elu.alpha=2#elu`);
  assert.equal(await link.getAttribute('target'), '_blank');

  await assertCleanPage(page, opened.dialogs);
  assertOnlyOrigins(opened.requests, [host.url, site.url]);
  await opened.close();
  await host.close();
});

test('the embed dialog\'s code works as pasted into a course page on another origin', async () => {
  const main = await open('?lang=ko&softmax.temperature=2&softmax.logits=1,2,3,4');
  await waitForReady(main.page);
  await main.page.locator('#softmax-embed').click();
  await main.page.locator('#embed-lock').check();
  const code = await main.page.locator('#embed-code').inputValue();
  const attributes = iframeAttributes(code);
  await main.close();

  const host = await startHost({ '/course.html': hostPage(code) });
  const opened = await open(`${host.url}course.html`);
  const { page } = opened;
  await page.waitForFunction(() => window.__heights?.length > 0);
  const frame = embedFrame(page);
  await waitForEmbed(frame, 'softmax-chart');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ko');
  const probabilities = core.softmax([1, 2, 3, 4], 2);
  const bars = (await readChart(frame, '#softmax-chart')).datasets[0].data;
  bars.forEach((p, i) => assert.ok(Math.abs(p - probabilities[i]) < 1e-12, `p${i + 1}`));
  assert.equal(await frame.locator('#softmax-temperature-slider').isDisabled(), true, 'lock=all: the temperature is fixed');
  assert.equal(await frame.locator('#softmax-logit-0').isDisabled(), true, 'and the logits');
  assert.equal(await frame.locator('.embed-locked-note').isVisible(), true);
  const iframe = await page.evaluate(() => {
    const el = document.querySelector('iframe');
    return { sandbox: el.getAttribute('sandbox'), title: el.title, height: el.getBoundingClientRect().height };
  });
  assert.equal(iframe.sandbox, attributes.sandbox);
  assert.equal(iframe.title, translator('ko')('embed.iframeTitle', { name: translator('ko')('fn.softmax') }));
  assert.match(iframe.title, /[\uac00-\ud7a3]/, 'in Korean');
  await page.waitForFunction(() => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - window.__heights.at(-1).height) < 1);
  await assertCleanPage(page, opened.dialogs);
  assertOnlyOrigins(opened.requests, [host.url, site.url]);
  await opened.close();
  await host.close();
});

test('teacher keys: hide=derivative,controls,formula,text,properties and lock=<param>,range,all', async () => {
  let opened = await open('embed.html?fn=leaky-relu&hide=derivative,controls,formula&lock=alpha&leaky-relu.alpha=0.1');
  let { page } = opened;
  await waitForEmbed(page.mainFrame(), 'leaky-relu-chart');
  assert.equal(await page.locator('.lab-controls').isVisible(), false, 'controls hidden');
  assert.equal(await page.locator('.formulas').isVisible(), false, 'formula hidden');
  assert.equal(await page.locator('[data-prose]').isVisible(), true, 'the explanation stays unless hidden');
  assert.equal(await page.locator('#leaky-relu-title').textContent(), 'Leaky ReLU', 'titled with the function, not the page section');
  const chart = await readChart(page, '#leaky-relu-chart');
  assert.equal(dataset(chart, 'df').hidden, true, 'the derivative curve is off');
  assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('leaky-relu', xs, { alpha: 0.1 })), []);
  assert.equal(await page.locator('#leaky-relu-curve-df').isVisible(), false, 'and its toggle gone');
  await page.locator('#leaky-relu-chart').focus();
  await page.keyboard.press('Home');
  await frames(page, 2);
  assert.doesNotMatch(await page.locator('#leaky-relu-readout').innerText(), /f′/, 'the readout leaves out f′');
  await assertCleanPage(page, opened.dialogs);
  await opened.close();

  opened = await open('embed.html?fn=elu&lock=alpha,range&elu.alpha=2&hide=text,properties');
  ({ page } = opened);
  await waitForEmbed(page.mainFrame(), 'elu-chart');
  for (const id of ['#elu-alpha-slider', '#elu-alpha-input', '#elu-alpha-reset', '#elu-range-10', '#elu-xmin']) {
    assert.equal(await page.locator(id).isDisabled(), true, `${id} is locked`);
  }
  assert.equal(await page.locator('.lab-props').isVisible(), false);
  // Even a control forced back on cannot change a locked value.
  await page.evaluate(() => {
    const slider = document.getElementById('elu-alpha-slider');
    slider.disabled = false;
    slider.value = '4';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await frames(page, 2);
  assert.equal((await page.evaluate(() => window.activationExplorer.state())).sections.elu.params.alpha, 2);
  assert.equal(await page.locator('#elu-alpha-slider').inputValue(), '2');
  assert.equal(await page.locator('#elu-alpha-slider').isDisabled(), true, 'and it is locked again');
  await opened.close();

  opened = await open('embed.html?fn=compare-all&hide=derivative&lock=all&compare-all.shown=relu,tanh');
  ({ page } = opened);
  await waitForEmbed(page.mainFrame(), 'compare-all-chart');
  const compare = await readChart(page, '#compare-all-chart');
  assert.deepEqual(compare.datasets.filter((d) => !d.hidden).map((d) => d.label).sort(), ['relu f', 'tanh f']);
  assert.equal(await page.evaluate(() => document.getElementById('compare-all-curves').disabled), true, 'the toggles are locked');
  assert.equal(await page.locator('#compare-all-curve-relu').isDisabled(), true);
  await opened.close();

  opened = await open('embed.html?fn=softmax&hide=derivative&lock=logits&softmax.logits=1,2&lang=ko');
  ({ page } = opened);
  await waitForEmbed(page.mainFrame(), 'softmax-chart');
  assert.equal(await page.locator('.lab-jacobian').isVisible(), false, 'softmax\'s derivative is its Jacobian');
  assert.equal(await page.locator('#softmax-logit-0').isDisabled(), true);
  assert.equal(await page.locator('#softmax-temperature-slider').isDisabled(), false, 'only what is named is locked');
  await page.waitForFunction(() => document.querySelector('[data-prose]')?.childElementCount > 0);
  assert.equal(await page.locator('[data-prose]').getAttribute('lang'), 'ko', 'the explanation in the link\'s language');
  // The embed keeps its own address current too (a reload keeps what students set).
  await page.locator('#softmax-temperature-input').fill('2');
  await page.locator('#softmax-temperature-input').press('Enter');
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => new URL(location.href).search),
    '?fn=softmax&hide=derivative&lock=logits&lang=ko&softmax.temperature=2&softmax.logits=1,2');
  await assertCleanPage(page, opened.dialogs);
  assertOnlyOrigins(opened.requests, [site.url]);
  await opened.close();
});

test('an embed with an unknown function or bad keys says so, runs no script, and still links to the explorer', async () => {
  const canary = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const opened = await open(`embed.html?fn=${canary}&hide=everything&lock=alpha&elu.alpha=abc&${canary}=1`);
  const { page } = opened;
  await page.locator('#embed-choose').waitFor();
  assert.match(await page.locator('#embed-choose').textContent(), /\bsigmoid\b.*\bcompare-all\b/);
  await page.waitForFunction(() => document.querySelectorAll('#url-notice li').length > 0);
  const notice = await page.locator('#url-notice').textContent();
  for (const key of ['fn:', 'hide:', 'elu.alpha:']) assert.ok(notice.includes(key), `the notice names ${key}`);
  assert.ok(notice.includes('<img src=x onerror='), 'as text');
  assert.equal(await page.locator('#url-notice img, #embed-root img').count(), 0);
  assert.equal(await page.locator('#embed-open').getAttribute('href'), `${site.url}index.html?lang=en`);
  await assertCleanPage(page, opened.dialogs);
  await opened.close();

  const bare = await open('embed.html');
  await bare.page.locator('#embed-choose').waitFor();
  assert.equal(await bare.page.locator('#url-notice').count(), 0, 'no fn at all is not an error in the link');
  await bare.close();
});

test('"open in Activation Explorer" opens the full page with the same state, at the same section', async () => {
  const query = 'fn=maxout&maxout.pieces=-1:0,1:0,0.5:0.5&maxout.xmin=-4&lang=ko&hide=text';
  const opened = await open(`embed.html?${query}`);
  const { page, context } = opened;
  await waitForEmbed(page.mainFrame(), 'maxout-chart');
  const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('#embed-open').click()]);
  await waitForReady(popup);
  const { state } = await expectedState(`?${query}`, 'ko');
  assert.deepEqual(await popup.evaluate(() => window.activationExplorer.state()), state);
  assert.equal(new URL(popup.url()).hash, '#maxout');
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await popup.locator('#maxout-piece-2-b').inputValue(), '0.5');
  await opened.close();
});

// ---- every section the registry defines, as an embed

const { table } = registry;

/** Lockable names of section `id` (without 'all') and, per name, the selectors of its controls. */
function locksOf(id) {
  const names = [...lockables(table, id).entries()].filter(([name]) => name !== 'all');
  return names.map(([name, keys]) => ({ name, controls: keys.flatMap((key) => controlsOf(table.byKey.get(key))) }));
}

async function disabledStates(page, selectors) {
  return Object.fromEntries(await Promise.all(selectors.map(async (sel) => [sel, await page.locator(sel).isDisabled()])));
}

test('every function and comparison opens as embed.html?fn=<id> with its chart drawn; lock=<names> disables exactly their controls', async (t) => {
  const opened = await open('embed.html');
  const { page } = opened;
  await page.locator('#embed-choose').waitFor();
  const choices = await page.locator('#embed-choose').textContent();
  for (const id of registry.embeddable) assert.ok(choices.includes(id), `the list of choices names ${id}`);
  for (const id of registry.embeddable) {
    await t.test(id, async () => {
      // Lock every lockable setting but the last, which must stay free.
      const locks = locksOf(id);
      const locked = locks.slice(0, -1);
      const free = locks.at(-1);
      const lockKey = locked.length ? `&lock=${locked.map((l) => l.name).join(',')}` : '';
      await page.goto(new URL(`embed.html?fn=${id}&hide=text${lockKey}`, site.url).href);
      await waitForEmbed(page.mainFrame(), `${id}-chart`);
      const embed = await page.evaluate(() => window.activationExplorer.embed);
      assert.deepEqual(embed, { fn: id, hide: ['text'], lock: locked.map((l) => l.name) });
      assert.deepEqual(await page.locator('#embed-root section').evaluateAll((els) => els.map((el) => el.id)), [id], 'the one section');
      assert.equal(await page.locator('[data-prose]').count(), 0, 'hide=text leaves the explanation out');
      assert.deepEqual(await checkSection(page, id), [], 'its chart plots core.js values at the defaults');
      const want = Object.fromEntries([
        ...locked.flatMap((l) => l.controls.map((sel) => [sel, true])),
        ...free.controls.map((sel) => [sel, false]),
      ]);
      assert.deepEqual(await disabledStates(page, Object.keys(want)), want, `locked: ${locked.map((l) => l.name).join(', ') || 'nothing'}; free: ${free.name}`);
      assert.equal(await page.locator('.embed-locked-note').isVisible(), locked.length > 0, 'the locked note says so');
      assert.equal(await page.locator('#embed-open').getAttribute('href'), `${site.url}${registry.pageOf(id)}?lang=en#${id}`);
    });
  }
  await assertCleanPage(page, opened.dialogs);
  assertOnlyOrigins(opened.requests, [site.url]);
  await opened.close();
});

test('every section with hide=derivative,controls,formula,properties and lock=all: derivatives off, the parts hidden, every control locked', async (t) => {
  const opened = await open('embed.html');
  const { page } = opened;
  for (const id of registry.embeddable) {
    await t.test(id, async () => {
      await page.goto(new URL(`embed.html?fn=${id}&hide=derivative,controls,formula,properties&lock=all`, site.url).href);
      await waitForEmbed(page.mainFrame(), `${id}-chart`);
      assert.deepEqual(await checkSection(page, id, { derivatives: false }), [], 'the chart without its derivative curves');
      const controls = locksOf(id).flatMap((l) => l.controls);
      assert.deepEqual(await disabledStates(page, controls), Object.fromEntries(controls.map((sel) => [sel, true])), 'lock=all');
      const visible = async (sel) => page.locator(sel).evaluateAll((els) => els.some((el) => el.checkVisibility()));
      for (const part of ['.lab-controls', '.formulas', '.lab-props', '.lab-jacobian', `#${id}-curve-df`, `#${id}-curve-dparam`, `#${id}-derivatives`]) {
        assert.equal(await visible(part), false, `${part} is hidden`);
      }
      if (specOf(id)) assert.equal(await page.locator('.formulas').count(), 1, 'the formulas are there, only hidden');
      // The explanation stays unless hidden.
      if (await page.locator('[data-prose]').count()) {
        await page.waitForFunction(() => document.querySelector('[data-prose]').childElementCount > 0);
        assert.equal(await visible('[data-prose]'), true, 'the explanation is shown');
      }
    });
  }
  await assertCleanPage(page, opened.dialogs);
  assertOnlyOrigins(opened.requests, [site.url]);
  await opened.close();
});

test('every section opens from the single file as activation-explorer.html?fn=<id>, offline', async (t) => {
  const opened = await openOffline(site.browser, null);
  const { page } = opened;
  for (const id of registry.embeddable) {
    await t.test(id, async () => {
      await page.goto(singleUrl(`?fn=${id}&hide=text`));
      await waitForEmbed(page.mainFrame(), `${id}-chart`);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('embed-mode')), true);
      assert.deepEqual(await page.locator('section').evaluateAll((els) => els.map((el) => el.id)), [id], 'only that section');
      assert.deepEqual(await checkSection(page, id), []);
      assert.equal(await page.locator('#embed-open').getAttribute('href'), singleUrl(`?lang=en#${id}`));
    });
  }
  await assertCleanPage(page, opened.dialogs);
  assertOnlyOrigins(opened.requests, ['file://']);
  await opened.close();
});
