// Parameter sliders, number boxes, reset, x-range controls and the hover readout.
// After every change the chart is read back and compared with core.js at the value the
// page shows in its number box; nothing non-finite may reach a chart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, nodeCore, pageFormat, waitForChart, readChart, dataset, comparePoints, frames, parseShown,
} from './harness.mjs';

const site = useSite();
const core = await nodeCore();
const { formatNumber } = await pageFormat();
const list = core.list();
const specOf = (slug) => list.find((s) => s.slug === slug);

// Each scalar parameter and a value to move its slider to.
const MOVES = [
  { slug: 'softplus', param: 'beta', to: 3 },
  { slug: 'leaky-relu', param: 'alpha', to: 0.5 },
  { slug: 'prelu', param: 'a', to: -0.5 },
  { slug: 'elu', param: 'alpha', to: 2.5 },
];

async function paramValue(page, slug, param) {
  return Number(await page.locator(`#${slug}-${param}-input`).inputValue());
}

/** Compare the live (and, off the defaults, the faint default) curves with core.js. */
async function checkCurves(page, slug, params, { expectDefaultShown }) {
  const chart = await readChart(page, `#${slug}-chart`);
  const props = core.properties(slug, params);
  const problems = [
    ...comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate(slug, xs, params),
      { gapsAt: props.continuity < 0 ? props.nonDifferentiableAt : [], what: `${slug} f @${JSON.stringify(params)}` }),
    ...comparePoints(dataset(chart, 'df').data, (xs) => core.derivative(slug, xs, params),
      { gapsAt: props.nonDifferentiableAt, what: `${slug} f′ @${JSON.stringify(params)}` }),
  ];
  if (slug === 'prelu') {
    problems.push(...comparePoints(dataset(chart, 'dparam').data, (xs) => core.parameterDerivative(slug, xs, params), { what: 'prelu ∂f/∂a' }));
  }
  const faint = chart.datasets.filter((d) => !['f', 'df', 'dparam'].includes(d.label));
  assert.equal(faint.length, 2, `${slug}: two faint default curves`);
  if (expectDefaultShown) {
    assert.ok(faint.every((d) => !d.hidden), `${slug}: the default curves stay faintly visible off the defaults`);
    const defaults = Object.fromEntries(specOf(slug).params.map((p) => [p.name, p.default]));
    problems.push(...comparePoints(faint[0].data, (xs) => core.evaluate(slug, xs, defaults), { what: `${slug} default f` }));
    problems.push(...comparePoints(faint[1].data, (xs) => core.derivative(slug, xs, defaults),
      { gapsAt: core.properties(slug, defaults).nonDifferentiableAt, what: `${slug} default f′` }));
  } else {
    assert.ok(faint.every((d) => d.hidden), `${slug}: no default curves at the defaults`);
  }
  assert.deepEqual(problems, []);
}

test('moving each parameter slider redraws its curve with the new value; reset restores the default', async () => {
  const { page, close } = await site.open();
  for (const { slug, param, to } of MOVES) {
    await waitForChart(page, `#${slug}-chart`);
    const spec = specOf(slug).params.find((p) => p.name === param);
    assert.equal(await paramValue(page, slug, param), spec.default, `${slug}.${param} starts at its default`);
    await checkCurves(page, slug, { [param]: spec.default }, { expectDefaultShown: false });

    await page.locator(`#${slug}-${param}-slider`).fill(String(to));
    await frames(page, 2);
    assert.equal(await paramValue(page, slug, param), to, `${slug}.${param}: the number box follows the slider`);
    await checkCurves(page, slug, { [param]: to }, { expectDefaultShown: true });
    assert.ok(await page.locator(`#${slug}-curve-default`).isVisible(), `${slug}: a "default" toggle appears`);

    await page.locator(`#${slug}-${param}-reset`).click();
    await frames(page, 2);
    assert.equal(await paramValue(page, slug, param), spec.default, `${slug}.${param}: reset`);
    await checkCurves(page, slug, { [param]: spec.default }, { expectDefaultShown: false });
  }
  await close();
});

test('the slider answers the keyboard, only its own chart changes, and the curve toggles work', async () => {
  const { page, close } = await site.open();
  await waitForChart(page, '#leaky-relu-chart');
  await waitForChart(page, '#elu-chart');
  const before = await readChart(page, '#leaky-relu-chart');
  const slider = page.locator('#elu-alpha-slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  const alpha = await paramValue(page, 'elu', 'alpha');
  assert.ok(alpha > 1 && alpha < 1.1, `two steps right move α a little above 1 (got ${alpha})`);
  await checkCurves(page, 'elu', { alpha }, { expectDefaultShown: true });
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

test('a number typed out of range is clamped with a visible hint, and never reaches a chart as NaN', async () => {
  const { page, close } = await site.open();
  await waitForChart(page, '#elu-chart');
  const box = page.locator('#elu-alpha-input');
  const hint = page.locator('#elu-alpha-hint');
  const cases = [
    { typed: '99', used: 5 },
    { typed: '-3', used: 0.01 },
  ];
  for (const { typed, used } of cases) {
    await box.fill(typed);
    await box.press('Tab'); // commits: the change event
    await frames(page, 2);
    assert.equal(Number(await box.inputValue()), used, `typed ${typed}: the box shows the value used`);
    assert.ok(await hint.isVisible(), 'the hint is visible');
    const text = await hint.textContent();
    assert.match(text, new RegExp(`${typed.replace('-', '[-−]')}.*${formatNumber(used).replace('.', '\\.')}`), `hint names what was typed and what is used: "${text}"`);
    assert.ok(await hint.evaluate((el) => el.classList.contains('hint-warning')), 'the hint is styled as a warning');
    await checkCurves(page, 'elu', { alpha: used }, { expectDefaultShown: true });
  }
  // Not a number at all: the last good value stays, the hint asks for a number.
  await box.fill('');
  await box.press('Tab');
  await frames(page, 2);
  assert.equal(Number(await box.inputValue()), 0.01, 'an empty box falls back to the last value');
  await checkCurves(page, 'elu', { alpha: 0.01 }, { expectDefaultShown: true });
  await page.locator('#elu-alpha-reset').click();
  await frames(page, 2);
  assert.equal(await hint.evaluate((el) => el.classList.contains('hint-warning')), false, 'reset clears the warning');

  // The x-range: presets, a custom range, an absurd one.
  await waitForChart(page, '#sigmoid-chart');
  await page.locator('#sigmoid-range-3').click();
  await frames(page, 2);
  let chart = await readChart(page, '#sigmoid-chart');
  assert.deepEqual([chart.xMin, chart.xMax], [-3, 3], 'the ±3 preset');
  assert.equal(await page.locator('#sigmoid-range-3').getAttribute('aria-pressed'), 'true');
  await page.locator('#sigmoid-xmin').fill('-5000');
  await page.locator('#sigmoid-xmin').press('Tab');
  await frames(page, 2);
  chart = await readChart(page, '#sigmoid-chart');
  assert.deepEqual([chart.xMin, chart.xMax], [-1000, 3], 'x is clamped to ±1000');
  assert.ok(await page.locator('#sigmoid-range-hint').isVisible(), 'the range hint is visible');
  assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('sigmoid', xs), { what: 'sigmoid f on [−1000, 3]' }), []);
  // Ends that cross are pulled apart, not drawn as an empty or NaN chart.
  await page.locator('#sigmoid-xmax').fill('-2000');
  await page.locator('#sigmoid-xmax').press('Tab');
  await frames(page, 2);
  chart = await readChart(page, '#sigmoid-chart');
  assert.ok(Number.isFinite(chart.xMin) && Number.isFinite(chart.xMax) && chart.xMax > chart.xMin, `a usable range (${chart.xMin} … ${chart.xMax})`);
  assert.deepEqual(comparePoints(dataset(chart, 'f').data, (xs) => core.evaluate('sigmoid', xs), { what: 'sigmoid f, crossed ends' }), []);
  await page.locator('#sigmoid-range-10').click();
  await frames(page, 2);
  chart = await readChart(page, '#sigmoid-chart');
  assert.deepEqual([chart.xMin, chart.xMax], [-10, 10], 'the ±10 preset');
  await close();
});

/** The readout's parts as text. */
const readoutParts = (page, id) => page.locator(`#${id}-readout .readout-part`).allTextContents();

test('the hover readout shows x, f(x) and f′(x); the keyboard reads exact values', async () => {
  const { page, close } = await site.open();
  const chart = await waitForChart(page, '#sigmoid-chart');
  const box = await page.locator('#sigmoid-chart').boundingBox();
  const area = chart.chartArea;
  // Pointer: a third of the way across the plot area.
  await page.mouse.move(box.x + area.left + (area.right - area.left) / 3, box.y + (area.top + area.bottom) / 2);
  await frames(page, 2);
  let parts = await readoutParts(page, 'sigmoid');
  assert.equal(parts.length, 3, `x, f(x), f′(x): ${parts.join(' | ')}`);
  const x = parseShown(parts[0].replace(/^x = /, ''));
  assert.ok(x > -4.5 && x < -2, `x about −10 + 20/3 (got ${parts[0]})`);
  const f = parseShown(parts[1].replace(/^f\(x\) = /, ''));
  const df = parseShown(parts[2].replace(/^f′\(x\) = /, ''));
  assert.ok(Math.abs(f - core.evaluate('sigmoid', [x])[0]) < 2e-3, `f(x) ≈ sigmoid(${x}): ${parts[1]}`);
  assert.ok(Math.abs(df - core.derivative('sigmoid', [x])[0]) < 2e-3, `f′(x) ≈ sigmoid′(${x}): ${parts[2]}`);
  const hair = await page.evaluate(() => window.__e2e.chartOf(document.getElementById('sigmoid-chart')).$crosshair?.x);
  assert.ok(Number.isFinite(hair), 'the crosshair is drawn');

  // Keyboard: Home goes to the left end; → steps by 1/100 of the range.
  await page.locator('#sigmoid-chart').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  parts = await readoutParts(page, 'sigmoid');
  const kx = -10 + 2 * 0.2;
  assert.deepEqual(parts, [
    `x = ${formatNumber(kx)}`,
    `f(x) = ${formatNumber(core.evaluate('sigmoid', [kx])[0])}`,
    `f′(x) = ${formatNumber(core.derivative('sigmoid', [kx])[0])}`,
  ]);
  await page.keyboard.press('Escape');
  await frames(page, 2);
  assert.equal((await readoutParts(page, 'sigmoid')).length, 0, 'Escape clears the readout');

  // PReLU adds ∂f/∂a; maxout names the winning piece; a comparison lists each function.
  await waitForChart(page, '#prelu-chart');
  await page.locator('#prelu-chart').focus();
  await page.keyboard.press('Home');
  await frames(page, 2);
  parts = await readoutParts(page, 'prelu');
  assert.deepEqual(parts, [
    'x = −3',
    `f(x) = ${formatNumber(core.evaluate('prelu', [-3])[0])}`,
    `f′(x) = ${formatNumber(core.derivative('prelu', [-3])[0])}`,
    `∂f/∂a = ${formatNumber(core.parameterDerivative('prelu', [-3])[0])}`,
  ]);
  await waitForChart(page, '#maxout-chart');
  await page.locator('#maxout-chart').focus();
  await page.keyboard.press('End');
  await frames(page, 2);
  parts = await readoutParts(page, 'maxout');
  assert.equal(parts.length, 4, parts.join(' | '));
  assert.deepEqual(parts.slice(0, 3), ['x = 3', 'f(x) = 3', 'f′(x) = 1']);
  assert.match(parts[3], /2$/, 'piece 2 (w = 1) wins at x = 3');
  await waitForChart(page, '#compare-relu-family-chart');
  await page.locator('#compare-relu-family-chart').focus();
  await page.keyboard.press('Home');
  await frames(page, 2);
  parts = await readoutParts(page, 'compare-relu-family');
  assert.equal(parts.length, 4, `x and one part per function: ${parts.join(' | ')}`);
  assert.match(parts[3], new RegExp(`f = ${formatNumber(core.evaluate('elu', [-3])[0])}, f′ = ${formatNumber(core.derivative('elu', [-3])[0])}`));
  await close();
});
