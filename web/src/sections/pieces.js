// The pieces kind: a table of k affine pieces w·x + b (add, remove, the registry's presets);
// each piece drawn faintly, the function of them (their maximum) solid and its derivative
// dashed. With a preset that approximates a curve c·x², that curve is drawn dotted, so the
// approximation can be seen.

import { h, tr } from '../ui/dom.js';
import { formatNumber, parseNumber } from '../text/format.js';
import { watch } from '../model/store.js';
import { createFrameTask } from '../ui/frame.js';
import { createLineChart, curvesOf, redrawLine, sampleCount, xAtPointer } from '../charts/charts.js';
import { createChartCard } from '../charts/chart-card.js';
import { createRangeControl } from './controls.js';
import {
  commit, createPropertiesBlock, curvePoints, valueXs, valuesTable, showReading,
} from './kit.js';
import { addPiece, fieldOf, removePiece, setField, setPiece, setRange } from '../model/state.js';

const samePieces = (a, b) => a.length === b.length && a.every((p, i) => p.w === b[i].w && p.b === b[i].b);

export function mountPiecesSection(lab, { slug, level }, ctx) {
  const { core, store, table, t } = ctx;
  const { presets: presetRows } = table.specs.get(slug).pieces;
  const field = fieldOf(table, `${slug}.pieces`);
  // The preset whose curve c·x² the current pieces approximate, if any.
  const approximated = () => presetRows.find((p) => p.targetQuadratic !== undefined && samePieces(pieces(), p.pieces));
  const current = () => store.get().sections[slug];
  const pieces = () => current().pieces;
  const maxPieces = field.maxCount;
  const limits = { min: field.minCount, max: maxPieces };

  // ---- the pieces editor
  const rows = h('tbody');
  const hint = h('p', { id: `${slug}-pieces-hint`, className: 'hint', 'aria-live': 'polite' });
  let warning = null;
  const showHint = () => {
    hint.textContent = warning ? t(warning.key, warning.vars) : t('pieces.limits', limits);
    hint.classList.toggle('hint-warning', Boolean(warning));
  };
  // Adding past the maximum or removing the last piece is refused with the limits shown.
  const report = (r) => {
    warning = r.problem ? { key: 'pieces.limits', vars: limits } : null;
    showHint();
    return r;
  };
  const addButton = h('button', {
    type: 'button', id: `${slug}-add-piece`, 'data-testid': `${slug}-add-piece`,
    onclick: () => report(commit(store, (s) => addPiece(s, table, slug))),
  }, tr('span', 'pieces.add', t));
  const presets = presetRows.map((preset) => h('button', {
    type: 'button', id: `${slug}-preset-${preset.id}`, 'data-testid': `${slug}-preset-${preset.id}`, className: 'preset',
    onclick: () => report(commit(store, (s) => setField(s, table, field.key, preset.pieces))),
  }, tr('span', `ui.${slug}.preset-${preset.id}`, t)));

  let rowInputs = [];
  function buildRows() {
    rowInputs = pieces().map((piece, i) => {
      const n = i + 1;
      const input = (name) => {
        const el = h('input', {
          type: 'number', id: `${slug}-piece-${i}-${name}`, 'data-testid': `${slug}-piece-${i}-${name}`,
          inputmode: 'decimal', step: 0.1, min: -field.limit, max: field.limit, value: piece[name],
          'aria-describedby': hint.id, dataset: { i18nAttr: `aria-label:pieces.${name}Label`, i18nVars: JSON.stringify({ i: n }) },
          'aria-label': t(`pieces.${name}Label`, { i: n }),
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
        dataset: { i18nAttr: 'aria-label:pieces.removeLabel', i18nVars: JSON.stringify({ i: n }) },
        'aria-label': t('pieces.removeLabel', { i: n }),
        onclick: () => {
          report(commit(store, (s) => removePiece(s, table, slug, i)));
          // Keep keyboard focus in the table after the row disappears.
          (document.getElementById(`${slug}-piece-${Math.min(i, pieces().length - 1)}-remove`) ?? addButton).focus();
        },
      }, tr('span', 'pieces.remove', t));
      rows.append(h('tr', {}, h('th', { scope: 'row' }, tr('span', 'pieces.piece', t, { i: n })), h('td', {}, w), h('td', {}, b), h('td', {}, remove)));
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
        tr('caption', 'pieces.pieces', t),
        h('thead', {}, h('tr', {},
          h('td'), tr('th', 'pieces.w', t, undefined, { scope: 'col' }), tr('th', 'pieces.b', t, undefined, { scope: 'col' }), h('td'))),
        rows)),
    h('div', { className: 'button-row' }, addButton),
    h('div', { className: 'button-row', role: 'group', 'aria-labelledby': `${slug}-presets-label` },
      tr('span', 'pieces.presets', t, undefined, { id: `${slug}-presets-label`, className: 'group-label' }), presets),
    hint);
  showHint();

  const range = createRangeControl({
    id: slug, t, xmin: current().xmin, xmax: current().xmax,
    onRange: (a, b, moved) => commit(store, (s) => setRange(s, table, slug, a, b, moved)),
  });

  // ---- chart: curves 0…max-1 are the pieces, then the max, its derivative and the target
  const F = maxPieces;
  const DF = maxPieces + 1;
  const TARGET = maxPieces + 2;
  let chart = null;
  const card = createChartCard({
    id: slug, t,
    curves: [
      { key: 'f', labelKey: 'pieces.max', series: 'f', dash: 'solid', checked: true },
      { key: 'df', labelKey: 'chart.df', series: 'df', dash: 'dashed', checked: true },
      { key: 'pieces', labelKey: 'pieces.showPieces', series: 'faint', dash: 'solid', checked: true },
      { key: 'target', labelKey: `ui.${slug}.target`, series: 'muted', dash: 'dotted', checked: true, hidden: true },
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
    const target = approximated();
    card.setCurveVisible('target', Boolean(target));
    sets[TARGET].hidden = !(target && card.isChecked('target'));
    if (target) sets[TARGET].data = Array.from(s.x, (x) => ({ x, y: target.targetQuadratic * x * x }));
    renderHair(false); // the crosshair is drawn by the update below
    redrawLine(chart, xmin, xmax);
  }

  function renderValues() {
    const { xmin, xmax } = current();
    const xs = valueXs(xmin, xmax);
    const p = { pieces: pieces() };
    const r = { y: core.evaluate(slug, xs, p), dy: core.derivative(slug, xs, p), argmax: core.argmax(slug, xs, p) };
    const series = [
      { label: t('pieces.max'), values: r.y },
      { label: t('chart.df'), values: r.dy },
    ];
    const tableData = valuesTable(xs, series, t);
    tableData.columns.push(t('pieces.winner'));
    tableData.rows.forEach((row, i) => row.push(String(r.argmax[i] + 1)));
    card.setValues({ caption: t('chart.valuesCaption', { name: t(`fn.${slug}`) }), ...tableData });
  }

  function renderHair(draw = true) {
    const x = card.probeX();
    if (x === null || !chart) {
      showReading(card, chart, null, draw);
      return;
    }
    const p = { pieces: pieces() };
    const r = { y: core.evaluate(slug, [x], p), dy: core.derivative(slug, [x], p), argmax: core.argmax(slug, [x], p) };
    const theme = chart.$theme.series;
    const parts = [
      { text: t('chart.x', { x: formatNumber(x) }) },
      { series: 'f', text: `f(x) = ${formatNumber(r.y[0])}` },
      { series: 'df', text: `f′(x) = ${formatNumber(r.dy[0])}` },
      { text: `${t('pieces.winner')}: ${r.argmax[0] + 1}` },
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
