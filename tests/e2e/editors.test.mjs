// The list editors, for every function of the registry that has one (registry-kit.mjs): the
// vector kind's inputs (add, remove, type, limits, drag a bar) and the pieces kind's affine
// pieces (add, remove, type, limits, every preset). After every edit the section's view
// (bars and Jacobian table, or the pieces, their maximum and its derivative) is compared
// with core.js for the page's state; limits and defaults come from the registry row.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, pageFormat, waitForChart, readChart, dataset, close, frames,
} from './harness.mjs';
import { registry, checkSection, sectionState, specOf } from './registry-kit.mjs';

const site = useSite();
const { core } = registry;
const { formatNumber } = await pageFormat();
const round2 = (v) => Math.round(v * 100) / 100;

// ---- the vector kind

/** The boxes, the state, the bars, the Jacobian and the sum agree with core.js. */
async function checkVector(page, slug, expectedLogits) {
  await frames(page, 2);
  const boxes = await page.locator(`#${slug}-logits input[type=number]`).evaluateAll((els) => els.map((el) => Number(el.value)));
  const { logits, params } = await sectionState(page, slug);
  assert.deepEqual(boxes, logits, 'the boxes show the inputs');
  if (expectedLogits) assert.deepEqual(logits, expectedLogits, 'the inputs');
  assert.deepEqual(await checkSection(page, slug), []);
  // Probabilities sum to 1; log-probabilities (a range that ends at 0) through their exponentials.
  const logs = specOf(slug).properties.range.max === 0;
  const sum = Array.from(core.evaluate(slug, logits, params)).reduce((a, b) => a + (logs ? Math.exp(b) : b), 0);
  const text = await page.locator(`#${slug}-sum`).textContent();
  assert.ok(text.includes(formatNumber(sum, 6)), `the sum reads ${formatNumber(sum, 6)}: "${text}"`);
  return logits;
}

test('every vector function\'s inputs: add, type, remove, limits and dragging a bar update the outputs and the Jacobian', async (t) => {
  const { page, close: done } = await site.open();
  for (const spec of registry.vectorFunctions) {
    const { slug } = spec;
    const { min, max, limit, default: start } = spec.logits;
    await t.test(slug, async () => {
      await waitForChart(page, `#${slug}-chart`);
      await checkVector(page, slug, start);

      let logits = [...start];
      if (logits.length < max) {
        await page.locator(`#${slug}-add-logit`).click();
        logits = [...logits, round2(logits.reduce((a, b) => a + b, 0) / logits.length)];
        await checkVector(page, slug, logits); // a new input starts at the mean of the others
      }
      await page.locator(`#${slug}-logit-0`).fill('3.5');
      logits[0] = 3.5;
      await checkVector(page, slug, logits); // typing applies at once
      if (logits.length > min) {
        await page.locator(`#${slug}-logit-1-remove`).click();
        logits.splice(1, 1);
        await checkVector(page, slug, logits);
      }

      // Out of range: clamped to ±limit with a visible warning.
      const last = logits.length - 1;
      await page.locator(`#${slug}-logit-${last}`).fill(String(5 * limit));
      await page.locator(`#${slug}-logit-${last}`).press('Tab');
      logits[last] = limit;
      await checkVector(page, slug, logits);
      const hint = page.locator(`#${slug}-logits-hint`);
      assert.ok(await hint.isVisible() && await hint.evaluate((el) => el.classList.contains('hint-warning')), 'clamping warning shown');
      assert.match(await hint.textContent(), new RegExp(String(5 * limit)));

      // Up to the maximum; add then refuses. Down to the minimum; remove then refuses.
      for (let n = logits.length; n < max; n += 1) await page.locator(`#${slug}-add-logit`).click();
      assert.equal((await checkVector(page, slug)).length, max);
      assert.ok(await page.locator(`#${slug}-add-logit`).isDisabled(), `add is disabled at ${max} inputs`);
      for (let n = max; n > min; n -= 1) await page.locator(`#${slug}-logit-0-remove`).click();
      assert.equal((await checkVector(page, slug)).length, min);
      assert.ok(await page.locator(`#${slug}-logit-0-remove`).isDisabled(), `remove is disabled at ${min} inputs`);

      // Drag the last bar up: its input follows the pointer (snapped to 0.1).
      const before = (await sectionState(page, slug)).logits;
      await page.locator(`#${slug}-logits-chart`).scrollIntoViewIfNeeded();
      const bars = await readChart(page, `#${slug}-logits-chart`);
      const box = await page.locator(`#${slug}-logits-chart`).boundingBox();
      const area = bars.chartArea;
      const i = before.length - 1;
      const barX = box.x + area.left + (area.right - area.left) * ((i + 0.5) / before.length);
      const yOf = (v) => box.y + area.top + ((bars.yMax - v) / (bars.yMax - bars.yMin)) * (area.bottom - area.top);
      await page.mouse.move(barX, yOf(before[i]));
      await page.mouse.down();
      await page.mouse.move(barX, yOf(3), { steps: 4 });
      await page.mouse.up();
      const after = await checkVector(page, slug);
      assert.deepEqual(after.slice(0, i), before.slice(0, i), 'the other inputs stay');
      assert.ok(Math.abs(after[i] - 3) <= 0.2, `dragged input ≈ 3 (got ${after[i]})`);
    });
  }
  await done();
});

// ---- the pieces kind

/** The table, the state and the drawn pieces, maximum, derivative and target agree with core.js. */
async function checkPieces(page, slug, expectedPieces) {
  await frames(page, 2);
  const table = await page.locator(`#${slug}-pieces tbody tr`).evaluateAll((rows) => rows.map((tr) => ({
    w: Number(tr.querySelector('input[id$="-w"]').value), b: Number(tr.querySelector('input[id$="-b"]').value),
  })));
  const { pieces } = await sectionState(page, slug);
  assert.deepEqual(table, pieces, 'the table shows the pieces');
  if (expectedPieces) assert.deepEqual(pieces, expectedPieces, 'the pieces');
  assert.deepEqual(await checkSection(page, slug), []);
  return pieces;
}

test('every pieces function\'s editor: add, type, remove, limits and every preset redraw the pieces and their maximum', async (t) => {
  const { page, close: done } = await site.open();
  for (const spec of registry.curveFunctions.filter((s) => s.kind === 'pieces')) {
    const { slug } = spec;
    const { min, max, limit, default: start, presets } = spec.pieces;
    await t.test(slug, async () => {
      await waitForChart(page, `#${slug}-chart`);
      await checkPieces(page, slug, start);

      let pieces = start.map((p) => ({ ...p }));
      if (pieces.length < max) {
        await page.locator(`#${slug}-add-piece`).click();
        pieces = [...pieces, { w: -0.5, b: -1 }]; // a gentle slope that stays out of the way
        await checkPieces(page, slug, pieces);
      }
      const last = pieces.length - 1;
      await page.locator(`#${slug}-piece-${last}-w`).fill('-2');
      await page.locator(`#${slug}-piece-${last}-b`).fill('0.5');
      pieces[last] = { w: -2, b: 0.5 };
      await checkPieces(page, slug, pieces);
      if (pieces.length > min) {
        await page.locator(`#${slug}-piece-0-remove`).click();
        pieces.shift();
        await checkPieces(page, slug, pieces);
      }

      // Out of range: clamped to ±limit with a visible warning.
      await page.locator(`#${slug}-piece-0-b`).fill(String(10 * limit));
      await page.locator(`#${slug}-piece-0-b`).press('Tab');
      pieces[0] = { ...pieces[0], b: limit };
      await checkPieces(page, slug, pieces);
      assert.ok(await page.locator(`#${slug}-pieces-hint`).evaluate((el) => el.classList.contains('hint-warning')), 'clamping warning shown');

      // Every preset; one that approximates a curve draws it and shows its toggle.
      for (const preset of presets) {
        await page.locator(`#${slug}-preset-${preset.id}`).click();
        await checkPieces(page, slug, preset.pieces);
        assert.equal(await page.locator(`#${slug}-curve-target`).isVisible(), preset.targetQuadratic !== undefined,
          `preset ${preset.id}: the target curve's toggle`);
      }

      for (let n = (await sectionState(page, slug)).pieces.length; n < max; n += 1) await page.locator(`#${slug}-add-piece`).click();
      assert.equal((await checkPieces(page, slug)).length, max);
      assert.ok(await page.locator(`#${slug}-add-piece`).isDisabled(), `add is disabled at ${max} pieces`);
      for (let n = max; n > min; n -= 1) await page.locator(`#${slug}-piece-0-remove`).click();
      assert.equal((await checkPieces(page, slug)).length, min);
      assert.ok(await page.locator(`#${slug}-piece-0-remove`).isDisabled(), `remove is disabled at ${min} piece(s)`);
    });
  }
  await done();
});

test('maxout\'s convex preset: four tangents of x²/4 stay within 0.25 of it on ±3', async () => {
  const { page, close: done } = await site.open();
  await waitForChart(page, '#maxout-chart');
  await page.locator('#maxout-preset-convex').click();
  const pieces = await checkPieces(page, 'maxout');
  assert.equal(pieces.length, 4, 'the convex preset has four pieces');
  const chart = await readChart(page, '#maxout-chart');
  for (const [x, y] of dataset(chart, 'max').data) assert.ok(y <= x * x / 4 + 1e-12 && x * x / 4 - y <= 0.25 + 1e-12, `x = ${x}: ${y}`);
  for (const [x, y] of dataset(chart, 'target').data) assert.ok(close(y, x * x / 4), `x²/4 at x = ${x}: ${y}`);
  await done();
});
