// The page's first chart: every function at its defaults at once, one highlighted with its
// derivative, the others faint; a row of names picks the highlighted one, and a link leads
// to its section. The build renders the same markup (build_scripts/lib/render.mjs), names as
// plain links, so the first screen does not move when this replaces it.

import { h, setAttr, setText, tr } from '../ui/dom.js';
import { formatNumber } from '../text/format.js';
import { watch } from '../model/store.js';
import { createFrameTask } from '../ui/frame.js';
import { LINE_WIDTH, createLineChart, curvesOf, redrawLine, sampleCount, sampleCountFor, xAtPointer } from '../charts/charts.js';
import { createChartCard } from '../charts/chart-card.js';
import { commit, curvePoints, showReading, valueXs, valuesTable } from './kit.js';
import { setField } from '../model/state.js';

const OTHERS_ALPHA = 0.4;
const PICKED_WIDTH = 1.6 * LINE_WIDTH;

export function mountPickerSection(lab, { slug: id }, ctx) {
  const { core, store, table, t } = ctx;
  const { slugs, halfRange, hidden: hiddenSlugs } = table.sections.find((s) => s.id === id);
  const hidden = new Set(hiddenSlugs);
  const [xmin, xmax] = [-halfRange, halfRange];
  const picked = () => store.get().sections[id].pick;
  const name = (slug) => t(`fn.${slug}`);
  const slotOf = (slug) => table.specs.get(slug).colour;

  const card = createChartCard({
    id, t, curves: [], small: true,
    onToggle: () => {},
    onProbe: () => hairTask.request(),
    xRange: () => ({ min: xmin, max: xmax }),
    onValuesOpen: () => renderValues(),
  });
  const chips = slugs.map((slug) => h('button', {
    type: 'button', className: 'chip', id: `${id}-pick-${slug}`, 'data-testid': `${id}-pick-${slug}`,
    dataset: { slot: String(slotOf(slug)) },
    onclick: () => commit(store, (s) => setField(s, table, `${id}.pick`, slug)),
  }, h('span', { className: 'chip-swatch', 'aria-hidden': 'true' }), tr('span', `fn.${slug}`, t)));
  const label = tr('p', 'picker.label', t, undefined, { className: 'picker-label', id: `${id}-picker-label` });
  const more = h('a', { className: 'picker-more', id: `${id}-more`, 'data-testid': `${id}-more` });
  lab.replaceChildren(
    h('div', { className: 'lab-chart' }, card.root),
    h('div', { className: 'picker', role: 'group', 'aria-labelledby': label.id }, label,
      h('ul', { className: 'picker-list' }, chips.map((chip) => h('li', {}, chip)))),
    h('p', { className: 'picker-more-line' }, more),
  );

  let chart = null;
  const pointsOf = new Map(); // defaults never change: each function's points per sample count
  const points = (slug, n) => {
    const key = `${slug}|${n}`;
    if (!pointsOf.has(key)) pointsOf.set(key, curvePoints(core, slug, core.sample(slug, { xmin, xmax, n }), core.properties(slug)));
    return pointsOf.get(key);
  };

  function renderText() {
    const pick = picked();
    chips.forEach((chip, i) => setAttr(chip, 'aria-pressed', String(slugs[i] === pick)));
    setText(more, t('picker.readAbout', { name: name(pick) }));
    setAttr(more, 'href', `#${pick}`);
    card.setAriaLabel(t('picker.aria', { name: name(pick), xmin: formatNumber(xmin), xmax: formatNumber(xmax) }));
    if (card.valuesOpen()) renderValues();
  }

  // One f curve per function, then the picked one's f′: the picked f bold and on top, the
  // others faint (those the row hides, unless picked, not at all), the f′ in the picked colour.
  function curveData(n, theme) {
    const pick = picked();
    return [
      ...slugs.map((slug) => ({
        data: points(slug, n).f,
        hidden: slug !== pick && hidden.has(slug),
        ...(slug === pick ? { alpha: 1, borderWidth: PICKED_WIDTH, z: 1 } : { alpha: OTHERS_ALPHA, borderWidth: LINE_WIDTH, z: 0 }),
      })),
      { data: points(pick, n).df, hidden: false, borderColor: theme.colour(slotOf(pick)), z: 1 },
    ];
  }

  function render() {
    renderText();
    if (!chart) return;
    curveData(sampleCount(chart), chart.$theme).forEach((set, i) => Object.assign(curvesOf(chart)[i], set));
    renderHair(false);
    redrawLine(chart, xmin, xmax);
  }

  function renderValues() {
    const pick = picked();
    const xs = valueXs(xmin, xmax);
    const series = [
      { label: t('chart.f'), values: core.evaluate(pick, xs) },
      { label: t('chart.df'), values: core.derivative(pick, xs) },
    ];
    card.setValues({ caption: t('chart.valuesCaption', { name: name(pick) }), ...valuesTable(xs, series, t) });
  }

  function renderHair(draw = true) {
    const x = card.probeX();
    if (x === null || !chart) {
      showReading(card, chart, null, draw);
      return;
    }
    const pick = picked();
    const f = core.evaluate(pick, [x])[0];
    const df = core.derivative(pick, [x])[0];
    const color = chart.$theme.colour(slotOf(pick));
    const parts = [
      { text: t('chart.x', { x: formatNumber(x) }) },
      { slot: slotOf(pick), text: `${name(pick)}: f = ${formatNumber(f)}, f′ = ${formatNumber(df)}` },
    ];
    showReading(card, chart, { x, parts, points: [{ y: f, color }, { y: df, color }] }, draw);
  }

  const task = createFrameTask(render);
  const hairTask = createFrameTask(() => renderHair());

  function createChart() {
    const theme = ctx.theme();
    const series = [
      ...slugs.map((slug) => ({ label: `${slug} f`, color: theme.colour(slotOf(slug)), colorOf: (th) => th.colour(slotOf(slug)), dash: 'solid' })),
      { label: 'picked f′', color: theme.colour(slotOf(picked())), colorOf: (th) => th.colour(slotOf(picked())), dash: 'dashed' },
    ];
    chart = createLineChart(card.canvas, { xmin, xmax, series, theme, data: curveData(sampleCountFor(card.canvas), theme), onResize: () => task.request() });
    task.cancel();
    ctx.trackChart(chart);
    card.attachPointer((e) => xAtPointer(chart, e));
  }

  watch(store, (s) => s.sections[id], () => task.request());
  watch(store, (s) => s.lang, () => { task.request(); hairTask.request(); });
  renderText();
  return { element: lab, createChart };
}
