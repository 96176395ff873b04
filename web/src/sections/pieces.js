// Maxout: a table of k affine pieces w·x + b (add, remove, presets); each piece drawn
// faintly, their maximum solid and its derivative dashed. With the convex preset's pieces,
// the curve they approximate (x²/4) is drawn dotted, so the approximation can be seen.

import { h, tr } from './dom.js';
import { formatNumber, parseNumber } from './format.js';
import { watch } from './store.js';
import { createFrameTask } from './frame.js';
import { createLineChart, curvesOf, redrawLine, sampleCount, xAtPointer } from './charts.js';
import { createChartCard } from './chart-card.js';
import { createRangeControl } from './controls.js';
import {
  commit, createPropertiesBlock, curvePoints, valueXs, valuesTable, showReading,
} from './section-kit.js';
import { addPiece, fieldOf, MAXOUT_PRESETS, removePiece, setField, setPiece, setRange } from './state.js';

const PRESET_KEYS = { relu: 'maxout.presetRelu', abs: 'maxout.presetAbs', convex: 'maxout.presetConvex' };
// The curve the convex preset's tangent lines approximate.
const convexTarget = (x) => (x * x) / 4;
const samePieces = (a, b) => a.length === b.length && a.every((p, i) => p.w === b[i].w && p.b === b[i].b);

export function mountMaxoutSection(lab, { slug, level }, ctx) {
  const { core, store, table, t } = ctx;
  const field = fieldOf(table, `${slug}.pieces`);
  const current = () => store.get().sections[slug];
  const pieces = () => current().pieces;
  const maxPieces = field.maxCount;

  // ---- the pieces editor
  const rows = h('tbody');
  const hint = h('p', { id: `${slug}-pieces-hint`, className: 'hint', 'aria-live': 'polite' });
  let warning = null;
  const showHint = () => {
    hint.textContent = warning ? t(warning.key, warning.vars) : t('maxout.limits', { max: maxPieces });
    hint.classList.toggle('hint-warning', Boolean(warning));
  };
  // Adding past the maximum or removing the last piece is refused with the limits shown.
  const report = (r) => {
    warning = r.problem ? { key: 'maxout.limits', vars: { max: maxPieces } } : null;
    showHint();
    return r;
  };
  const addButton = h('button', {
    type: 'button', id: `${slug}-add-piece`, 'data-testid': `${slug}-add-piece`,
    onclick: () => report(commit(store, (s) => addPiece(s, table, slug))),
  }, tr('span', 'maxout.add', t));
  const presets = Object.entries(PRESET_KEYS).map(([name, key]) => h('button', {
    type: 'button', id: `${slug}-preset-${name}`, 'data-testid': `${slug}-preset-${name}`, className: 'preset',
    onclick: () => report(commit(store, (s) => setField(s, table, field.key, MAXOUT_PRESETS[name]))),
  }, tr('span', key, t)));

  let rowInputs = [];
  function buildRows() {
    rowInputs = pieces().map((piece, i) => {
      const n = i + 1;
      const input = (name) => {
        const el = h('input', {
          type: 'number', id: `${slug}-piece-${i}-${name}`, 'data-testid': `${slug}-piece-${i}-${name}`,
          inputmode: 'decimal', step: 0.1, min: -field.limit, max: field.limit, value: piece[name],
          'aria-describedby': hint.id, dataset: { i18nAttr: `aria-label:maxout.${name}Label`, i18nVars: JSON.stringify({ i: n }) },
          'aria-label': t(`maxout.${name}Label`, { i: n }),
        });
        const apply = (final) => {
          const v = parseNumber(el.value);
          if (!Number.isFinite(v)) { if (final) el.value = String(pieces()[i][name]); return; }
          const r = commit(store, (s) => setPiece(s, table, slug, i, { [name]: v }));
          warning = r.problem ? { key: 'param.clamped', vars: { typed: el.value, range: `[−${field.limit}, ${field.limit}]`, used: formatNumber(r.value[i][name]) } } : null;
          showHint();
          if (final) el.value = String(pieces()[i][name]);
        };
        el.addEventListener('input', () => apply(false));
        el.addEventListener('change', () => apply(true));
        return el;
      };
      const w = input('w');
      const b = input('b');
      const remove = h('button', {
        type: 'button', id: `${slug}-piece-${i}-remove`, 'data-testid': `${slug}-piece-${i}-remove`, className: 'remove',
        disabled: pieces().length <= field.minCount,
        dataset: { i18nAttr: 'aria-label:maxout.removeLabel', i18nVars: JSON.stringify({ i: n }) },
        'aria-label': t('maxout.removeLabel', { i: n }),
        onclick: () => {
          report(commit(store, (s) => removePiece(s, table, slug, i)));
          // Keep keyboard focus in the table after the row disappears.
          (document.getElementById(`${slug}-piece-${Math.min(i, pieces().length - 1)}-remove`) ?? addButton).focus();
        },
      }, tr('span', 'maxout.remove', t));
      rows.append(h('tr', {}, h('th', { scope: 'row' }, tr('span', 'maxout.piece', t, { i: n })), h('td', {}, w), h('td', {}, b), h('td', {}, remove)));
      return { w, b };
    });
  }
  function syncRows() {
    if (rowInputs.length !== pieces().length) {
      rows.replaceChildren();
      buildRows();
    } else {
      pieces().forEach((p, i) => {
        for (const name of ['w', 'b']) {
          const el = rowInputs[i][name];
          if (document.activeElement !== el) el.value = String(p[name]);
        }
      });
    }
    addButton.disabled = pieces().length >= maxPieces;
    rows.querySelectorAll('button.remove').forEach((btn) => { btn.disabled = pieces().length <= field.minCount; });
  }
  buildRows();
  const editor = h('div', { className: 'pieces-editor' },
    h('div', { className: 'table-scroll' },
      h('table', { id: `${slug}-pieces`, className: 'pieces' },
        tr('caption', 'maxout.pieces', t),
        h('thead', {}, h('tr', {},
          h('td'), tr('th', 'maxout.w', t, undefined, { scope: 'col' }), tr('th', 'maxout.b', t, undefined, { scope: 'col' }), h('td'))),
        rows)),
    h('div', { className: 'button-row' }, addButton),
    h('div', { className: 'button-row', role: 'group', 'aria-labelledby': `${slug}-presets-label` },
      tr('span', 'maxout.presets', t, undefined, { id: `${slug}-presets-label`, className: 'group-label' }), presets),
    hint);
  showHint();

  const range = createRangeControl({
    id: slug, t, xmin: current().xmin, xmax: current().xmax,
    onRange: (a, b, moved) => commit(store, (s) => setRange(s, table, slug, a, b, moved)),
  });

  // ---- chart: curves 0…max-1 are the pieces, then the max, its derivative and x²/4
  const F = maxPieces;
  const DF = maxPieces + 1;
  const TARGET = maxPieces + 2;
  let chart = null;
  const card = createChartCard({
    id: slug, t,
    curves: [
      { key: 'f', labelKey: 'maxout.max', series: 'f', dash: 'solid', checked: true },
      { key: 'df', labelKey: 'chart.df', series: 'df', dash: 'dashed', checked: true },
      { key: 'pieces', labelKey: 'maxout.showPieces', series: 'faint', dash: 'solid', checked: true },
      { key: 'target', labelKey: 'maxout.target', series: 'muted', dash: 'dotted', checked: true, hidden: true },
    ],
    onToggle: () => task.request(),
    onProbe: () => hairTask.request(),
    xRange: () => ({ min: current().xmin, max: current().xmax }),
    onValuesOpen: () => renderValues(),
  });
  const props = createPropertiesBlock({ id: slug, t, level, titleKey: 'props.headingCurrent' });
  lab.replaceChildren(
    h('div', { className: 'lab-chart' }, card.root),
    h('div', { className: 'lab-controls' }, editor, range.root),
    props.root,
  );

  function render() {
    const { xmin, xmax } = current();
    const list = pieces();
    const properties = core.properties(slug, { pieces: list });
    props.render(properties);
    card.setAriaLabel(t('chart.aria', {
      name: `${t(`fn.${slug}`)} (${list.map((p) => `${formatNumber(p.w)}x + ${formatNumber(p.b)}`).join(', ')})`,
      xmin: formatNumber(xmin), xmax: formatNumber(xmax),
    }));
    if (card.valuesOpen()) renderValues();
    if (!chart) return;
    const sets = curvesOf(chart);
    const showPieces = card.isChecked('pieces');
    for (let i = 0; i < maxPieces; i += 1) {
      const p = list[i];
      sets[i].hidden = !p || !showPieces;
      if (p) sets[i].data = [{ x: xmin, y: p.w * xmin + p.b }, { x: xmax, y: p.w * xmax + p.b }];
    }
    const s = core.sample(slug, { xmin, xmax, n: sampleCount(chart), params: { pieces: list } });
    const points = curvePoints(core, slug, s, properties, { pieces: list });
    sets[F].data = points.f;
    sets[DF].data = points.df;
    sets[F].hidden = !card.isChecked('f');
    sets[DF].hidden = !card.isChecked('df');
    const approximating = samePieces(list, MAXOUT_PRESETS.convex);
    card.setCurveVisible('target', approximating);
    sets[TARGET].hidden = !(approximating && card.isChecked('target'));
    if (approximating) sets[TARGET].data = Array.from(s.x, (x) => ({ x, y: convexTarget(x) }));
    renderHair(false); // the crosshair is drawn by the update below
    redrawLine(chart, xmin, xmax);
  }

  function renderValues() {
    const { xmin, xmax } = current();
    const xs = valueXs(xmin, xmax);
    const r = core.maxout(xs, pieces());
    const series = [
      { label: t('maxout.max'), values: r.y },
      { label: t('chart.df'), values: r.dy },
    ];
    const tableData = valuesTable(xs, series, t);
    tableData.columns.push(t('maxout.winner'));
    tableData.rows.forEach((row, i) => row.push(String(r.argmax[i] + 1)));
    card.setValues({ caption: t('chart.valuesCaption', { name: t(`fn.${slug}`) }), ...tableData });
  }

  function renderHair(draw = true) {
    const x = card.probeX();
    if (x === null || !chart) {
      showReading(card, chart, null, draw);
      return;
    }
    const r = core.maxout([x], pieces());
    const theme = chart.$theme.series;
    const parts = [
      { text: t('chart.x', { x: formatNumber(x) }) },
      { series: 'f', text: `f(x) = ${formatNumber(r.y[0])}` },
      { series: 'df', text: `f′(x) = ${formatNumber(r.dy[0])}` },
      { text: `${t('maxout.winner')}: ${r.argmax[0] + 1}` },
    ];
    showReading(card, chart, { x, parts, points: [{ y: r.y[0], color: theme.f }, { y: r.dy[0], color: theme.df }] }, draw);
  }

  const task = createFrameTask(render);
  const hairTask = createFrameTask(() => renderHair());

  function createChart() {
    const theme = ctx.theme();
    const series = [
      ...Array.from({ length: maxPieces }, (_, i) => ({ label: `piece ${i + 1}`, faint: true, dash: 'solid' })),
      { label: 'max', color: theme.series.f, colorOf: (th) => th.series.f, dash: 'solid' },
      { label: 'df', color: theme.series.df, colorOf: (th) => th.series.df, dash: 'dashed' },
      { label: 'target', color: theme.muted, colorOf: (th) => th.muted, dash: 'dotted', hidden: true },
    ];
    chart = createLineChart(card.canvas, { xmin: current().xmin, xmax: current().xmax, series, theme, onResize: () => task.request() });
    ctx.trackChart(chart);
    card.attachPointer((e) => xAtPointer(chart, e));
    render();
  }

  const sync = () => {
    syncRows();
    range.set(current().xmin, current().xmax);
    task.request();
  };
  watch(store, (s) => s.sections[slug], sync);
  watch(store, (s) => s.lang, () => { showHint(); range.renderText(); task.request(); hairTask.request(); });
  sync();
  return { element: lab, createChart };
}
