// Parameter sliders, number boxes, reset, x-range controls and the readouts, for every
// parameter and section the registry defines (registry-kit.mjs). After every change the
// section's drawn view is compared with core.js at the page's state, and that state with
// what the control shows; nothing non-finite may reach a chart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, pageFormat, waitForChart, readChart, dataset, frames, parseShown,
} from './harness.mjs';
import {
  registry, pagesOf, specOf, sectionOf, checkSection, sectionState, insideValue, boundsOf, dictionaries,
} from './registry-kit.mjs';

const site = useSite();
const { core } = registry;
const { formatNumber } = await pageFormat();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function boxValue(page, field) {
  return Number(await page.locator(`#${field.section}-${field.param}-input`).inputValue());
}
const paramOf = async (page, field) => (await sectionState(page, field.section)).params[field.param];

test('every parameter: its slider redraws the curve at the new value, its box clamps out-of-range numbers with a hint, reset restores the default', async (t) => {
  const pages = pagesOf(site);
  for (const field of registry.paramFields) {
    await t.test(field.key, async () => {
      const id = field.section;
      const page = await pages.pageFor(id);
      const base = `${id}-${field.param}`;
      const scalar = sectionOf(id).kind === 'scalar';
      await waitForChart(page, `#${id}-chart`);
      assert.equal(await paramOf(page, field), field.default, 'starts at its default');
      assert.equal(await boxValue(page, field), field.default, 'the box shows the default');
      assert.deepEqual(await checkSection(page, id), []);

      // The slider (a log slider moves in log10 units, to 3 decimals).
      const to = insideValue(field);
      const position = field.scale === 'log' ? Number(Math.log10(to).toFixed(3)) : to;
      await page.locator(`#${base}-slider`).fill(String(position));
      await frames(page, 2);
      const moved = await paramOf(page, field);
      if (field.scale === 'log') assert.ok(Math.abs(moved - to) <= 0.01 * to, `the slider at 10^${position} gives ${moved}, about ${to}`);
      else assert.equal(moved, to, 'the slider sets the value');
      assert.equal(await boxValue(page, field), moved, 'the number box follows the slider');
      assert.deepEqual(await checkSection(page, id), [], 'the curve at the new value (and the faint default curves)');
      if (scalar) assert.ok(await page.locator(`#${id}-curve-default`).isVisible(), 'a "default" toggle appears');

      // Out-of-range numbers in the box: clamped, shown as used, with a warning naming both.
      const { lo, hi } = boundsOf(field);
      const box = page.locator(`#${base}-input`);
      const hint = page.locator(`#${base}-hint`);
      for (const [typed, used] of [[String(hi + (hi - lo)), hi], [String(lo - (hi - lo)), lo]]) {
        await box.fill(typed);
        await box.press('Tab'); // commits: the change event
        await frames(page, 2);
        assert.equal(await boxValue(page, field), used, `typed ${typed}: the box shows the value used`);
        assert.equal(await paramOf(page, field), used, `typed ${typed}: ${used} is used`);
        assert.ok(await hint.isVisible(), 'the hint is visible');
        const text = await hint.textContent();
        assert.match(text, new RegExp(`${escape(typed).replace('-', '[-−]')}.*${escape(formatNumber(used))}`), `the hint names what was typed and what is used: "${text}"`);
        assert.ok(await hint.evaluate((el) => el.classList.contains('hint-warning')), 'the hint is styled as a warning');
        assert.deepEqual(await checkSection(page, id), [], `at ${used}`);
      }
      // Not a number at all: the last good value stays.
      await box.fill('');
      await box.press('Tab');
      await frames(page, 2);
      assert.equal(await boxValue(page, field), lo, 'an empty box falls back to the last value');
      assert.equal(await paramOf(page, field), lo);

      await page.locator(`#${base}-reset`).click();
      await frames(page, 2);
      assert.equal(await paramOf(page, field), field.default, 'reset');
      assert.equal(await boxValue(page, field), field.default, 'the box shows the default again');
      assert.equal(await hint.evaluate((el) => el.classList.contains('hint-warning')), false, 'reset clears the warning');
      assert.deepEqual(await checkSection(page, id), [], 'back at the default');
      if (scalar) assert.equal(await page.locator(`#${id}-curve-default`).isVisible(), false, 'no "default" toggle at the defaults');
    });
  }
  await pages.close();
});

test('ELU: the slider answers the keyboard, only its own chart changes, the curve toggles work, its range follows α', async () => {
  const { page, close } = await site.open();
  await waitForChart(page, '#leaky-relu-chart');
  await waitForChart(page, '#elu-chart');
  const before = await readChart(page, '#leaky-relu-chart');
  const slider = page.locator('#elu-alpha-slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  const alpha = Number(await page.locator('#elu-alpha-input').inputValue());
  assert.ok(alpha > 1 && alpha < 1.1, `two steps right move α a little above 1 (got ${alpha})`);
  assert.deepEqual(await checkSection(page, 'elu'), []);
  assert.deepEqual(await readChart(page, '#leaky-relu-chart'), before, 'another section\'s chart is untouched');
  // The curve toggles are the legend: f′ can be hidden and shown again.
  await page.locator('#elu-curve-df').uncheck();
  await frames(page, 2);
  assert.equal(dataset(await readChart(page, '#elu-chart'), 'df').hidden, true, 'f′ hidden by its toggle');
  assert.equal(dataset(await readChart(page, '#elu-chart'), 'f').hidden, false, 'f still shown');
  await page.locator('#elu-curve-df').check();
  await frames(page, 2);
  assert.equal(dataset(await readChart(page, '#elu-chart'), 'df').hidden, false, 'f′ shown again');
  // The properties follow the parameter: ELU's range is (−α, ∞).
  const range = await page.locator('#elu-props dd[data-prop="range"]').textContent();
  assert.equal(range.trim(), `(${formatNumber(-alpha)}, ∞)`);
  await close();
});

// Every section with an x-range: the functions with a curve and the checklist comparisons.
const rangeSections = registry.table.sections.filter((s) => registry.table.byKey.has(`${s.id}.xmin`)).map((s) => s.id);

test('every x-range: the ±3 and ±10 presets redraw the chart over that range', async (t) => {
  const pages = pagesOf(site);
  for (const id of rangeSections) {
    await t.test(id, async () => {
      const page = await pages.pageFor(id);
      await waitForChart(page, `#${id}-chart`);
      for (const n of [3, 10]) {
        await page.locator(`#${id}-range-${n}`).click();
        await frames(page, 2);
        const section = await sectionState(page, id);
        assert.deepEqual([section.xmin, section.xmax], [-n, n], `the ±${n} preset`);
        assert.equal(await page.locator(`#${id}-range-${n}`).getAttribute('aria-pressed'), 'true');
        assert.deepEqual(await checkSection(page, id), [], `on ±${n}`);
      }
    });
  }
  await pages.close();
});

test('a custom x-range is clamped to ±1000 with a hint, and crossed ends are pulled apart, never drawn as NaN', async () => {
  const { page, close } = await site.open();
  const id = registry.curveFunctions[0].slug;
  await waitForChart(page, `#${id}-chart`);
  await page.locator(`#${id}-range-3`).click();
  await page.locator(`#${id}-xmin`).fill('-5000');
  await page.locator(`#${id}-xmin`).press('Tab');
  await frames(page, 2);
  let chart = await readChart(page, `#${id}-chart`);
  assert.deepEqual([chart.xMin, chart.xMax], [-1000, 3], 'x is clamped to ±1000');
  assert.ok(await page.locator(`#${id}-range-hint`).isVisible(), 'the range hint is visible');
  assert.deepEqual(await checkSection(page, id), [], 'on [−1000, 3]');
  await page.locator(`#${id}-xmax`).fill('-2000');
  await page.locator(`#${id}-xmax`).press('Tab');
  await frames(page, 2);
  chart = await readChart(page, `#${id}-chart`);
  assert.ok(Number.isFinite(chart.xMin) && Number.isFinite(chart.xMax) && chart.xMax > chart.xMin, `a usable range (${chart.xMin} … ${chart.xMax})`);
  assert.deepEqual(await checkSection(page, id), [], 'crossed ends');
  await close();
});

/** The readout's parts as text. */
const readoutParts = (page, id) => page.locator(`#${id}-readout .readout-part`).allTextContents();

test('the hover readout shows x, f(x) and f′(x); the keyboard reads exact values', async () => {
  const { page, close } = await site.open();
  // The first scalar function without kinks: a readout anywhere is a plain value.
  const slug = registry.curveFunctions.find((s) => s.kind === 'scalar' && s.properties.nonDifferentiableAt.length === 0).slug;
  const chart = await waitForChart(page, `#${slug}-chart`);
  const box = await page.locator(`#${slug}-chart`).boundingBox();
  const area = chart.chartArea;
  // Pointer: a third of the way across the plot area.
  await page.mouse.move(box.x + area.left + (area.right - area.left) / 3, box.y + (area.top + area.bottom) / 2);
  await frames(page, 2);
  const parts = await readoutParts(page, slug);
  const params = (await sectionState(page, slug)).params;
  assert.equal(parts.length, 3 + (specOf(slug).parameterDerivativeFormula ? 1 : 0), `x, f(x), f′(x): ${parts.join(' | ')}`);
  const x = parseShown(parts[0].replace(/^x = /, ''));
  const third = chart.xMin + (chart.xMax - chart.xMin) / 3;
  assert.ok(Math.abs(x - third) < 0.05 * (chart.xMax - chart.xMin), `x about ${third} (got ${parts[0]})`);
  const f = parseShown(parts[1].replace(/^f\(x\) = /, ''));
  const df = parseShown(parts[2].replace(/^f′\(x\) = /, ''));
  assert.ok(Math.abs(f - core.evaluate(slug, [x], params)[0]) < 2e-3, `f(x) ≈ ${slug}(${x}): ${parts[1]}`);
  assert.ok(Math.abs(df - core.derivative(slug, [x], params)[0]) < 2e-3, `f′(x) ≈ ${slug}′(${x}): ${parts[2]}`);
  const hair = await page.evaluate((id) => window.__e2e.chartOf(document.getElementById(id)).$crosshair?.x, `${slug}-chart`);
  assert.ok(Number.isFinite(hair), 'the crosshair is drawn');

  // Keyboard: Home goes to the left end; → steps by 1/100 of the range.
  await page.locator(`#${slug}-chart`).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  const kx = chart.xMin + 2 * ((chart.xMax - chart.xMin) / 100);
  assert.deepEqual((await readoutParts(page, slug)).slice(0, 3), [
    `x = ${formatNumber(kx)}`,
    `f(x) = ${formatNumber(core.evaluate(slug, [kx], params)[0])}`,
    `f′(x) = ${formatNumber(core.derivative(slug, [kx], params)[0])}`,
  ]);
  await page.keyboard.press('Escape');
  await frames(page, 2);
  assert.equal((await readoutParts(page, slug)).length, 0, 'Escape clears the readout');
  await close();
});

test('a comparison\'s keyboard readout lists each shown function with f and f′', async (t) => {
  const pages = pagesOf(site);
  for (const { id } of registry.comparisons) {
    await t.test(id, async () => {
      const page = await pages.pageFor(id);
      await waitForChart(page, `#${id}-chart`);
      const { shown, xmin } = await sectionState(page, id);
      await page.locator(`#${id}-chart`).focus();
      await page.keyboard.press('Home');
      await frames(page, 2);
      const parts = await readoutParts(page, id);
      const at = (slug, fn) => formatNumber(core[fn](slug, [xmin])[0]);
      assert.deepEqual(parts, [
        `x = ${formatNumber(xmin)}`,
        ...shown.map((slug) => `${dictionaries.en.fn[slug]}: f = ${at(slug, 'evaluate')}, f′ = ${at(slug, 'derivative')}`),
      ]);
      await page.keyboard.press('Escape');
    });
  }
  await pages.close();
});

test('a comparison with functions from several groups: a button per group shows, then hides, all of them', async (t) => {
  const pages = pagesOf(site);
  for (const { id } of registry.comparisons) {
    const { slugs } = sectionOf(id);
    const groups = [...new Set(slugs.map((slug) => specOf(slug).group))];
    if (groups.length < 2) continue;
    await t.test(id, async () => {
      const page = await pages.pageFor(id);
      assert.deepEqual(await page.locator(`#${id}-lab .compare-groups .chip`).evaluateAll((els) => els.map((el) => el.id)),
        groups.map((g) => `${id}-group-${g}`), 'a button per group, in page order');
      const group = groups.at(-1);
      const members = slugs.filter((slug) => specOf(slug).group === group);
      const button = page.locator(`#${id}-group-${group}`);
      const before = (await sectionState(page, id)).shown;
      await button.click();
      await frames(page, 2);
      const on = (await sectionState(page, id)).shown;
      assert.deepEqual(on, slugs.filter((s) => before.includes(s) || members.includes(s)), `every ${group} function shown`);
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.deepEqual(await checkSection(page, id), []);
      await button.click();
      await frames(page, 2);
      assert.deepEqual((await sectionState(page, id)).shown, before.filter((s) => !members.includes(s)), `no ${group} function shown`);
      assert.equal(await button.getAttribute('aria-pressed'), 'false');
    });
  }
  await pages.close();
});
