// Number formatting and round tick values, shared by charts, readouts and tables.

const MINUS = '\u2212'; // a real minus sign: a hyphen looks too short next to digits

/**
 * A short, readable number: `digits` significant digits, trailing zeros dropped,
 * exponent form for very large or tiny values, ∞ for infinities and — for NaN.
 */
export function formatNumber(value, digits = 4) {
  if (Number.isNaN(value) || typeof value !== 'number') return '—';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return `${MINUS}∞`;
  if (value === 0) return '0'; // also -0
  const size = Math.abs(value);
  let text;
  if (size >= 1e6 || size < 1e-4) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    text = `${trimZeros(mantissa)}e${Number(exponent)}`;
  } else {
    text = String(Number(value.toPrecision(digits)));
  }
  return text.replaceAll('-', MINUS);
}

function trimZeros(decimal) {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

/** Parse user text that may contain a real minus sign or a decimal comma. */
export function parseNumber(text) {
  const cleaned = String(text).trim().replaceAll(MINUS, '-').replace(',', '.');
  if (cleaned === '' || cleaned === '-' || cleaned === '.') return NaN;
  return Number(cleaned);
}

/** A 1-2-5 step giving about `targetCount` intervals over `span`. */
export function niceStep(span, targetCount = 10) {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / targetCount;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = Number((raw / magnitude).toPrecision(12)); // 6.999… is 7
  const factor = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
  return factor * magnitude;
}

/**
 * A tick step for an axis from −axis to axis: the smallest 1-2-2.5-5 step that divides
 * `axis` into at most `perSide` parts (so a tick falls on 0 and on both ends), else `axis`.
 */
export function symmetricTickStep(axis, perSide) {
  if (!(axis > 0) || !Number.isFinite(axis)) return 1;
  const wanted = axis / Math.max(1, perSide);
  for (let scale = 10 ** Math.floor(Math.log10(wanted)); scale <= axis; scale *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * scale;
      const parts = axis / step;
      if (step >= wanted && Math.abs(parts - Math.round(parts)) < 1e-9) return step;
    }
  }
  return axis;
}

/** Decimal places needed to write multiples of the step exactly. */
export function decimalsOf(step) {
  if (!Number.isFinite(step) || step >= 1) return 0;
  return Math.min(20, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
}

/** Round multiples of a nice step inside [min, max], e.g. −3, −2.5, … 3. */
export function niceTicks(min, max, targetCount = 10) {
  if (!(max > min)) return [];
  const step = niceStep(max - min, targetCount);
  const decimals = decimalsOf(step);
  const ticks = [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let i = first; i <= last; i += 1) {
    const value = Number((i * step).toFixed(decimals));
    ticks.push(value === 0 ? 0 : value);
  }
  return ticks;
}

/** An interval in the usual notation: [0, ∞), (−1, 1). Infinite ends are always open. */
export function formatInterval(min, max, minInclusive, maxInclusive, digits = 4) {
  const left = minInclusive && Number.isFinite(min) ? '[' : '(';
  const right = maxInclusive && Number.isFinite(max) ? ']' : ')';
  return `${left}${formatNumber(min, digits)}, ${formatNumber(max, digits)}${right}`;
}

/** A discrete set: {0, 1}. */
export function formatSet(values, digits = 4) {
  return `{${values.map((v) => formatNumber(v, digits)).join(', ')}}`;
}

/** Clamp into [lo, hi]. */
export function clamp(value, lo, hi) {
  return Math.min(hi, Math.max(lo, value));
}

/** Round to a number of decimals without 0.30000000000000004 artefacts. */
export function roundTo(value, decimals) {
  return Number(value.toFixed(Math.min(20, Math.max(0, decimals))));
}

/**
 * [lo, hi] widened by `fraction` of its span on each side, so curves do not touch the frame.
 * A flat curve (lo = hi) gets a band around it; no data gives [−1, 1].
 */
export function paddedExtent(lo, hi, fraction = 0.06) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: -1, max: 1 };
  const span = hi - lo;
  if (span < 1e-12 * Math.max(1, Math.abs(hi))) {
    const half = Math.max(0.5, Math.abs(hi) * 0.1);
    return { min: lo - half, max: hi + half };
  }
  return { min: lo - span * fraction, max: hi + span * fraction };
}
