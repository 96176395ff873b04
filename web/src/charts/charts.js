// Chart.js, trimmed to the parts the page uses, and the few ways the page makes charts.
// Charts are made once (no animation) and then only have their data replaced and are
// redrawn. Chart.js lays out and draws the axes, the grid and the bar charts; the line
// charts' curves are drawn by curvesPlugin below. The page handles pointer input itself
// (crosshair and readout), so Chart.js's own event handling is turned off.

import {
  Chart, LineController, LinearScale, BarController, BarElement, CategoryScale,
} from 'chart.js';
import { formatNumber } from '../text/format.js';
import { dataExtent, fitRange, liveRange } from './y-range.js';

// Only what is drawn: registering everything (registerables) would double the bundle.
Chart.register(LineController, LinearScale, BarController, BarElement, CategoryScale);

export const DASH = { solid: [], dashed: [7, 4], dotted: [2, 3] };
export const LINE_WIDTH = 2.25;
const FAINT_WIDTH = 1.5;

/** Colours and fonts from the stylesheet's custom properties (they follow light/dark). */
export function readTheme(el = document.documentElement) {
  const css = getComputedStyle(el);
  const v = (name) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--muted'),
    grid: v('--grid'),
    axis: v('--axis'),
    faint: v('--faint'),
    font: v('--font-body') || 'system-ui, sans-serif',
    // Tick labels follow the page's type size, which grows on wide screens and projectors.
    fontSize: Math.round(0.8 * parseFloat(css.fontSize || '16')),
    series: { f: v('--c-f'), df: v('--c-df'), dparam: v('--c-dparam'), bar: v('--c-bar'), barAlt: v('--c-bar-alt') },
    // A function's colour by its registry slot (the stylesheet's --slot-<n>).
    colour: (slot) => v(`--slot-${slot}`) || v('--text'),
  };
}

const tickLabel = (value) => formatNumber(value, 6);

function axisOptions(theme, extra = {}) {
  return {
    type: 'linear',
    ...extra,
    // Plain values, not per-tick functions: scriptable grid options made Chart.js resolve
    // them tick by tick on every redraw. The axes through 0 are drawn by zeroAxesPlugin.
    grid: { color: theme.grid, lineWidth: 1 },
    border: { display: false },
    ticks: { color: theme.muted, callback: tickLabel, maxRotation: 0, includeBounds: false, font: { family: theme.font, size: theme.fontSize } },
  };
}

// The axes through 0, stronger than the grid, under the curves.
const zeroAxesPlugin = {
  id: 'zeroAxes',
  beforeDatasetsDraw(chart, args, options) {
    const { ctx, chartArea: area, scales } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const [scale, vertical] of [[scales.x, true], [scales.y, false]]) {
      if (scale?.type !== 'linear' || !(scale.min < 0 && scale.max > 0)) continue;
      const at = scale.getPixelForValue(0);
      if (vertical) { ctx.moveTo(at, area.top); ctx.lineTo(at, area.bottom); }
      else { ctx.moveTo(area.left, at); ctx.lineTo(area.right, at); }
    }
    ctx.stroke();
    ctx.restore();
  },
};

// Draws the hover crosshair and dots on the curves at chart.$crosshair = { x, points: [{ y, color }] }.
const crosshairPlugin = {
  id: 'crosshair',
  afterDatasetsDraw(chart) {
    const hair = chart.$crosshair;
    if (!hair) return;
    const { ctx, chartArea: area, scales } = chart;
    const px = scales.x.getPixelForValue(hair.x);
    if (!(px >= area.left && px <= area.right)) return;
    ctx.save();
    ctx.strokeStyle = chart.$theme.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(px, area.top);
    ctx.lineTo(px, area.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const p of hair.points ?? []) {
      const py = scales.y.getPixelForValue(p.y);
      if (!(py >= area.top && py <= area.bottom)) continue;
      ctx.fillStyle = p.color;
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  },
};

// The curves of a line chart: chart.$curves, drawn by this plugin over the grid and
// under the crosshair. They are not Chart.js datasets on purpose: new dataset data needs
// chart.update(), which re-resolves options and lays out the whole chart again, on every
// frame of a slider drag (measured per frame: 3.8 ms with update, 2.2 ms with render), while
// new curves under unchanged axes need only a redraw (see redrawLine and y-range.js).
function curvesPlugin(curves) {
  // Faint reference curves go underneath, then by each curve's z (higher on top).
  const layer = (c) => (c.faint ? -1e9 : c.z);
  return {
    id: 'curves',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales: { x, y } } = chart;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
      ctx.lineJoin = 'round';
      const drawOrder = curves.length > 1 ? [...curves].sort((a, b) => layer(a) - layer(b)) : curves;
      for (const curve of drawOrder) {
        if (!curve.hidden && curve.data.length > 1) strokeCurve(ctx, curve, x, y);
      }
      ctx.restore();
    },
  };
}

// One polyline; a point whose y is NaN lifts the pen (a gap, as at a jump).
function strokeCurve(ctx, curve, x, y) {
  ctx.strokeStyle = curve.borderColor;
  ctx.globalAlpha = curve.alpha;
  ctx.lineWidth = curve.borderWidth;
  ctx.setLineDash(curve.borderDash);
  ctx.beginPath();
  let penDown = false;
  for (const p of curve.data) {
    if (Number.isNaN(p.y)) {
      penDown = false;
      continue;
    }
    const px = x.getPixelForValue(p.x);
    const py = y.getPixelForValue(p.y);
    if (penDown) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    penDown = true;
  }
  ctx.stroke();
}

/**
 * A line chart over a fixed x-range.
 * series: [{ label, color, dash: 'solid'|'dashed'|'dotted', faint?, hidden? }]
 * data (optional): per series { data: points, hidden }, so the chart is laid out and drawn
 * once with its curves instead of empty first (the first chart of a visit waits on this).
 * The curves are curvesOf(chart), in series order: set their data and hidden, then redrawLine.
 */
export function createLineChart(canvas, { xmin, xmax, series, theme, onResize, data = [] }) {
  const curves = series.map((s, i) => lineCurve(s, theme, data[i]));
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 6, right: 8 } },
      plugins: { zeroAxes: { color: theme.axis } },
      onResize: onResize ? () => onResize() : undefined,
      scales: {
        x: axisOptions(theme, { min: xmin, max: xmax }),
        // min/max follow the data (see redrawLine).
        y: axisOptions(theme, fitRange(dataExtent(curves))),
      },
    },
    plugins: [zeroAxesPlugin, curvesPlugin(curves), crosshairPlugin],
  });
  chart.$theme = theme;
  chart.$series = series;
  chart.$curves = curves;
  chart.$lastRedraw = -Infinity;
  return chart;
}

/** A line chart's curves ({ label, data: [{ x, y }], hidden, borderColor, … }), in series order. */
export const curvesOf = (chart) => chart.$curves;

// `initial` may also set the curve's look (alpha, borderWidth, z: a section stressing one).
function lineCurve(s, theme, initial) {
  return {
    label: s.label,
    faint: Boolean(s.faint),
    borderColor: s.faint ? theme.faint : s.color,
    borderWidth: s.faint ? FAINT_WIDTH : LINE_WIDTH,
    borderDash: DASH[s.dash ?? 'solid'],
    alpha: 1,
    z: 0, // drawn above the curves with a lower z
    ...initial,
    data: initial?.data ?? [],
    hidden: initial ? Boolean(initial.hidden) : Boolean(s.hidden),
  };
}

/** A bar chart over categories (a vector function's inputs and outputs). */
export function createBarChart(canvas, { labels, color, theme, yMin, yMax, onResize }) {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ data: [], backgroundColor: color, borderWidth: 0, barPercentage: 0.8, categoryPercentage: 0.9 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 6, right: 8 } },
      onResize: onResize ? () => onResize() : undefined,
      scales: {
        x: { type: 'category', grid: { display: false }, border: { display: false }, ticks: { color: theme.muted, font: { family: theme.font, size: theme.fontSize } } },
        y: axisOptions(theme, { min: yMin, max: yMax }),
      },
    },
  });
  chart.$theme = theme;
  return chart;
}

// Redraws closer together than this are one drag: the y-range holds still between them.
const DRAG_GAP_MS = 300;

/**
 * Set the x-range and the y-range (y-range.js) and draw the curves without animation:
 * a full Chart.js update when an axis changed, otherwise only a redraw. After a drag
 * pauses, the y-range fits the data again.
 */
export function redrawLine(chart, xmin, xmax) {
  const now = performance.now();
  const extent = dataExtent(chart.$curves);
  const dragging = now - chart.$lastRedraw < DRAG_GAP_MS;
  chart.$lastRedraw = now;
  setAxes(chart, xmin, xmax, dragging ? liveRange(chart.options.scales.y, extent) : fitRange(extent));
  clearTimeout(chart.$settle);
  if (!dragging) return;
  chart.$settle = setTimeout(() => requestAnimationFrame(() => {
    const { x } = chart.options.scales;
    setAxes(chart, x.min, x.max, fitRange(dataExtent(chart.$curves)), false);
  }), DRAG_GAP_MS);
}

// A full update if an axis changes; else a redraw (if `redraw`) or nothing.
function setAxes(chart, xmin, xmax, yRange, redraw = true) {
  const { x, y } = chart.options.scales;
  if (x.min === xmin && x.max === xmax && y.min === yRange.min && y.max === yRange.max && chart.chartArea) {
    if (redraw) chart.render();
    return;
  }
  Object.assign(x, { min: xmin, max: xmax });
  Object.assign(y, { min: yRange.min, max: yRange.max });
  chart.update('none');
}

/** Re-colour after a light/dark switch. */
export function applyTheme(chart, theme) {
  chart.$theme = theme;
  for (const axis of Object.values(chart.options.scales)) {
    axis.ticks.color = theme.muted;
    if (axis.type === 'linear') axis.grid.color = theme.grid;
  }
  if (chart.options.plugins.zeroAxes) chart.options.plugins.zeroAxes.color = theme.axis;
  if (chart.$bar) chart.data.datasets[0].backgroundColor = theme.series[chart.$bar];
  chart.$curves?.forEach((c, i) => {
    const s = chart.$series[i];
    c.borderColor = s.faint ? theme.faint : (s.colorOf ? s.colorOf(theme) : s.color);
  });
  chart.update('none');
}

/**
 * Points across the plot area: one per two pixels, bounded so huge screens stay cheap.
 * Denser sampling looked no different (corners are exact points, see toPoints) and made
 * every slider move redraw twice the points.
 */
export function sampleCount(chart) {
  const width = chart.chartArea ? chart.chartArea.right - chart.chartArea.left : chart.width;
  return clampSamples(width);
}

/** sampleCount before the chart exists: the canvas's box less room for the y-axis labels. */
export function sampleCountFor(canvas) {
  return clampSamples((canvas.parentElement?.clientWidth ?? 0) - Y_AXIS_ROOM);
}

const Y_AXIS_ROOM = 50; // px; the next redraw uses the real plot width
const PIXELS_PER_SAMPLE = 2;
const clampSamples = (width) => Math.max(64, Math.min(800, Math.round((width > 0 ? width : 600) / PIXELS_PER_SAMPLE)));

/**
 * {x, y} points from typed arrays, for a line chart's curves. Non-finite values become gaps
 * (y: NaN), and so do `breaks` (jumps of f or f′), so no false vertical line is drawn.
 * `corners` ({ x: [...], y: [...] }, the curve's kinks) are added as exact points, so a
 * kink between two samples is drawn sharp instead of cut off.
 */
export function toPoints(xs, ys, breaks = [], corners = null) {
  const points = new Array(xs.length);
  for (let i = 0; i < xs.length; i += 1) {
    const y = ys[i];
    points[i] = { x: xs[i], y: Number.isFinite(y) ? y : NaN };
  }
  corners?.x.forEach((x, i) => { if (Number.isFinite(corners.y[i])) putPoint(points, x, corners.y[i]); });
  for (const b of breaks) putPoint(points, b, NaN);
  return points;
}

// Puts { x, y } in x order, replacing a sample at exactly x; only strictly inside the range.
function putPoint(points, x, y) {
  if (!(x > points[0].x && x < points[points.length - 1].x)) return;
  const at = points.findIndex((p) => p.x >= x);
  if (points[at].x === x) points[at] = { x, y };
  else points.splice(at, 0, { x, y });
}

/** The x of a pointer event over the plot area, or null outside it. */
export function xAtPointer(chart, event) {
  const rect = chart.canvas.getBoundingClientRect();
  const px = event.clientX - rect.left;
  const area = chart.chartArea;
  if (!area || px < area.left - 2 || px > area.right + 2) return null;
  const x = chart.scales.x.getValueForPixel(px);
  return Math.min(chart.scales.x.max, Math.max(chart.scales.x.min, x));
}
