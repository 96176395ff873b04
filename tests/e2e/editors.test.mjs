// The softmax logits editor (add, remove, type, drag, temperature) and the maxout pieces
// editor (add, remove, type, presets): after every edit the charts, the Jacobian table and
// the sum are compared with core.softmax / core.softmaxJacobian / core.maxout.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, nodeCore, pageFormat, waitForChart, readChart, dataset, comparePoints, close, frames,
} from './harness.mjs';

const site = useSite();
const core = await nodeCore();
const { formatNumber } = await pageFormat();

const logitsOf = (page) => page.locator('#softmax-logits input[type=number]')
  .evaluateAll((els) => els.map((el) => Number(el.value)));
const temperatureOf = async (page) => Number(await page.locator('#softmax-temperature-input').inputValue());

/** Charts, Jacobian, sum and probability table agree with core.js for the logits shown. */
async function checkSoftmax(page, expectedLogits) {
  await frames(page, 2);
  const logits = await logitsOf(page);
  if (expectedLogits) assert.deepEqual(logits, expectedLogits, 'the logit boxes');
  const T = await temperatureOf(page);
  const s = core.softmax(logits, T);
  const J = core.softmaxJacobian(logits, T);
  const probs = await readChart(page, '#softmax-chart');
  const bars = await readChart(page, '#softmax-logits-chart');
  assert.deepEqual(bars.datasets[0].data, logits, 'one logit bar per logit');
  assert.equal(bars.labels.length, logits.length);
  assert.equal(probs.datasets[0].data.length, logits.length, 'one probability bar per logit');
  probs.datasets[0].data.forEach((p, i) => assert.ok(close(p, s[i]), `s${i + 1}: chart ${p}, core ${s[i]} (z = ${logits}, T = ${T})`));
  const cells = (await page.locator('#softmax-jacobian tbody td').allTextContents()).map((c) => c.trim());
  assert.deepEqual(cells, Array.from(J, (v) => formatNumber(v, 3)), `Jacobian for z = ${logits}, T = ${T}`);
  const sum = await page.locator('#softmax-sum').textContent();
  assert.match(sum, /\b1\b/, `the sum reads 1: "${sum}"`);
  return { logits, T };
}

test('softmax editor: add, type, remove, limits, temperature and dragging a bar update probabilities and Jacobian', async () => {
  const { page, close: done } = await site.open();
  await waitForChart(page, '#softmax-chart');
  await checkSoftmax(page, [2, 1, 0.1]);

  await page.locator('#softmax-add-logit').click();
  await checkSoftmax(page, [2, 1, 0.1, 1.03]); // a new logit starts at the mean of the others

  await page.locator('#softmax-logit-0').fill('3.5');
  await checkSoftmax(page, [3.5, 1, 0.1, 1.03]); // typing applies at once

  await page.locator('#softmax-logit-1-remove').click();
  await checkSoftmax(page, [3.5, 0.1, 1.03]);

  // Out of range: clamped to ±100 with a visible warning.
  await page.locator('#softmax-logit-2').fill('500');
  await page.locator('#softmax-logit-2').press('Tab');
  await checkSoftmax(page, [3.5, 0.1, 100]);
  const hint = page.locator('#softmax-logits-hint');
  assert.ok(await hint.isVisible() && await hint.evaluate((el) => el.classList.contains('hint-warning')), 'clamping warning shown');
  assert.match(await hint.textContent(), /500/);

  // Temperature (a log slider): 10^0.301 → T = 2.
  await page.locator('#softmax-temperature-slider').fill('0.301');
  const { T } = await checkSoftmax(page);
  assert.equal(T, 2, 'the temperature box follows the slider');
  await page.locator('#softmax-temperature-input').fill('0.05');
  await checkSoftmax(page);
  await page.locator('#softmax-temperature-reset').click();
  assert.equal((await checkSoftmax(page)).T, 1);

  // Up to ten logits; the add button then refuses.
  for (let n = (await logitsOf(page)).length; n < 10; n += 1) await page.locator('#softmax-add-logit').click();
  await checkSoftmax(page);
  assert.equal((await logitsOf(page)).length, 10);
  assert.ok(await page.locator('#softmax-add-logit').isDisabled(), 'add is disabled at 10 logits');
  // Down to two; remove buttons then refuse.
  while ((await logitsOf(page)).length > 2) await page.locator('#softmax-logit-0-remove').click();
  await checkSoftmax(page);
  assert.ok(await page.locator('#softmax-logit-0-remove').isDisabled(), 'remove is disabled at 2 logits');

  // Drag the second bar up: its logit follows the pointer (snapped to 0.1).
  const before = await logitsOf(page);
  await page.locator('#softmax-logits-chart').scrollIntoViewIfNeeded();
  const bars = await readChart(page, '#softmax-logits-chart');
  const box = await page.locator('#softmax-logits-chart').boundingBox();
  const area = bars.chartArea;
  const barX = box.x + area.left + (area.right - area.left) * 0.75;
  const yOf = (v) => box.y + area.top + ((bars.yMax - v) / (bars.yMax - bars.yMin)) * (area.bottom - area.top);
  await page.mouse.move(barX, yOf(before[1]));
  await page.mouse.down();
  await page.mouse.move(barX, yOf(3), { steps: 4 });
  await page.mouse.up();
  const after = await logitsOf(page);
  assert.equal(after[0], before[0], 'the other logit stays');
  assert.ok(Math.abs(after[1] - 3) <= 0.2, `dragged logit ≈ 3 (got ${after[1]})`);
  await checkSoftmax(page);
  await done();
});

const piecesOf = (page) => page.locator('#maxout-pieces tbody tr').evaluateAll((rows) => rows.map((tr) => ({
  w: Number(tr.querySelector('input[id$="-w"]').value), b: Number(tr.querySelector('input[id$="-b"]').value),
})));

/** The max and its derivative equal core.maxout; one faint line per piece. */
async function checkMaxout(page, expectedPieces) {
  await frames(page, 2);
  const pieces = await piecesOf(page);
  if (expectedPieces) assert.deepEqual(pieces, expectedPieces, 'the pieces table');
  const chart = await readChart(page, '#maxout-chart');
  const kinks = core.properties('maxout', { pieces }).nonDifferentiableAt;
  const problems = [
    ...comparePoints(dataset(chart, 'max').data, (xs) => core.maxout(xs, pieces).y, { what: `max of ${JSON.stringify(pieces)}` }),
    ...comparePoints(dataset(chart, 'df').data, (xs) => core.maxout(xs, pieces).dy, { gapsAt: kinks, what: `f′ of ${JSON.stringify(pieces)}` }),
  ];
  const lines = chart.datasets.filter((d) => /^piece \d+$/.test(d.label) && !d.hidden);
  assert.equal(lines.length, pieces.length, 'one faint line per piece');
  lines.forEach((d, i) => d.data.forEach(([x, y]) => {
    if (!close(y, pieces[i].w * x + pieces[i].b)) problems.push(`piece ${i + 1} at x = ${x}: ${y}`);
  }));
  assert.deepEqual(problems, []);
  return pieces;
}

test('maxout editor: add, type, remove, limits and presets redraw the pieces and their maximum', async () => {
  const { page, close: done } = await site.open();
  await waitForChart(page, '#maxout-chart');
  await checkMaxout(page, [{ w: 0, b: 0 }, { w: 1, b: 0 }]);

  await page.locator('#maxout-add-piece').click();
  await checkMaxout(page, [{ w: 0, b: 0 }, { w: 1, b: 0 }, { w: -0.5, b: -1 }]);

  await page.locator('#maxout-piece-2-w').fill('-2');
  await page.locator('#maxout-piece-2-b').fill('0.5');
  await checkMaxout(page, [{ w: 0, b: 0 }, { w: 1, b: 0 }, { w: -2, b: 0.5 }]);

  await page.locator('#maxout-piece-0-remove').click();
  await checkMaxout(page, [{ w: 1, b: 0 }, { w: -2, b: 0.5 }]);

  // Out of range: clamped to ±100 with a visible warning.
  await page.locator('#maxout-piece-0-b').fill('1e6');
  await page.locator('#maxout-piece-0-b').press('Tab');
  await checkMaxout(page, [{ w: 1, b: 100 }, { w: -2, b: 0.5 }]);
  assert.ok(await page.locator('#maxout-pieces-hint').evaluate((el) => el.classList.contains('hint-warning')), 'clamping warning shown');

  await page.locator('#maxout-preset-abs').click();
  await checkMaxout(page, [{ w: -1, b: 0 }, { w: 1, b: 0 }]);
  await page.locator('#maxout-preset-convex').click();
  const convex = await checkMaxout(page);
  assert.equal(convex.length, 4, 'the convex preset has four pieces');
  // Four tangents of x²/4: their max stays within 0.25 of the parabola on ±3.
  const chart = await readChart(page, '#maxout-chart');
  for (const [x, y] of dataset(chart, 'max').data) assert.ok(y <= x * x / 4 + 1e-12 && x * x / 4 - y <= 0.25 + 1e-12, `x = ${x}: ${y}`);
  // The parabola they approximate is drawn too, with its own toggle, only for this preset.
  const target = dataset(chart, 'target');
  assert.ok(!target.hidden && target.data.length >= 64, 'x²/4 drawn with the convex preset');
  for (const [x, y] of target.data) assert.ok(close(y, x * x / 4), `x²/4 at x = ${x}: ${y}`);
  assert.ok(await page.locator('#maxout-curve-target').isVisible(), 'its toggle is shown');
  await page.locator('#maxout-preset-relu').click();
  await checkMaxout(page, [{ w: 0, b: 0 }, { w: 1, b: 0 }]);
  assert.ok(dataset(await readChart(page, '#maxout-chart'), 'target').hidden, 'no x²/4 with other pieces');
  assert.ok(await page.locator('#maxout-curve-target').isHidden(), 'nor its toggle');

  for (let n = 2; n < 8; n += 1) await page.locator('#maxout-add-piece').click();
  await checkMaxout(page);
  assert.equal((await piecesOf(page)).length, 8);
  assert.ok(await page.locator('#maxout-add-piece').isDisabled(), 'add is disabled at 8 pieces');
  while ((await piecesOf(page)).length > 1) await page.locator('#maxout-piece-0-remove').click();
  await checkMaxout(page);
  assert.ok(await page.locator('#maxout-piece-0-remove').isDisabled(), 'the last piece cannot be removed');
  await done();
});
