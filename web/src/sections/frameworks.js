// "Same name, different function": a switch that sets every framework default on the page
// (the `framework` share key), the table of those defaults (built with the page and kept),
// and a chart of one function at each framework's default, f solid and f′ dashed, the
// chosen framework's curve drawn bold.

import { h, setAttr, tr } from '../ui/dom.js';
import { formatNumber } from '../text/format.js';
import { watch } from '../model/store.js';
import { createFrameTask } from '../ui/frame.js';
import { LINE_WIDTH, createLineChart, curvesOf, redrawLine, sampleCount, xAtPointer } from '../charts/charts.js';
import { createChartCard } from '../charts/chart-card.js';
import { commit, curvePoints, showReading, valueXs, valuesTable } from './kit.js';
import { NO_FRAMEWORK, applyFramework, setField } from '../model/state.js';

const CHOSEN_WIDTH = 1.8 * LINE_WIDTH;
// Colour slots of the curves, one per distinct default (at most one per framework).
const SLOTS = [3, 5, 4, 1, 6];

/**
 * The curves of `slug`: one per distinct value of its parameter across the frameworks' APIs
 * (in the frameworks' order), each with the frameworks that use it: [{ value, frameworks: [id] }].
 */
export function overlaysOf(table, slug) {
  const row = table.frameworks.defaults.find((d) => d.slug === slug);
  const curves = [];
  for (const { id } of table.frameworks.frameworks) {
    const given = row?.values[id];
    for (const { value } of given ? [given, ...given.more] : []) {
      const same = curves.find((c) => c.value === value);
      if (!same) curves.push({ value, frameworks: [id] });
      else if (!same.frameworks.includes(id)) same.frameworks.push(id);
    }
  }
  return { param: row?.param, curves };
}

export function mountFrameworksSection(lab, { slug: id }, ctx) {
  const { core, store, table, t } = ctx;
  const { slugs } = table.sections.find((s) => s.id === id);
  const { frameworks } = table.frameworks;
  const [xmin, xmax] = [-3, 3];
  const current = () => store.get().sections[id];
  const nameOf = (fid) => frameworks.find((f) => f.id === fid)?.name ?? fid;
  const symbolOf = (slug, param) => table.specs.get(slug).params.find((p) => p.name === param)?.symbol ?? param;
  const maxCurves = Math.max(1, ...slugs.map((slug) => overlaysOf(table, slug).curves.length));

  // The switch: the page's own defaults, or one framework's.
  const choices = [NO_FRAMEWORK, ...frameworks.map((f) => f.id)].map((fid) => {
    const input = h('input', {
      type: 'radio', name: `${id}-framework`, id: `${id}-framework-${fid}`, 'data-testid': `${id}-framework-${fid}`, value: fid,
      onchange: () => commit(store, (s) => applyFramework(s, table, fid)),
    });
    const label = fid === NO_FRAMEWORK ? tr('span', 'frameworks.pageDefaults', t) : h('span', {}, nameOf(fid));
    return { fid, input, root: h('label', { className: 'check', for: input.id }, input, label) };
  });
  const switcher = h('fieldset', { className: 'frameworks-switch', id: `${id}-switch` },
    tr('legend', 'frameworks.switch', t), choices.map((c) => c.root),
    tr('p', 'frameworks.switchNote', t, undefined, { className: 'note' }));
  // Which function the chart overlays.
  const shows = slugs.map((slug) => h('button', {
    type: 'button', className: 'chip', id: `${id}-show-${slug}`, 'data-testid': `${id}-show-${slug}`,
    onclick: () => commit(store, (s) => setField(s, table, `${id}.show`, slug)),
  }, tr('span', `fn.${slug}`, t)));
  const legend = h('ul', { className: 'frameworks-legend', id: `${id}-legend` });

  const card = createChartCard({
    id, t, curves: [],
    onToggle: () => {},
    onProbe: () => hairTask.request(),
    xRange: () => ({ min: xmin, max: xmax }),
    onValuesOpen: () => renderValues(),
  });
  // The table the build wrote stays; the chart's place becomes the chart.
  const defaultsTable = lab.querySelector('.table-scroll');
  lab.replaceChildren(
    h('div', { className: 'lab-controls' }, switcher),
    ...(defaultsTable ? [defaultsTable] : []),
    h('div', { className: 'frameworks-show', role: 'group', 'aria-labelledby': `${id}-show-label` },
      tr('p', 'frameworks.show', t, undefined, { className: 'picker-label', id: `${id}-show-label` }),
      h('ul', { className: 'picker-list' }, shows.map((b) => h('li', {}, b)))),
    h('div', { className: 'lab-chart' }, legend, card.root),
  );

  let chart = null;
  const shown = () => current().show;
  const paramsOf = (slug, param, value) => (param ? { [param]: value } : {});
  const labelOf = (slug, param, curve) => `${param ? `${symbolOf(slug, param)} = ${formatNumber(curve.value)}: ` : ''}${curve.frameworks.map(nameOf).join(', ')}`;

  function renderText() {
    const { framework } = current();
    for (const c of choices) c.input.checked = c.fid === framework;
    shows.forEach((b, i) => setAttr(b, 'aria-pressed', String(slugs[i] === shown())));
    for (const cell of defaultsTable?.querySelectorAll('[data-framework]') ?? []) {
      cell.classList.toggle('framework-chosen', cell.dataset.framework === framework);
    }
    const slug = shown();
    const { param, curves } = overlaysOf(table, slug);
    legend.replaceChildren(...curves.map((curve, i) => h('li', { dataset: { slot: String(SLOTS[i % SLOTS.length]) } },
      h('span', { className: 'chip-swatch', 'aria-hidden': 'true' }), labelOf(slug, param, curve))));
    card.setAriaLabel(t('frameworks.aria', {
      name: t(`fn.${slug}`), curves: curves.map((c) => labelOf(slug, param, c)).join('; '), xmin: formatNumber(xmin), xmax: formatNumber(xmax),
    }));
    if (card.valuesOpen()) renderValues();
  }

  function render() {
    renderText();
    if (!chart) return;
    const slug = shown();
    const { param, curves } = overlaysOf(table, slug);
    const n = sampleCount(chart);
    // The chosen framework's default (its first API's) is drawn bold.
    const chosen = table.frameworks.defaults.find((d) => d.slug === slug)?.values[current().framework]?.value;
    const sets = curvesOf(chart);
    for (let i = 0; i < maxCurves; i += 1) {
      const [f, df] = sets.slice(2 * i, 2 * i + 2);
      const curve = curves[i];
      f.hidden = !curve;
      df.hidden = !curve;
      if (!curve) continue;
      const params = paramsOf(slug, param, curve.value);
      const points = curvePoints(core, slug, core.sample(slug, { xmin, xmax, n, params }), core.properties(slug, params), params);
      const colour = chart.$theme.colour(SLOTS[i % SLOTS.length]);
      const width = curve.value === chosen ? CHOSEN_WIDTH : LINE_WIDTH;
      Object.assign(f, { data: points.f, borderColor: colour, borderWidth: width });
      Object.assign(df, { data: points.df, borderColor: colour, borderWidth: width });
    }
    renderHair(false);
    redrawLine(chart, xmin, xmax);
  }

  function renderValues() {
    const slug = shown();
    const { param, curves } = overlaysOf(table, slug);
    const xs = valueXs(xmin, xmax);
    const series = curves.flatMap((curve) => {
      const params = paramsOf(slug, param, curve.value);
      const label = labelOf(slug, param, curve);
      return [
        { label: `${label} f`, values: core.evaluate(slug, xs, params) },
        { label: `${label} f′`, values: core.derivative(slug, xs, params) },
      ];
    });
    card.setValues({ caption: t('chart.valuesCaption', { name: t(`fn.${slug}`) }), ...valuesTable(xs, series, t) });
  }

  function renderHair(draw = true) {
    const x = card.probeX();
    if (x === null || !chart) {
      showReading(card, chart, null, draw);
      return;
    }
    const slug = shown();
    const { param, curves } = overlaysOf(table, slug);
    const parts = [{ text: t('chart.x', { x: formatNumber(x) }) }];
    const points = [];
    curves.forEach((curve, i) => {
      const params = paramsOf(slug, param, curve.value);
      const f = core.evaluate(slug, [x], params)[0];
      const df = core.derivative(slug, [x], params)[0];
      const slot = SLOTS[i % SLOTS.length];
      parts.push({ slot, text: `${labelOf(slug, param, curve)}: f = ${formatNumber(f)}, f′ = ${formatNumber(df)}` });
      points.push({ y: f, color: chart.$theme.colour(slot) }, { y: df, color: chart.$theme.colour(slot) });
    });
    showReading(card, chart, { x, parts, points }, draw);
  }

  const task = createFrameTask(render);
  const hairTask = createFrameTask(() => renderHair());

  function createChart() {
    const theme = ctx.theme();
    const series = Array.from({ length: maxCurves }, (_, i) => {
      const slot = SLOTS[i % SLOTS.length];
      return [
        { label: `curve ${i + 1} f`, color: theme.colour(slot), colorOf: (th) => th.colour(slot), dash: 'solid' },
        { label: `curve ${i + 1} f′`, color: theme.colour(slot), colorOf: (th) => th.colour(slot), dash: 'dashed' },
      ];
    }).flat();
    chart = createLineChart(card.canvas, { xmin, xmax, series, theme, onResize: () => task.request() });
    ctx.trackChart(chart);
    card.attachPointer((e) => xAtPointer(chart, e));
    render();
  }

  watch(store, (s) => s.sections[id], () => task.request());
  watch(store, (s) => s.lang, () => { task.request(); hairTask.request(); });
  renderText();
  return { element: lab, createChart };
}
