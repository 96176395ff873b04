// Every section draws a chart whose plotted values are core.js's values (1e-12), at the
// default parameters, over the section's x-range, with no NaN except at the page's
// deliberate gaps (jumps of f, kinks of f′).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, nodeCore, pageFormat, waitForChart, readChart, dataset, comparePoints, close, buildAllCharts, DESKTOP, PHONE,
} from './harness.mjs';

const site = useSite();

const core = await nodeCore();
const list = core.list();
const scalarSlugs = list.filter((s) => s.kind === 'scalar' && s.slug !== 'maxout').map((s) => s.slug);
const defaults = (slug) => Object.fromEntries(list.find((s) => s.slug === slug).params.map((p) => [p.name, p.default]));

/** Gaps the page leaves: f breaks where discontinuous, f′ at every non-differentiable point. */
function gaps(slug, params) {
  const p = core.properties(slug, params);
  return { f: p.continuity < 0 ? p.nonDifferentiableAt : [], df: p.nonDifferentiableAt };
}

function assertRange(chart, xmin, xmax, what) {
  assert.equal(chart.xMin, xmin, `${what}: x-axis starts at ${chart.xMin}, expected ${xmin}`);
  assert.equal(chart.xMax, xmax, `${what}: x-axis ends at ${chart.xMax}, expected ${xmax}`);
}

async function xRange(page, id) {
  return page.evaluate((sid) => ({
    xmin: Number(document.getElementById(`${sid}-xmin`).value),
    xmax: Number(document.getElementById(`${sid}-xmax`).value),
  }), id);
}

test('every section has a chart placeholder, in the seed order, with its slug as id', async () => {
  const { page, close: done } = await site.open();
  const ids = await page.locator('main section[id]').evaluateAll((els) => els.map((el) => el.id));
  const expected = ['intro', 'step', 'sigmoid', 'tanh', 'relu', 'softplus', 'leaky-relu', 'prelu', 'elu', 'maxout', 'softmax',
    'compare-relu-family', 'compare-all', 'summary'];
  assert.deepEqual(ids, expected);
  const canvases = await buildAllCharts(page);
  for (const id of [...scalarSlugs, 'maxout', 'softmax', 'compare-relu-family', 'compare-all']) {
    assert.ok(canvases.includes(`#${id}-chart`), `section ${id} has no chart (canvases: ${canvases.join(' ')})`);
  }
  await done();
});

test('scalar sections plot f and f′ (and PReLU ∂f/∂a) exactly as core.js computes them', async () => {
  const { page, close: done } = await site.open();
  const problems = [];
  for (const slug of scalarSlugs) {
    const chart = await waitForChart(page, `#${slug}-chart`);
    const params = defaults(slug);
    const { xmin, xmax } = await xRange(page, slug);
    assertRange(chart, xmin, xmax, slug);
    const g = gaps(slug, params);
    const f = dataset(chart, 'f');
    const df = dataset(chart, 'df');
    assert.ok(!f.hidden && !df.hidden, `${slug}: f and f′ are both shown by default`);
    assert.deepEqual(f.borderDash, [], `${slug}: f is solid`);
    assert.ok(df.borderDash.length > 0, `${slug}: f′ is dashed`);
    // About one point per pixel of the plot area.
    const width = chart.chartArea.right - chart.chartArea.left;
    assert.ok(f.data.length >= Math.min(64, width * 0.5), `${slug}: only ${f.data.length} points for ${width} px`);
    assert.ok(close(f.data[0][0], xmin) && close(f.data.at(-1)[0], xmax), `${slug}: f spans the x-range`);
    problems.push(...comparePoints(f.data, (xs) => core.evaluate(slug, xs, params), { gapsAt: g.f, what: `${slug} f` }));
    problems.push(...comparePoints(df.data, (xs) => core.derivative(slug, xs, params), { gapsAt: g.df, what: `${slug} f′` }));
    if (slug === 'prelu') {
      const dp = dataset(chart, 'dparam');
      problems.push(...comparePoints(dp.data, (xs) => core.parameterDerivative(slug, xs, params), { what: 'prelu ∂f/∂a' }));
    }
    // At the defaults the faint default curves are not drawn.
    const faint = chart.datasets.filter((d) => !['f', 'df', 'dparam'].includes(d.label));
    assert.ok(faint.every((d) => d.hidden), `${slug}: default curves hidden while at the defaults`);
  }
  assert.deepEqual(problems, []);
  await done();
});

test('maxout plots its pieces faintly and their maximum with its derivative, as core.maxout', async () => {
  const { page, close: done } = await site.open();
  const chart = await waitForChart(page, '#maxout-chart');
  const pieces = list.find((s) => s.slug === 'maxout').pieces.default;
  const { xmin, xmax } = await xRange(page, 'maxout');
  assertRange(chart, xmin, xmax, 'maxout');
  const max = dataset(chart, 'max');
  const df = dataset(chart, 'df');
  const g = gaps('maxout', { pieces });
  const problems = [
    ...comparePoints(max.data, (xs) => core.maxout(xs, pieces).y, { what: 'maxout max' }),
    ...comparePoints(df.data, (xs) => core.maxout(xs, pieces).dy, { gapsAt: g.df, what: 'maxout f′' }),
  ];
  const shownPieces = chart.datasets.filter((d) => /^piece \d+$/.test(d.label) && !d.hidden);
  assert.equal(shownPieces.length, pieces.length, 'one faint line per piece');
  shownPieces.forEach((d, i) => {
    for (const [x, y] of d.data) {
      if (!close(y, pieces[i].w * x + pieces[i].b)) problems.push(`piece ${i + 1} at x = ${x}: ${y}`);
    }
  });
  assert.deepEqual(problems, []);
  await done();
});

test('softmax plots the logits and core.softmax probabilities, and the Jacobian table is core.softmaxJacobian', async () => {
  const { page, close: done } = await site.open();
  const probs = await waitForChart(page, '#softmax-chart');
  const logitsChart = await readChart(page, '#softmax-logits-chart');
  const logits = await page.locator('#softmax-logits input[type=number]').evaluateAll((els) => els.map((el) => Number(el.value)));
  const T = Number(await page.locator('#softmax-temperature-input').inputValue());
  assert.ok(logits.length >= 2, 'at least two logits');
  assert.deepEqual(logitsChart.datasets[0].data, logits, 'logit bars are the typed logits');
  const expected = core.softmax(logits, T);
  const plotted = probs.datasets[0].data;
  assert.equal(plotted.length, logits.length);
  plotted.forEach((p, i) => assert.ok(close(p, expected[i]), `probability ${i + 1}: ${p} vs ${expected[i]}`));
  assert.equal(probs.yMin, 0);
  assert.equal(probs.yMax, 1);
  const { formatNumber } = await pageFormat();
  const cells = await page.locator('#softmax-jacobian tbody td').allTextContents();
  const J = core.softmaxJacobian(logits, T);
  assert.deepEqual(cells.map((c) => c.trim()), Array.from(J, (v) => formatNumber(v, 3)), 'the n×n Jacobian table');
  await done();
});

test('the logits axis labels 0 and both ends, on a phone and with a large logit', async () => {
  for (const [viewport, query] of [[PHONE, ''], [DESKTOP, '?softmax.logits=12,1,0.1']]) {
    const { page, close: done } = await site.open({ viewport, path: query });
    await waitForChart(page, '#softmax-logits-chart');
    const ticks = await page.evaluate(() => {
      const chart = window.__e2e.chartOf(document.getElementById('softmax-logits-chart'));
      return { labelled: chart.scales.y.ticks.map((t) => t.value), min: chart.scales.y.min, max: chart.scales.y.max };
    });
    const what = `${viewport.width} px${query}: ticks ${ticks.labelled}`;
    assert.ok(ticks.labelled.includes(0), `${what} include 0`);
    assert.ok(ticks.labelled.includes(ticks.min) && ticks.labelled.includes(ticks.max), `${what} include both ends`);
    await done();
  }
});

test('comparison charts plot each function at its defaults, f solid and f′ dashed, in its own colour', async () => {
  const { page, close: done } = await site.open();
  const problems = [];
  for (const id of ['compare-relu-family', 'compare-all']) {
    const chart = await waitForChart(page, `#${id}-chart`);
    const { xmin, xmax } = await xRange(page, id);
    assertRange(chart, xmin, xmax, id);
    const shown = await page.locator(`#${id}-curves input[type=checkbox]`).evaluateAll((els) =>
      els.filter((el) => el.checked).map((el) => el.id.replace(/^.*-curve-/, '')));
    if (id === 'compare-relu-family') assert.deepEqual(shown, ['relu', 'leaky-relu', 'elu']);
    else assert.ok(shown.length >= 8, `compare-all shows most functions (${shown.join(', ')})`);
    for (const slug of shown) {
      const f = dataset(chart, `${slug} f`);
      const df = dataset(chart, `${slug} f′`);
      assert.ok(!f.hidden && !df.hidden, `${id}: ${slug} f and f′ visible`);
      const g = gaps(slug, undefined);
      problems.push(...comparePoints(f.data, (xs) => core.evaluate(slug, xs), { gapsAt: g.f, what: `${id} ${slug} f` }));
      problems.push(...comparePoints(df.data, (xs) => core.derivative(slug, xs), { gapsAt: g.df, what: `${id} ${slug} f′` }));
    }
    // Toggling a curve hides it (the toggles are the legend).
    const first = shown[0];
    await page.locator(`#${id}-curve-${first}`).uncheck();
    await page.waitForFunction(([sel, label]) => {
      const c = window.__e2e.chartOf(document.querySelector(sel));
      return window.__e2e.seriesOf(c).find((d) => d.label === label).hidden;
    }, [`#${id}-chart`, `${first} f`]);
    await page.locator(`#${id}-curve-${first}`).check();
  }
  assert.deepEqual(problems, []);
  await done();
});

test('the summary table lists every function with its properties', async () => {
  const { page, close: done } = await site.open();
  await page.locator('#summary-table').scrollIntoViewIfNeeded();
  const rows = await page.locator('#summary-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    slug: tr.dataset.slug, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
  assert.deepEqual(rows.map((r) => r.slug), list.map((s) => s.slug));
  for (const r of rows) assert.ok(r.cells.length >= 8 && r.cells.every((c) => c && c !== 'undefined' && !c.includes('NaN')), `${r.slug}: ${r.cells.join(' | ')}`);
  // f(0) column agrees with the core.
  const f0 = await page.locator('#summary-table tbody tr[data-slug="sigmoid"] td[data-prop="f0"]').textContent();
  assert.equal(f0.trim(), '0.5');
  // At 1280 px every column fits beside the contents list (phones scroll it sideways).
  for (let i = 0; i < 3; i += 1) await page.evaluate(() => window.__e2e.settleInView(document.getElementById('summary-table'), 3));
  const fit = await page.locator('#summary .table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(fit.scroll <= fit.client, `the table needs ${fit.scroll} px in ${fit.client}`);
  await done();
});
