// The y-axis range of a line chart. At rest it fits the visible curves with a small margin.
// While a control is being dragged it holds still (the curves move, not the axes, which
// is easier to read and needs no new layout): it only grows, to round values with room
// to spare, when a curve leaves it, and it fits again once the dragging pauses.

import { paddedExtent, niceStep } from '../text/format.js';

/** The lowest and highest y of the visible curves' points ({ hidden, data: [{ x, y }] }). */
export function dataExtent(curves) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of curves) {
    if (c.hidden) continue;
    for (const p of c.data) {
      if (p.y < lo) lo = p.y;
      if (p.y > hi) hi = p.y;
    }
  }
  return { lo, hi };
}

/** The resting range: the data with a small margin. */
export function fitRange({ lo, hi }) {
  return paddedExtent(lo, hi);
}

/**
 * The range while dragging: `held` (the range on screen) if the data still lies inside
 * it, else the smallest range around both whose ends are multiples of a coarse round step
 * (about a quarter of the span), so a curve that keeps moving outwards needs a new range
 * only every so often.
 */
export function liveRange(held, extent) {
  const fit = fitRange(extent);
  if (!held) return fit;
  if (fit.min >= held.min && fit.max <= held.max) return held;
  const lo = Math.min(fit.min, held.min);
  const hi = Math.max(fit.max, held.max);
  const step = niceStep(hi - lo, 4);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
}
