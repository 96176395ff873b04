// The vector kind: an editable input vector (type, add, remove, or drag the bars; its length
// limits from the registry), the function's parameter, its outputs as bars, and the
// Jacobian as a heat-map table.

import { h, tr } from '../ui/dom.js';
import { formatNumber, parseNumber, roundTo, symmetricTickStep } from '../text/format.js';
import { watch } from '../model/store.js';
import { createFrameTask } from '../ui/frame.js';
import { createBarChart } from '../charts/charts.js';
import { createParamControl } from './controls.js';
import { commit, createPropertiesBlock } from './kit.js';
import { addLogit, fieldOf, getIn, paramFields, removeLogit, setField, setLogit } from '../model/state.js';

const DRAG_DECIMALS = 1; // dragged logits snap to 0.1
const MIN_LOGIT_AXIS = 5;
const MIN_TICK_GAP_PX = 30;
// Strongest tint of a Jacobian cell, in %: enough to see, light enough to read the number.
const HEAT_MAX = 60;

export function mountVectorSection(lab, { slug, level }, ctx) {
  const { core, store, table, t } = ctx;
  const logitsField = fieldOf(table, `${slug}.logits`);
  const limits = { min: logitsField.minCount, max: logitsField.maxCount };
  const tField = paramFields(table, slug)[0];
  const current = () => store.get().sections[slug];
  const logits = () => current().logits;
  const temperature = () => current().params[tField.param];

  const tControl = createParamControl({
    field: tField, t, value: getIn(store.get(), tField.path),
    onValue: (v) => commit(store, (s) => setField(s, table, tField.key, v)),
  });

  // ---- logits editor
  const list = h('ol', { className: 'logits', id: `${slug}-logits` });
  const hint = h('p', { id: `${slug}-logits-hint`, className: 'hint', 'aria-live': 'polite' });
  let warning = null;
  const showHint = () => {
    hint.textContent = warning ? t(warning.key, warning.vars) : t('vector.logitsHelp', limits);
    hint.classList.toggle('hint-warning', Boolean(warning));
  };
  const addButton = h('button', {
    type: 'button', id: `${slug}-add-logit`, 'data-testid': `${slug}-add-logit`,
    onclick: () => {
      const r = commit(store, (s) => addLogit(s, table, slug));
      warning = r.problem ? { key: 'vector.limits', vars: limits } : null;
      showHint();
    },
  }, tr('span', 'vector.add', t));

  let inputs = [];
  function buildList() {
    list.replaceChildren();
    inputs = logits().map((z, i) => {
      const n = i + 1;
      const input = h('input', {
        type: 'number', id: `${slug}-logit-${i}`, 'data-testid': `${slug}-logit-${i}`, inputmode: 'decimal', step: 0.1,
        min: -logitsField.limit, max: logitsField.limit, value: z, 'aria-describedby': hint.id,
      });
      const apply = (final) => {
        const v = parseNumber(input.value);
        if (!Number.isFinite(v)) { if (final) input.value = String(logits()[i]); return; }
        const r = commit(store, (s) => setLogit(s, table, slug, i, v));
        warning = r.problem ? { key: 'param.clamped', vars: { typed: input.value, range: `[−${logitsField.limit}, ${logitsField.limit}]`, used: formatNumber(r.value[i]) } } : null;
        showHint();
        if (final) input.value = String(logits()[i]);
      };
      input.addEventListener('input', () => apply(false));
      input.addEventListener('change', () => apply(true));
      const remove = h('button', {
        type: 'button', id: `${slug}-logit-${i}-remove`, 'data-testid': `${slug}-logit-${i}-remove`, className: 'remove',
        disabled: logits().length <= logitsField.minCount,
        dataset: { i18nAttr: 'aria-label:vector.removeLabel', i18nVars: JSON.stringify({ i: n }) },
        'aria-label': t('vector.removeLabel', { i: n }),
        onclick: () => {
          const r = commit(store, (s) => removeLogit(s, table, slug, i));
          warning = r.problem ? { key: 'vector.limits', vars: limits } : null;
          showHint();
          (document.getElementById(`${slug}-logit-${Math.min(i, logits().length - 1)}-remove`) ?? addButton).focus();
        },
      }, tr('span', 'vector.remove', t));
      list.append(h('li', {},
        h('label', { for: input.id }, tr('span', 'vector.logit', t, { i: n }, { 'aria-hidden': 'true' }),
          tr('span', 'vector.logitLabel', t, { i: n }, { className: 'visually-hidden' })),
        input, remove));
      return input;
    });
  }
  function syncList() {
    if (inputs.length !== logits().length) buildList();
    else logits().forEach((z, i) => { if (document.activeElement !== inputs[i]) inputs[i].value = String(z); });
    addButton.disabled = logits().length >= logitsField.maxCount;
  }
  buildList();
  showHint();

  // ---- charts and Jacobian
  const logitsCanvas = h('canvas', { id: `${slug}-logits-chart`, 'data-testid': `${slug}-logits-chart`, role: 'img', 'aria-label': '', className: 'draggable' });
  const probCanvas = h('canvas', { id: `${slug}-chart`, 'data-testid': `${slug}-chart`, role: 'img', 'aria-label': '' });
  const sum = h('p', { id: `${slug}-sum`, className: 'note' });
  // Its outputs' symbol (s, ℓ) and what they are: probabilities, or their logarithms (a range
  // that ends at 0, log-softmax), whose exponentials sum to 1 instead.
  const symbol = () => t(`ui.${slug}.symbol`);
  const logs = table.specs.get(slug).properties.range.max === 0;
  const probTable = h('table', { id: `${slug}-values-table`, className: 'values-table' });
  const jacobian = h('table', { id: `${slug}-jacobian`, 'data-testid': `${slug}-jacobian`, className: 'jacobian' });
  const props = createPropertiesBlock({ id: slug, t, level, titleKey: 'props.headingCurrent' });

  lab.replaceChildren(
    h('div', { className: 'lab-chart vector-charts' },
      h('figure', { className: 'chart-card' },
        tr('figcaption', 'vector.logits', t),
        h('div', { className: 'chart-box chart-box-small' }, logitsCanvas)),
      h('figure', { className: 'chart-card' },
        tr('figcaption', `ui.${slug}.outputs`, t),
        h('div', { className: 'chart-box chart-box-small' }, probCanvas),
        sum,
        h('details', { id: `${slug}-values`, 'data-testid': `${slug}-values`, className: 'values' },
          tr('summary', 'chart.values', t), h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${slug}-values-caption` }, probTable)))),
    h('div', { className: 'lab-controls' },
      h('fieldset', { className: 'logits-editor' }, tr('legend', 'vector.logits', t), list,
        h('div', { className: 'button-row' }, addButton), hint),
      tControl.root),
    h('div', { className: 'lab-jacobian' },
      tr(`h${Math.min(6, level)}`, 'vector.jacobian', t, { s: symbol() }, { className: 'lab-heading', id: `${slug}-jacobian-title` }),
      h('div', { className: 'table-scroll', role: 'region', tabindex: 0, 'aria-labelledby': `${slug}-jacobian-title` }, jacobian)),
    props.root,
  );

  let logitsChart = null;
  let probChart = null;
  let dragAxis = null; // the logit axis stays still while a bar is dragged

  const labels = () => logits().map((_, i) => t('vector.logit', { i: i + 1 }));
  const logitAxis = () => {
    const biggest = Math.max(MIN_LOGIT_AXIS, ...logits().map(Math.abs));
    return Math.ceil(biggest / 5) * 5;
  };
  // The tick step divides the axis, so the ticks (which Chart.js starts at −axis) pass through
  // 0, and is big enough for the chart's height that Chart.js never skips labels (on a
  // phone it skipped every other one, 0 included).
  const logitStep = (axis, height) => symmetricTickStep(axis, Math.floor(height / 2 / MIN_TICK_GAP_PX));

  function render() {
    const z = logits();
    const T = temperature();
    const params = { [tField.param]: T };
    const s = core.evaluate(slug, z, params);
    const J = core.jacobian(slug, z, params);
    props.render(core.properties(slug, params));
    sum.textContent = logs
      ? t('vector.sumExp', { s: symbol(), sum: formatNumber(s.reduce((a, b) => a + Math.exp(b), 0), 6) })
      : t('vector.sum', { sum: formatNumber(s.reduce((a, b) => a + b, 0), 6) });
    // Array.from: a Float64Array's own map would turn the label strings into NaN.
    const list2 = (values) => Array.from(values, (v, i) => `${labels()[i]} = ${formatNumber(v)}`).join(', ');
    logitsCanvas.setAttribute('aria-label', t('vector.ariaLogits', { values: list2(z) }));
    probCanvas.setAttribute('aria-label', t('vector.ariaOutputs', { outputs: t(`ui.${slug}.outputsName`), values: list2(s) }));
    renderProbTable(z, s);
    renderJacobian(J, z.length);
    if (logitsChart) {
      const axis = dragAxis ?? logitAxis();
      logitsChart.data.labels = labels();
      logitsChart.data.datasets[0].data = Array.from(z);
      logitsChart.options.scales.y.min = -axis;
      logitsChart.options.scales.y.max = axis;
      logitsChart.options.scales.y.ticks.stepSize = logitStep(axis, logitsChart.chartArea?.height ?? logitsChart.height);
      logitsChart.update('none');
    }
    if (probChart) {
      probChart.data.labels = labels();
      probChart.data.datasets[0].data = Array.from(s);
      // Log-probabilities: from a round number below the smallest up to 0.
      if (logs) probChart.options.scales.y.min = -Math.max(1, Math.ceil(-Math.min(...s, -1)));
      probChart.update('none');
    }
  }

  function renderProbTable(z, s) {
    probTable.replaceChildren(
      h('caption', { id: `${slug}-values-caption` }, t(`ui.${slug}.outputs`)),
      h('thead', {}, h('tr', {}, ['vector.tableIndex', 'vector.tableLogit', 'vector.tableProbability'].map((k) => h('th', { scope: 'col' }, t(k, { s: symbol() }))))),
      h('tbody', {}, Array.from(z, (v, i) => h('tr', {}, h('th', { scope: 'row' }, String(i + 1)), h('td', {}, formatNumber(v)), h('td', {}, formatNumber(s[i]))))));
  }

  function renderJacobian(J, n) {
    let biggest = 0;
    for (const v of J) biggest = Math.max(biggest, Math.abs(v));
    const head = h('tr', {}, h('td'), Array.from({ length: n }, (_, j) => h('th', { scope: 'col' }, t('vector.col', { j: j + 1 }))));
    const body = Array.from({ length: n }, (_, i) => h('tr', {},
      h('th', { scope: 'row' }, t('vector.row', { s: symbol(), i: i + 1 })),
      Array.from({ length: n }, (_, j) => {
        const v = J[i * n + j];
        const cell = h('td', { className: v > 0 ? 'pos' : v < 0 ? 'neg' : '' }, formatNumber(v, 3));
        // Strength of colour ∝ |value|; set through CSSOM so a strict CSP allows it.
        cell.style.setProperty('--heat', `${Math.round((biggest ? Math.abs(v) / biggest : 0) * HEAT_MAX)}%`);
        return cell;
      })));
    jacobian.replaceChildren(h('caption', {}, t('vector.jacobianCaption', { s: symbol() })), h('thead', {}, head), h('tbody', {}, body));
  }

  const task = createFrameTask(render);

  // Dragging a bar sets that logit from the pointer's height.
  function attachDrag() {
    let index = -1;
    const valueAt = (e) => {
      const rect = logitsCanvas.getBoundingClientRect();
      return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    };
    logitsCanvas.addEventListener('pointerdown', (e) => {
      const { x, y } = valueAt(e);
      const area = logitsChart.chartArea;
      if (x < area.left || x > area.right) return;
      index = Math.round(logitsChart.scales.x.getValueForPixel(x));
      if (!(index >= 0 && index < logits().length)) { index = -1; return; }
      dragAxis = logitAxis();
      logitsCanvas.setPointerCapture(e.pointerId);
      move(y);
    });
    const move = (y) => {
      const v = roundTo(logitsChart.scales.y.getValueForPixel(y), DRAG_DECIMALS);
      commit(store, (s) => setLogit(s, table, slug, index, Math.max(-dragAxis, Math.min(dragAxis, v))));
    };
    logitsCanvas.addEventListener('pointermove', (e) => { if (index >= 0) move(valueAt(e).y); });
    const end = () => { index = -1; dragAxis = null; task.request(); };
    logitsCanvas.addEventListener('pointerup', end);
    logitsCanvas.addEventListener('pointercancel', end);
  }

  function createChart() {
    const theme = ctx.theme();
    logitsChart = createBarChart(logitsCanvas, {
      labels: labels(), color: theme.series.barAlt, theme, yMin: -logitAxis(), yMax: logitAxis(), onResize: () => task.request(),
    });
    probChart = createBarChart(probCanvas, { labels: labels(), color: theme.series.bar, theme, yMin: logs ? -1 : 0, yMax: logs ? 0 : 1 });
    logitsChart.$bar = 'barAlt';
    probChart.$bar = 'bar';
    ctx.trackChart(logitsChart);
    ctx.trackChart(probChart);
    attachDrag();
    render();
  }

  const sync = () => {
    syncList();
    tControl.set(temperature());
    task.request();
  };
  watch(store, (s) => s.sections[slug], sync);
  watch(store, (s) => s.lang, () => { tControl.renderText(); showHint(); task.request(); });
  sync();
  return { element: lab, createChart };
}
