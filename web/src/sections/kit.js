// Small pieces every interactive section uses: committing a pure state update,
// the properties block, the values-table rows and a sample's chart points.

import { h, tr } from '../ui/dom.js';
import { formatNumber, niceTicks } from '../text/format.js';
import { describeProperties } from '../text/properties-format.js';
import { renderPropertyList } from './controls.js';
import { toPoints } from '../charts/charts.js';

/**
 * Run a pure update `(state) → { state, …result }` against the store and return the result,
 * so a control can show the clamped value and why.
 */
export function commit(store, update) {
  let result;
  store.update((state) => {
    result = update(state);
    return result.state;
  });
  return result;
}

/** Heading + <dl> of a section's properties; returns { root, render(properties) }. */
export function createPropertiesBlock({ id, t, level, titleKey = 'props.heading' }) {
  const dl = h('dl', { id: `${id}-props`, 'data-testid': `${id}-props`, className: 'props' });
  const title = tr(`h${Math.min(6, level)}`, titleKey, t, undefined, { className: 'lab-heading', id: `${id}-props-title` });
  const root = h('div', { className: 'lab-props', role: 'group', 'aria-labelledby': title.id }, title, dl);
  let shown = '';
  return {
    root,
    // Slider drags call this every frame; the DOM is only touched when the text changes.
    render(properties) {
      const rows = describeProperties(properties, t);
      const key = JSON.stringify(rows);
      if (key === shown) return;
      shown = key;
      renderPropertyList(dl, rows);
    },
  };
}

/** Round x values for a values table across the visible range. */
export function valueXs(xmin, xmax) {
  return niceTicks(xmin, xmax, 10);
}

/** Table columns/rows: one row per x, one column per named series. */
export function valuesTable(xs, series, t) {
  return {
    columns: [t('chart.colX'), ...series.map((s) => s.label)],
    rows: xs.map((x, i) => [formatNumber(x), ...series.map((s) => formatNumber(s.values[i]))]),
  };
}

/** "α = 0.5, β = 2" for the current parameters (for labels), or ''. */
export function paramSummary(fields, params) {
  return fields.map((f) => `${f.symbol} = ${formatNumber(params[f.param])}`).join(', ');
}

/**
 * Show a crosshair reading on a section's chart and in its readout: `reading` is
 * { x, parts, points }, or null to clear both (the pointer left, or no chart yet).
 */
export function showReading(card, chart, reading, draw = true) {
  card.setReadout(reading ? reading.parts : null);
  if (!chart || (!reading && !chart.$crosshair)) return;
  chart.$crosshair = reading ? { x: reading.x, points: reading.points } : null;
  if (draw) chart.render();
}

/**
 * A sample's f and f′ as chart points ({ f, df }): f breaks only where it jumps (step), f′ at
 * every kink, and f's kinks are exact points, so a corner between two samples stays sharp.
 * So is f′'s peak where the properties place it at one x (softsign's is a sharp corner).
 */
export function curvePoints(core, slug, sample, properties, params) {
  const kinks = properties.nonDifferentiableAt;
  const jumps = properties.continuity < 0;
  const corners = !jumps && kinks.length ? { x: kinks, y: core.evaluate(slug, kinks, params) } : null;
  const { from, to, attained } = properties.maxAbsDerivative;
  const peak = attained && from === to && Number.isFinite(from) ? [from] : null;
  return {
    f: toPoints(sample.x, sample.y, jumps ? kinks : [], corners),
    df: toPoints(sample.x, sample.dy, kinks, peak && { x: peak, y: core.derivative(slug, peak, params) }),
  };
}
