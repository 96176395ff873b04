// When WebAssembly cannot load, the page says so plainly in its language, hides the
// "loading" placeholders and keeps every explanation and formula readable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useSite, ROOT, SCREENSHOTS, PHONE } from './harness.mjs';
import { registry } from './registry-kit.mjs';

const site = useSite();
const en = JSON.parse(readFileSync(path.join(ROOT, 'web/i18n/en.json'), 'utf8'));
const ko = JSON.parse(readFileSync(path.join(ROOT, 'web/i18n/ko.json'), 'utf8'));

// What a failed wasm load may legitimately leave in the console and network log.
const wasmNoise = (p) => (p.kind === 'requestfailed' && /\.wasm\b/.test(p.text))
  || (p.kind === 'console.error' && /wasm|webassembly|abort/i.test(`${p.text} ${p.where ?? ''}`));

async function assertReadableFailure(page, dict, lang, problems) {
  const box = page.locator('#core-error');
  try {
    await box.waitFor({ state: 'visible', timeout: 8000 });
  } catch {
    const status = await page.locator('.lab-status').first().textContent().catch(() => null);
    assert.fail(`#core-error never became visible (first lab still says "${status}"); the page reported:\n`
      + problems.map((p) => `  ${p.kind}: ${p.text.split('\n').slice(0, 3).join(' | ')}`).join('\n'));
  }
  await page.waitForFunction(() => [...document.querySelectorAll('[data-prose]')].every((el) => el.childElementCount > 0), null, { timeout: 8000 });
  assert.equal((await box.textContent()).trim(), dict.app.wasmFailed, `${lang}: the failure message`);
  assert.equal(await box.getAttribute('role'), 'alert');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  const state = await page.evaluate(() => ({
    loading: [...document.querySelectorAll('.lab-status')].filter((el) => el.checkVisibility()).length,
    canvases: document.querySelectorAll('canvas').length,
    prose: [...document.querySelectorAll('[data-prose]')].map((el) => ({
      id: el.dataset.prose, lang: el.lang, chars: el.textContent.trim().length, visible: el.checkVisibility(),
    })),
    formulas: [...document.querySelectorAll('.formulas math')].filter((el) => el.checkVisibility()).length,
    titles: [...document.querySelectorAll('main .section-title')].filter((el) => el.checkVisibility()).map((el) => el.id),
    overflowHidden: getComputedStyle(document.body).overflow === 'hidden' || getComputedStyle(document.documentElement).overflow === 'hidden',
  }));
  assert.equal(state.loading, 0, 'no "loading the charts…" placeholder stays on screen');
  assert.equal(state.canvases, 0, 'no empty charts');
  const explained = state.prose.map((p) => p.id);
  for (const id of [...registry.functions, ...registry.comparisons.map((c) => c.id)]) {
    assert.ok(explained.includes(id), `the explanation of ${id} is present`);
  }
  for (const p of state.prose) {
    assert.ok(p.visible && p.chars > 200 && p.lang === lang, `explanation ${p.id} readable in ${lang} (${JSON.stringify(p)})`);
  }
  assert.equal(state.formulas, registry.formulaCount, 'every formula readable');
  assert.deepEqual(state.titles, registry.sectionIds.map((id) => `${id}-title`), 'every section heading readable');
  assert.equal(state.overflowHidden, false, 'the page still scrolls');
}

test('the wasm file failing to load: a plain message in English, then in Korean via the toggle', async () => {
  const { page, close, problems } = await site.open({
    ready: false,
    locale: 'en-US',
    route: (context) => context.route('**/*.wasm', (route) => route.abort()),
  });
  await assertReadableFailure(page, en, 'en', problems);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-wasm-failure-en-1280.png') });
  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-prose]')].every((el) => el.lang === 'ko'));
  await assertReadableFailure(page, ko, 'ko', problems);
  await close({ allow: wasmNoise });
});

test('a browser without WebAssembly: a plain message in Korean', async () => {
  const { page, close, problems } = await site.open({
    ready: false,
    locale: 'ko-KR',
    viewport: PHONE,
    initScripts: [() => { Object.defineProperty(window, 'WebAssembly', { value: undefined, configurable: true }); }],
  });
  await assertReadableFailure(page, ko, 'ko', problems);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-wasm-missing-ko-390.png'), fullPage: false });
  await close({ allow: wasmNoise });
});

// The site's page starts as <html class="booting">, its sections not laid out until main.js
// has drawn the first chart (layout.css). Nothing may stay hidden because of that.
test('scripts off: headings and formulas show at once, not after the 2 s fallback', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    // Read at once: the booting rule's own fallback would reveal them after 2 s.
    const shown = await page.evaluate(() => ({
      at: performance.now(),
      booting: document.documentElement.classList.contains('booting'),
      formulas: [...document.querySelectorAll('.formulas math')].filter((el) => el.checkVisibility()).length,
      titles: [...document.querySelectorAll('main .section-title')].filter((el) => el.checkVisibility()).map((el) => el.id),
      toggle: getComputedStyle(document.getElementById('lang-toggle')).display,
    }));
    assert.ok(shown.at < 1900, `read before the fallback (${Math.round(shown.at)} ms)`);
    assert.equal(shown.booting, true, 'no script ran to remove the class');
    assert.equal(shown.formulas, registry.formulaCount, 'every formula visible without scripts; noscript.css must apply');
    assert.deepEqual(shown.titles, registry.sectionIds.map((id) => `${id}-title`), 'every section heading visible without scripts');
    assert.equal(shown.toggle, 'none', 'no language toggle that could not work');
  } finally {
    await context.close();
  }
});

test('after a normal load nothing is left hidden by the booting rule', async () => {
  const { page, close } = await site.open();
  const state = await page.evaluate(() => ({
    booting: document.documentElement.classList.contains('booting'),
    hiddenSections: [...document.querySelectorAll('main > .section')]
      .filter((el) => getComputedStyle(el).contentVisibility === 'hidden').map((el) => el.id),
    toggleShown: document.getElementById('lang-toggle').checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }),
  }));
  assert.equal(state.booting, false);
  assert.deepEqual(state.hiddenSections, []);
  assert.equal(state.toggleShown, true, 'the language toggle is shown');
  await close();
});
