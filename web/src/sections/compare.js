// A comparison chart: several functions at their default parameters, f solid and f′ dashed
// in one colour per function, each function toggleable (the toggles are the legend); with
// functions from several groups, a button per group shows or hides all of its functions.

import { h, tr } from '../ui/dom.js';
import { formatNumber } from '../text/format.js';
import { watch } from '../model/store.js';
import { createFrameTask } from '../ui/frame.js';
import { createLineChart, curvesOf, redrawLine, sampleCount, xAtPointer } from '../charts/charts.js';
import { createChartCard } from '../charts/chart-card.js';
import { createRangeControl } from './controls.js';
import { commit, curvePoints, valueXs, showReading } from './kit.js';
import { getField, setField, setRange, setShown } from '../model/state.js';
import { summaryGroups } from '../text/summary-groups.js';

export function mountCompareSection(lab, { slug: id }, ctx) {
  const { core, store, table, t } = ctx;
  const slugs = table.sections.find((s) => s.id === id).slugs;
  const current = () => store.get().sections[id];
  const name = (slug) => t(`fn.${slug}`);
  const shown = (slug) => current().shown.includes(slug);
  const slotOf = (slug) => table.specs.get(slug).colour;

  const card = createChartCard({
    id, t, curvesKey: 'compare.show',
    curves: slugs.map((slug) => ({ key: slug, labelKey: `fn.${slug}`, slot: slotOf(slug), dash: 'solid', checked: shown(slug) })),
    onToggle: (slug, on) => commit(store, (s) => setShown(s, table, id, slug, on)),
    onProbe: () => hairTask.request(),
    xRange: () => ({ min: current().xmin, max: current().xmax }),
    onValuesOpen: () => renderValues(),
  });
  const derivatives = h('input', {
    type: 'checkbox', id: `${id}-derivatives`, 'data-testid': `${id}-derivatives`, checked: current().derivatives,
    onchange: (e) => commit(store, (s) => setField(s, table, `${id}.derivatives`, e.target.checked)),
  });
  // The groups the members come from, in page order; one group: no buttons.
  const groups = summaryGroups(slugs.map((slug) => table.specs.get(slug)), table.groups)
    .map((g) => ({ ...g, slugs: g.specs.map((spec) => spec.slug) }));
  const setGroup = (slugsOfGroup, on) => commit(store, (s) => {
    const shownNow = getField(s, table, `${id}.shown`);
    const next = on ? [...shownNow, ...slugsOfGroup.filter((slug) => !shownNow.includes(slug))] : shownNow.filter((slug) => !slugsOfGroup.includes(slug));
    return setField(s, table, `${id}.shown`, slugs.filter((slug) => next.includes(slug)));
  });
  const groupButtons = groups.length < 2 ? [] : groups.map((g) => h('button', {
    type: 'button', className: 'chip', id: `${id}-group-${g.id}`, 'data-testid': `${id}-group-${g.id}`,
    onclick: () => setGroup(g.slugs, !g.slugs.every(shown)),
  }, tr('span', g.nameKey, t)));
  const range = createRangeControl({
    id, t, xmin: current().xmin, xmax: current().xmax,
    onRange: (a, b, moved) => commit(store, (s) => setRange(s, table, id, a, b, moved)),
  });
  lab.replaceChildren(
    h('div', { className: 'lab-chart' }, card.root),
    h('div', { className: 'lab-controls' },
      h('label', { className: 'check', for: derivatives.id }, derivatives,
        h('span', { className: 'swatch', 'aria-hidden': 'true', dataset: { series: 'text', dash: 'dashed' } }),
        tr('span', 'compare.derivatives', t)),
      ...(groupButtons.length ? [h('div', { className: 'compare-groups', role: 'group', 'aria-labelledby': `${id}-groups-label` },
        tr('p', 'compare.groups', t, undefined, { className: 'picker-label', id: `${id}-groups-label` }),
        h('ul', { className: 'picker-list' }, groupButtons.map((b) => h('li', {}, b))))] : []),
      range.root,
      tr('p', 'compare.defaults', t, undefined, { className: 'note' })),
  );

  let chart = null;
  // Default parameters never change, so samples are cached per x-range and width.
  const cache = new Map();
  const sampleOf = (slug, xmin, xmax, n) => {
    const key = `${slug}|${xmin}|${xmax}|${n}`;
    if (!cache.has(key)) {
      if (cache.size > 64) cache.clear();
      cache.set(key, curvePoints(core, slug, core.sample(slug, { xmin, xmax, n }), core.properties(slug)));
    }
    return cache.get(key);
  };

  function render() {
    const { xmin, xmax, derivatives: withDf } = current();
    const names = slugs.filter(shown).map(name).join(', ');
    card.setAriaLabel(t('chart.ariaCompare', { names, xmin: formatNumber(xmin), xmax: formatNumber(xmax) }));
    if (card.valuesOpen()) renderValues();
    if (!chart) return;
    const n = sampleCount(chart);
    slugs.forEach((slug, i) => {
      const [f, df] = curvesOf(chart).slice(2 * i, 2 * i + 2);
      const visible = shown(slug);
      f.hidden = !visible;
      df.hidden = !(visible && withDf);
      if (!visible) return;
      const s = sampleOf(slug, xmin, xmax, n);
      f.data = s.f;
      df.data = s.df;
    });
    renderHair(false); // the crosshair is drawn by the update below
    redrawLine(chart, xmin, xmax);
  }

  function renderValues() {
    const { xmin, xmax, derivatives: withDf } = current();
    const xs = valueXs(xmin, xmax);
    const columns = [t('chart.colX')];
    const cols = [];
    for (const slug of slugs.filter(shown)) {
      columns.push(`${name(slug)} f`);
      cols.push(core.evaluate(slug, xs));
      if (withDf) {
        columns.push(`${name(slug)} f′`);
        cols.push(core.derivative(slug, xs));
      }
    }
    card.setValues({
      caption: t('chart.valuesCaption', { name: slugs.filter(shown).map(name).join(', ') }),
      columns,
      rows: xs.map((x, i) => [formatNumber(x), ...cols.map((c) => formatNumber(c[i]))]),
    });
  }

  function renderHair(draw = true) {
    const x = card.probeX();
    if (x === null || !chart) {
      showReading(card, chart, null, draw);
      return;
    }
    const withDf = current().derivatives;
    const parts = [{ text: t('chart.x', { x: formatNumber(x) }) }];
    const points = [];
    for (const slug of slugs.filter(shown)) {
      const f = core.evaluate(slug, [x])[0];
      const df = core.derivative(slug, [x])[0];
      const color = chart.$theme.colour(slotOf(slug));
      parts.push({ slot: slotOf(slug), text: `${name(slug)}: f = ${formatNumber(f)}${withDf ? `, f′ = ${formatNumber(df)}` : ''}` });
      points.push({ y: f, color });
      if (withDf) points.push({ y: df, color });
    }
    showReading(card, chart, { x, parts, points }, draw);
  }

  const task = createFrameTask(render);
  const hairTask = createFrameTask(() => renderHair());

  function createChart() {
    const theme = ctx.theme();
    const series = slugs.flatMap((slug) => [
      { label: `${slug} f`, color: theme.colour(slotOf(slug)), colorOf: (th) => th.colour(slotOf(slug)), dash: 'solid' },
      { label: `${slug} f′`, color: theme.colour(slotOf(slug)), colorOf: (th) => th.colour(slotOf(slug)), dash: 'dashed' },
    ]);
    chart = createLineChart(card.canvas, { xmin: current().xmin, xmax: current().xmax, series, theme, onResize: () => task.request() });
    ctx.trackChart(chart);
    card.attachPointer((e) => xAtPointer(chart, e));
    render();
  }

  const sync = () => {
    const s = current();
    for (const slug of slugs) card.setChecked(slug, s.shown.includes(slug));
    groups.forEach((g, i) => groupButtons[i]?.setAttribute('aria-pressed', String(g.slugs.every((slug) => s.shown.includes(slug)))));
    derivatives.checked = s.derivatives;
    range.set(s.xmin, s.xmax);
    task.request();
  };
  watch(store, (s) => s.sections[id], sync);
  watch(store, (s) => s.lang, () => { range.renderText(); task.request(); hairTask.request(); });
  sync();
  return { element: lab, createChart };
}
