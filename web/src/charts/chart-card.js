// The markup around one chart: the canvas (role="img", focusable for keyboard reading),
// the readout, the curve toggles that serve as the legend, and a "values" table as the
// text alternative. Sections own the chart itself; this file owns only the DOM and input.

import { h, tr, replaceChildren } from '../ui/dom.js';

const KEY_STEPS = 100; // ← → move the crosshair by 1/100 of the range; with Shift, 1/10

/**
 * @param {object} o
 * @param {string} o.id                 section id; element ids derive from it
 * @param {(key: string, vars?: object) => string} o.t
 * @param {{key: string, label: string, labelKey?: string, series?: string, slot?: number, dash: string, checked: boolean, hidden?: boolean}[]} o.curves
 *   a curve's colour: `series` (a role: f, df, faint…) or `slot` (a function's colour slot)
 * @param {(key: string, on: boolean) => void} o.onToggle
 * @param {(x: number | null) => void} o.onProbe    pointer or key moved the crosshair
 * @param {() => {min: number, max: number}} o.xRange
 * @param {() => void} o.onValuesOpen    the values table was opened: fill it
 * @param {string} [o.curvesKey]        legend of the toggles (i18n key)
 * @param {boolean} [o.small]           the shorter chart box (the first screen's chart)
 * With no curves to toggle there is no legend.
 */
export function createChartCard({ id, t, curves, onToggle, onProbe, xRange, onValuesOpen, curvesKey = 'chart.curves', small = false }) {
  const canvas = h('canvas', { id: `${id}-chart`, 'data-testid': `${id}-chart`, role: 'img', tabindex: 0, 'aria-label': '' });
  const readout = h('output', { id: `${id}-readout`, 'data-testid': `${id}-readout`, className: 'readout', 'aria-live': 'polite' },
    tr('span', 'chart.readoutIdle', t, undefined, { className: 'readout-idle' }));
  const toggles = new Map();
  const legend = h('fieldset', { className: 'curves', id: `${id}-curves` },
    tr('legend', curvesKey, t),
    curves.map((c) => {
      const input = h('input', {
        type: 'checkbox', id: `${id}-curve-${c.key}`, 'data-testid': `${id}-curve-${c.key}`, checked: c.checked,
        onchange: (e) => onToggle(c.key, e.target.checked),
      });
      const label = h('label', { for: input.id, className: 'curve-toggle', hidden: c.hidden },
        input, colourOf(h('span', { className: 'swatch', 'aria-hidden': 'true', dataset: { series: c.series, dash: c.dash } }), c),
        c.labelKey ? tr('span', c.labelKey, t, c.vars) : h('span', {}, c.label));
      toggles.set(c.key, { input, label });
      return label;
    }));
  const table = h('table', { id: `${id}-values-table`, className: 'values-table' });
  const details = h('details', { id: `${id}-values`, 'data-testid': `${id}-values`, className: 'values' },
    tr('summary', 'chart.values', t),
    // Focusable so keyboard users can scroll a wide table (compare-all has many columns).
    h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-values-caption` }, table));
  details.addEventListener('toggle', () => { if (details.open) onValuesOpen(); });

  // On paper the controls are gone, so the chart's description (its settings and range)
  // prints under it; on screen the canvas's aria-label says the same.
  const caption = h('figcaption', { className: 'chart-caption', 'aria-hidden': 'true' });
  const root = h('figure', { className: 'chart-card' },
    h('div', { className: small ? 'chart-box chart-box-small' : 'chart-box' }, canvas),
    readout, curves.length ? legend : null, details, caption);

  // ---- reading values with pointer and keys
  let probeX = null;
  const probe = (x) => { probeX = x; onProbe(x); };
  canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') probe(null); });
  canvas.addEventListener('keydown', (e) => {
    const { min, max } = xRange();
    const step = (max - min) / (e.shiftKey ? KEY_STEPS / 10 : KEY_STEPS);
    const start = probeX ?? (min < 0 && max > 0 ? 0 : (min + max) / 2);
    const moves = {
      ArrowLeft: () => start - (probeX === null ? 0 : step),
      ArrowRight: () => start + (probeX === null ? 0 : step),
      Home: () => min,
      End: () => max,
    };
    if (e.key === 'Escape') return probe(null);
    if (!moves[e.key]) return undefined;
    e.preventDefault();
    return probe(Math.min(max, Math.max(min, roundToGrid(moves[e.key](), step))));
  });
  canvas.addEventListener('blur', () => probe(null));

  return {
    root,
    canvas,
    /** Connects the pointer to a chart once it exists: xAt(event) → x or null. */
    attachPointer(xAt) {
      const move = (e) => probe(xAt(e));
      canvas.addEventListener('pointermove', move);
      canvas.addEventListener('pointerdown', move);
    },
    probeX: () => probeX,
    setReadout(parts) {
      if (!parts) {
        const idle = t('chart.readoutIdle');
        if (readout.textContent !== idle) replaceChildren(readout, tr('span', 'chart.readoutIdle', t, undefined, { className: 'readout-idle' }));
        return;
      }
      // Spaces between the parts so they are read (and copied) as separate values.
      replaceChildren(readout, parts.flatMap((p, i) => [i ? ' ' : null,
        colourOf(h('span', { className: 'readout-part', dataset: p.series ? { series: p.series } : {} }, p.text), p)]));
    },
    setAriaLabel(text) {
      if (canvas.getAttribute('aria-label') === text) return;
      canvas.setAttribute('aria-label', text);
      caption.textContent = text;
    },
    setCurveVisible(key, visible) {
      const toggle = toggles.get(key);
      if (toggle && toggle.label.hidden === visible) toggle.label.hidden = !visible;
    },
    isChecked: (key) => toggles.get(key)?.input.checked ?? false,
    setChecked(key, on) {
      const toggle = toggles.get(key);
      if (toggle) toggle.input.checked = on;
    },
    valuesOpen: () => details.open,
    /** columns: header strings; rows: arrays of cell strings; caption: text */
    setValues({ caption, columns, rows }) {
      replaceChildren(table,
        h('caption', { id: `${id}-values-caption` }, caption),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))));
    },
  };
}

/** A function's colour slot on a swatch or readout part (lab.css has a rule per slot). */
function colourOf(el, { slot }) {
  if (slot !== undefined) {
    delete el.dataset.series;
    el.dataset.slot = String(slot);
  }
  return el;
}

// Keep keyboard positions on round numbers so the readout shows x = 0.3, not 0.30000000004.
function roundToGrid(x, step) {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  return Number(x.toFixed(Math.min(12, decimals)));
}
