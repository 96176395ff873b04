// When WebAssembly cannot load, the page says so plainly in its language and keeps every
// explanation, formula and property table readable.

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

async function assertReadableFailure(page, dict, lang, problems, pg = registry.pages[0]) {
  const box = page.locator('#core-error');
  try {
    await box.waitFor({ state: 'visible', timeout: 8000 });
  } catch {
    assert.fail(`#core-error never became visible; the page reported:\n`
      + problems.map((p) => `  ${p.kind}: ${p.text.split('\n').slice(0, 3).join(' | ')}`).join('\n'));
  }
  assert.equal((await box.textContent()).trim(), dict.app.wasmFailed, `${lang}: the failure message`);
  assert.equal(await box.getAttribute('role'), 'alert');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  const state = await page.evaluate(() => ({
    canvases: document.querySelectorAll('canvas').length,
    prose: [...document.querySelectorAll('[data-prose]')].map((el) => ({
      id: el.dataset.prose, chars: el.textContent.trim().length, visible: el.checkVisibility(),
    })),
    formulas: [...document.querySelectorAll('.formulas math')].filter((el) => el.checkVisibility()).length,
    properties: [...document.querySelectorAll('.lab-props dd')].filter((el) => el.checkVisibility()).length,
    titles: [...document.querySelectorAll('main .section-title')].filter((el) => el.checkVisibility()).map((el) => el.id),
    overflowHidden: getComputedStyle(document.body).overflow === 'hidden' || getComputedStyle(document.documentElement).overflow === 'hidden',
  }));
  assert.equal(state.canvases, 0, 'no empty charts');
  const explained = state.prose.map((p) => p.id);
  for (const id of [...pg.functions, ...pg.comparisons.map((c) => c.id)]) {
    assert.ok(explained.includes(id), `the explanation of ${id} is present`);
  }
  for (const p of state.prose) assert.ok(p.visible && p.chars > 100, `explanation ${p.id} readable (${JSON.stringify(p)})`);
  assert.equal(state.formulas, pg.formulaCount, 'every formula readable');
  assert.equal(state.properties, pg.functions.length * 9, 'every function\'s properties readable');
  assert.deepEqual(state.titles, pg.sectionIds.map((id) => `${id}-title`), 'every section heading readable');
  assert.equal(state.overflowHidden, false, 'the page still scrolls');
}

test('the wasm file failing to load: a plain message in English, then on the Korean page', async () => {
  const { page, close, problems } = await site.open({
    ready: false,
    locale: 'en-US',
    route: (context) => context.route('**/*.wasm', (route) => route.abort()),
  });
  await assertReadableFailure(page, en, 'en', problems);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-wasm-failure-en-1280.png') });
  await page.locator('#lang-toggle').click();
  await page.waitForURL(/\/ko\/index\.html/);
  await assertReadableFailure(page, ko, 'ko', problems);
  await close({ allow: wasmNoise });
});

test('a browser without WebAssembly: a plain message in Korean, on every page', async () => {
  const { page, close, problems } = await site.open({
    ready: false,
    locale: 'ko-KR',
    viewport: PHONE,
    initScripts: [() => { Object.defineProperty(window, 'WebAssembly', { value: undefined, configurable: true }); }],
  });
  await assertReadableFailure(page, ko, 'ko', problems);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-wasm-missing-ko-390.png'), fullPage: false });
  for (const pg of registry.pages.slice(1)) {
    await page.goto(new URL(pg.koPath, site.url).href);
    await assertReadableFailure(page, ko, 'ko', problems, pg);
  }
  await close({ allow: wasmNoise });
});
