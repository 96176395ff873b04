// One scalar function's lab: f solid and f′ dashed (a learnable parameter p adds ∂f/∂p
// dotted; a function with a training band, its two edges dotted), the default curves faint
// once a parameter moves, parameter controls, x-range, readout, properties.

import { h } from '../ui/dom.js';
import { formatNumber } from '../text/format.js';
import { watch } from '../model/store.js';
import { createFrameTask } from '../ui/frame.js';
import { createLineChart, curvesOf, redrawLine, sampleCount, sampleCountFor, toPoints, xAtPointer } from '../charts/charts.js';
import { createChartCard } from '../charts/chart-card.js';
import { createParamControl, createRangeControl } from './controls.js';
import {
  commit, createPropertiesBlock, curvePoints, valueXs, valuesTable, paramSummary, showReading,
} from './kit.js';
import { getIn, setField, setRange, paramFields, paramsOf, paramsAtDefault } from '../model/state.js';

// Curve order: the faint defaults first, then the live curves, then the band's two edges.
const DS = { defaultF: 0, defaultDf: 1, f: 2, df: 3, dparam: 4 };

export function mountScalarSection(lab, { slug, level }, ctx) {
  const { core, store, table, t } = ctx;
  const spec = table.specs.get(slug);
  const fields = paramFields(table, slug);
  const hasParamDerivative = Boolean(spec.parameterDerivativeFormula);
  // The band's edges: f with both band parameters at the low one's value, and at the high one's.
  const band = spec.band ?? null;
  const bandEdges = (p) => (band ? band.map((name) => ({ ...p, [band[0]]: p[name], [band[1]]: p[name] })) : []);
  const bandAt = hasParamDerivative ? 5 : 4;
  // ∂f/∂p names the learnable (first) parameter as the formulas write it.
  const dparamVars = { p: spec.params[0]?.symbol };
  const current = () => store.get().sections[slug];
  const params = () => paramsOf(store.get(), slug);
  const atDefault = () => paramsAtDefault(store.get(), table, slug);
  const defaults = Object.fromEntries(fields.map((f) => [f.param, f.default]));

  const controls = fields.map((field) => createParamControl({
    field, t, value: getIn(store.get(), field.path),
    onValue: (v) => commit(store, (s) => setField(s, table, field.key, v)),
  }));
  const range = createRangeControl({
    id: slug, t, xmin: current().xmin, xmax: current().xmax,
    onRange: (a, b, moved) => commit(store, (s) => setRange(s, table, slug, a, b, moved)),
  });

  const curves = [
    { key: 'f', labelKey: 'chart.f', series: 'f', dash: 'solid', checked: true },
    { key: 'df', labelKey: 'chart.df', series: 'df', dash: 'dashed', checked: true },
    hasParamDerivative && { key: 'dparam', labelKey: 'chart.dparam', vars: dparamVars, series: 'dparam', dash: 'dotted', checked: true },
    band && {
      key: 'band', labelKey: 'chart.band',
      vars: { low: fields.find((f) => f.param === band[0]).symbol, high: fields.find((f) => f.param === band[1]).symbol },
      series: 'muted', dash: 'dotted', checked: true,
    },
    fields.length > 0 && {
      key: 'default', labelKey: 'chart.default', vars: { value: paramSummary(fields, defaults) },
      series: 'faint', dash: 'solid', checked: true, hidden: true,
    },
  ].filter(Boolean);

  let chart = null;
  const card = createChartCard({
    id: slug, t, curves,
    onToggle: () => task.request(),
    onProbe: () => hairTask.request(),
    xRange: () => ({ min: current().xmin, max: current().xmax }),
    onValuesOpen: () => renderValues(),
  });
  const props = createPropertiesBlock({ id: slug, t, level, titleKey: fields.length ? 'props.headingCurrent' : 'props.heading' });
  lab.replaceChildren(
    h('div', { className: 'lab-chart' }, card.root),
    h('div', { className: 'lab-controls' }, controls.map((c) => c.root), range.root),
    props.root,
  );

  // ---- drawing
  let defaultProps = null; // the defaults never change
  const defaultProperties = () => (defaultProps ??= core.properties(slug, defaults));
  // The faint default curves' points, kept per x-range and width: they stay the same while
  // a slider is dragged, so each frame reuses them.
  let defaultCache = { key: '', points: null };
  function defaultPoints(xmin, xmax, n) {
    const key = `${xmin}|${xmax}|${n}`;
    if (defaultCache.key !== key) {
      const d = core.sample(slug, { xmin, xmax, n, params: defaults });
      defaultCache = { key, points: curvePoints(core, slug, d, defaultProperties(), defaults) };
    }
    return defaultCache.points;
  }

  // The text around the chart (properties, label, toggles); returns what the curves need.
  function renderText() {
    const { xmin, xmax } = current();
    const p = params();
    const properties = core.properties(slug, p);
    props.render(properties);
    const summary = paramSummary(fields, p);
    card.setAriaLabel(t('chart.aria', { name: summary ? `${t(`fn.${slug}`)} (${summary})` : t(`fn.${slug}`), xmin: formatNumber(xmin), xmax: formatNumber(xmax) }));
    const showDefault = !atDefault();
    card.setCurveVisible('default', showDefault);
    if (card.valuesOpen()) renderValues();
    return { xmin, xmax, p, properties, showDefault };
  }

  // Each curve's { data, hidden } in DS order, n points; data undefined = keep what it has.
  function curveData(n, { xmin, xmax, p, properties, showDefault }) {
    const s = core.sample(slug, { xmin, xmax, n, params: p });
    const sets = Array.from({ length: bandAt + (band ? 2 : 0) }, () => ({}));
    const live = curvePoints(core, slug, s, properties, p);
    sets[DS.f].data = live.f;
    sets[DS.df].data = live.df;
    if (hasParamDerivative) sets[DS.dparam].data = toPoints(s.x, core.parameterDerivative(slug, s.x, p));
    if (showDefault) {
      const d = defaultPoints(xmin, xmax, n);
      sets[DS.defaultF].data = d.f;
      sets[DS.defaultDf].data = d.df;
    }
    const visible = { f: card.isChecked('f'), df: card.isChecked('df'), dparam: card.isChecked('dparam') };
    sets[DS.f].hidden = !visible.f;
    sets[DS.df].hidden = !visible.df;
    if (hasParamDerivative) sets[DS.dparam].hidden = !visible.dparam;
    bandEdges(p).forEach((edge, i) => {
      const e = core.sample(slug, { xmin, xmax, n, params: edge });
      sets[bandAt + i].data = curvePoints(core, slug, e, core.properties(slug, edge), edge).f;
      sets[bandAt + i].hidden = !card.isChecked('band');
    });
    const faint = showDefault && card.isChecked('default');
    sets[DS.defaultF].hidden = !(faint && visible.f);
    sets[DS.defaultDf].hidden = !(faint && visible.df);
    return sets;
  }

  function render() {
    const view = renderText();
    if (!chart) return;
    curveData(sampleCount(chart), view).forEach((set, i) => {
      const curve = curvesOf(chart)[i];
      if (set.data) curve.data = set.data;
      curve.hidden = set.hidden;
    });
    renderHair(false); // the crosshair is drawn by the update below
    redrawLine(chart, view.xmin, view.xmax);
  }

  function renderValues() {
    const { xmin, xmax } = current();
    const p = params();
    const xs = valueXs(xmin, xmax);
    const series = [
      { label: t('chart.f'), values: core.evaluate(slug, xs, p) },
      { label: t('chart.df'), values: core.derivative(slug, xs, p) },
    ];
    if (hasParamDerivative) series.push({ label: t('chart.dparam', dparamVars), values: core.parameterDerivative(slug, xs, p) });
    card.setValues({ caption: t('chart.valuesCaption', { name: t(`fn.${slug}`) }), ...valuesTable(xs, series, t) });
  }

  function renderHair(draw = true) {
    const x = card.probeX();
    if (x === null || !chart) {
      showReading(card, chart, null, draw);
      return;
    }
    const p = params();
    const f = core.evaluate(slug, [x], p)[0];
    const df = core.derivative(slug, [x], p)[0];
    const parts = [
      { text: t('chart.x', { x: formatNumber(x) }) },
      { series: 'f', text: `f(x) = ${formatNumber(f)}` },
      { series: 'df', text: `f′(x) = ${formatNumber(df)}` },
    ];
    const theme = chart.$theme.series;
    const points = [{ y: f, color: theme.f }, { y: df, color: theme.df }];
    if (hasParamDerivative) {
      const dp = core.parameterDerivative(slug, [x], p)[0];
      parts.push({ series: 'dparam', text: `${t('chart.dparam', dparamVars)} = ${formatNumber(dp)}` });
      points.push({ y: dp, color: theme.dparam });
    }
    const visible = [card.isChecked('f'), card.isChecked('df'), card.isChecked('dparam')];
    showReading(card, chart, { x, parts, points: points.filter((_, i) => visible[i]) }, draw);
  }

  const task = createFrameTask(render);
  const hairTask = createFrameTask(() => renderHair());

  function createChart() {
    const theme = ctx.theme();
    const series = [
      { label: t('chart.defaultF'), faint: true, dash: 'solid', hidden: true },
      { label: t('chart.defaultDf'), faint: true, dash: 'dashed', hidden: true },
      { label: 'f', color: theme.series.f, colorOf: (th) => th.series.f, dash: 'solid' },
      { label: 'df', color: theme.series.df, colorOf: (th) => th.series.df, dash: 'dashed' },
    ];
    if (hasParamDerivative) series.push({ label: 'dparam', color: theme.series.dparam, colorOf: (th) => th.series.dparam, dash: 'dotted' });
    if (band) for (const edge of ['band low', 'band high']) series.push({ label: edge, color: theme.muted, colorOf: (th) => th.muted, dash: 'dotted' });
    const view = renderText();
    // Made with its curves, so Chart.js lays it out and draws it once.
    const data = curveData(sampleCountFor(card.canvas), view);
    chart = createLineChart(card.canvas, { xmin: view.xmin, xmax: view.xmax, series, theme, data, onResize: () => task.request() });
    // Renders asked for before now, or by the chart's own first sizing, would only repeat
    // this one, in the frame that should show it.
    task.cancel();
    ctx.trackChart(chart);
    card.attachPointer((e) => xAtPointer(chart, e));
  }

  // ---- wiring: this section's slice only; the chart waits until it is near the viewport.
  const sync = () => {
    const s = current();
    controls.forEach((c, i) => c.set(s.params[fields[i].param]));
    range.set(s.xmin, s.xmax);
    task.request();
  };
  watch(store, (s) => s.sections[slug], sync);
  watch(store, (s) => s.lang, () => {
    controls.forEach((c) => c.renderText());
    range.renderText();
    task.request();
    hairTask.request();
  });
  sync();
  return { element: lab, createChart };
}
