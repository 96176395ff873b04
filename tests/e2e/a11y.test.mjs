// axe-core on the whole page, every chart built, in both languages: no violations at any impact
// (td-has-header included, as Lighthouse runs it; they are printed in full when there are any). Plus the basics axe cannot
// judge: each chart is an image with a label and has a text alternative.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { useSite, buildAllCharts, runAxe, formatViolations, PHONE, SCREENSHOTS } from './harness.mjs';
import { registry } from './registry-kit.mjs';

const site = useSite();
// Examples picked from the registry: a values table to open and a parameter box to warn in.
const FIRST_CURVE = registry.curveFunctions[0].slug;
const PARAM = `${registry.paramFields[0].section}-${registry.paramFields[0].param}`;

for (const [locale, lang] of [['en-US', 'en'], ['ko-KR', 'ko']]) {
  test(`axe-core finds no violations (${lang})`, async () => {
    const { page, close } = await site.open({ locale });
    await buildAllCharts(page);
    // Open one values table and leave a warning showing, so their markup is checked too.
    await page.locator(`#${FIRST_CURVE}-values summary`).click();
    await page.locator(`#${PARAM}-input`).fill(String(registry.paramFields[0].max + 99));
    await page.locator(`#${PARAM}-input`).press('Tab');
    const violations = await runAxe(page);
    if (violations.length) console.log(`axe (${lang}):\n${formatViolations(violations)}`);
    assert.equal(violations.length, 0, `axe (${lang}):\n${formatViolations(violations)}`);
    await close();
  });
}

test('axe-core in the dark theme (the system setting), en', async () => {
  const { page, close } = await site.open({ locale: 'en-US', colorScheme: 'dark' });
  await buildAllCharts(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate((id) => window.__e2e.settleInView(document.getElementById(id)), `${registry.paramFields[0].section}-chart`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-dark-en-1280.png') });
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe (en, dark):\n${formatViolations(violations)}`);
  await close();
});

test('axe-core on a phone-sized viewport (ko)', async () => {
  const { page, close } = await site.open({ locale: 'ko-KR', viewport: PHONE });
  await buildAllCharts(page);
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe (ko, 390 px):\n${formatViolations(violations)}`);
  await close();
});

test('every chart is role="img" with a label, and has a values table or a table next to it', async (t) => {
  for (const pg of registry.pages) {
    await t.test(pg.path, async () => {
      const { page, close } = await site.open({ locale: 'en-US', path: pg.path });
      await buildAllCharts(page);
      const charts = await page.locator('canvas').evaluateAll((els) => els.map((el) => ({
        id: el.id,
        role: el.getAttribute('role'),
        label: el.getAttribute('aria-label') ?? '',
        alternative: Boolean(el.closest('section')?.querySelector('details.values table, table')),
      })));
      assert.deepEqual(charts.map((c) => c.id), pg.canvasIds, 'a chart for every function and comparison');
      for (const c of charts) {
        assert.equal(c.role, 'img', `${c.id} role`);
        assert.ok(c.label.length > 20 && !/undefined|NaN|\{/.test(c.label), `${c.id} label: "${c.label}"`);
        assert.ok(c.alternative, `${c.id} has a table alternative`);
      }
      // The values table holds numbers once opened.
      const last = pg.curveFunctions.at(-1).slug;
      await page.locator(`#${last}-values summary`).click();
      // The table is filled when the <details> reports it opened (a task after the click).
      await page.locator(`#${last}-values-table tbody tr`).first().waitFor({ timeout: 5000 });
      const rows = await page.locator(`#${last}-values-table tbody tr`).count();
      assert.ok(rows >= 5, `${last} values table has ${rows} rows`);
      await close();
    });
  }
});

test('axe-core finds no violations on the other pages (en, ko)', async (t) => {
  for (const pg of registry.pages.slice(1)) {
    for (const [lang, locale, path] of [['en', 'en-US', pg.path], ['ko', 'ko-KR', pg.koPath]]) {
      await t.test(path, async () => {
        const { page, close } = await site.open({ locale, path });
        await buildAllCharts(page);
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, `axe (${lang}, ${path}):\n${formatViolations(violations)}`);
        await close();
      });
    }
  }
});
