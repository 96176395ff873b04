// Turns core.properties(...) into labelled, translated rows, for each section's list
// and the summary table. Pure: the translate function is passed in.

import { formatInterval, formatNumber, formatSet } from './format.js';

export const PROPERTY_ROWS = [
  'range', 'f0', 'maxAbsDerivative', 'monotonic', 'zeroCentred', 'smoothness',
  'nonDifferentiableAt', 'saturates', 'usesExp',
];

// A steepest slope held for x > 0 is reported from the smallest double above 0: print 0.
const TINY = 1e-300;
const shown = (x) => (x !== 0 && Math.abs(x) < TINY ? 0 : x);
// core.js reports "not applicable" as null (a vector function's f(0)); NaN means the same.
const missing = (x) => x == null || Number.isNaN(x);

/** { key, label, value } for each row of PROPERTY_ROWS. */
export function describeProperties(p, t) {
  const yesNo = (b) => t(b ? 'props.yes' : 'props.no');
  const values = {
    range: describeRange(p.range),
    f0: missing(p.f0) ? t('props.notApplicable') : formatNumber(p.f0),
    maxAbsDerivative: describeMax(p.maxAbsDerivative, t),
    monotonic: t(`props.monotonicity.${p.monotonic}`),
    zeroCentred: t(`props.centred.${p.zeroCentred}`),
    smoothness: describeContinuity(p.continuity, t),
    nonDifferentiableAt: p.nonDifferentiableAt.length === 0
      ? t('props.none')
      : p.nonDifferentiableAt.map((x) => t('props.xAt', { x: formatNumber(x) })).join(', '),
    saturates: t(`props.saturation.${p.saturates}`),
    usesExp: yesNo(p.usesExp),
  };
  return PROPERTY_ROWS.map((key) => ({ key, label: t(`props.${key}`), value: values[key] }));
}

export function describeRange(range) {
  if (range.values?.length) return formatSet(range.values);
  return formatInterval(range.min, range.max, range.minInclusive, range.maxInclusive);
}

// Each class in words that say what fails, so "smooth" means C∞ and nothing less.
export function describeContinuity(order, t) {
  if (order === Infinity) return t('props.continuity.smooth');
  if (order < 0) return t('props.continuity.discontinuous');
  if (order === 0) return t('props.continuity.c0');
  return t('props.continuity.c1');
}

/** "0.25 at x = 0", "1 for x in (0, ∞)", "approaches 1 as x → ∞", "1 everywhere". */
export function describeMax(m, t) {
  const value = formatNumber(m.value);
  if (missing(m.from) || missing(m.to)) return t('props.maxVector', { value });
  const from = shown(m.from);
  const to = shown(m.to);
  if (!m.attained) return t('props.maxApproached', { value, to: formatNumber(to) });
  if (from === -Infinity && to === Infinity) return t('props.maxEverywhere', { value });
  if (from === to) return t('props.maxAt', { value, x: formatNumber(from) });
  // The steepest slope holds on an open interval: at a finite end the kink's one-sided
  // convention decides, so the end is left out.
  return t('props.maxOn', { value, interval: formatInterval(from, to, false, false) });
}
