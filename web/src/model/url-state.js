// The view state <-> the URL query. Driven entirely by the state table (state.js): every
// field's key is its query key, and only fields that differ from their defaults are
// written, so links stay short and readable. Parsing is defensive: share links are
// hand-edited and may be hostile.
//
// Formats (documented for teachers in README.md):
//   number      <slug>.<param>=0.5
//   numberList  <vector slug>.logits=2,1,0.1
//   pieces      <pieces slug>.pieces=-1:0,1:0      (w:b pairs)
//   slugSet     <comparison>.shown=<slug>,<slug>   (empty value: none shown)
//   bool        compare-all.derivatives=0          (0/1, also false/true)
//   enum        lang=ko

import { MIN_X_SPAN, applyFramework, defaultState, fieldOf, getField, isDefault, setField } from './state.js';

// Bounds on what a link may ask of the page: longer values are dropped, not parsed.
export const MAX_VALUE_LENGTH = 1000;
export const MAX_KEYS = 200;

/**
 * @typedef {{ key: string, problem: 'clamped' | 'invalid' | 'unknown' | 'too-long', raw: string,
 *   reason?: 'crossed-range' }} UrlProblem
 */

// String() is the shortest text that reads back as the same double: links round-trip exactly.
const formatNumber = (v) => String(v);

const writers = {
  number: formatNumber,
  numberList: (list) => list.map(formatNumber).join(','),
  pieces: (pieces) => pieces.map(({ w, b }) => `${formatNumber(w)}:${formatNumber(b)}`).join(','),
  slugSet: (slugs) => slugs.join(','),
  bool: (v) => (v ? '1' : '0'),
  enum: (v) => v,
};

// Strict number syntax: Number('') is 0 and Number('0x10') is 16, neither is meant in a link.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const readNumber = (text) => (NUMBER.test(text.trim()) ? Number(text.trim()) : NaN);

const readers = {
  number: readNumber,
  numberList: (text) => (text === '' ? [] : text.split(',').map(readNumber)),
  pieces: (text) => (text === '' ? [] : text.split(',').map((pair) => {
    const [w, b, extra] = pair.split(':');
    return extra === undefined && b !== undefined ? { w: readNumber(w), b: readNumber(b) } : { w: NaN, b: NaN };
  })),
  slugSet: (text) => (text === '' ? [] : text.split(',')),
  bool: (text) => ({ 1: true, true: true, 0: false, false: false }[text] ?? null),
  enum: (text) => text,
};

/** A field's value as its query text (the writers above): `2,1,0.1`, `-1:0,1:0`, `0.5`. */
export function formatFieldValue(field, value) {
  return writers[field.kind](value);
}

/**
 * The query string (without '?') for a state: only fields away from their defaults, plus
 * the fields named in `keep` (the page always writes `lang`, so a link opens in the
 * language it was made in).
 */
export function serialiseState(state, table, { keep = [] } = {}) {
  const query = new URLSearchParams();
  for (const field of table.fields) {
    if (isDefault(state, table, field.key) && !keep.includes(field.key)) continue;
    query.set(field.key, writers[field.kind](getField(state, table, field.key)));
  }
  return readableQuery(query);
}

/** URLSearchParams as text, keeping ',' and ':' readable: they are legal in a query and teachers type them. */
export function readableQuery(params) {
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/**
 * Reads a query string (with or without '?') into a state. Unknown keys are ignored,
 * bad values dropped or clamped; every such case is listed in `problems`. Keys in
 * `ignore` (the embed page's own `fn`, `hide`, `lock`) are skipped without a problem.
 * @returns {{ state: object, problems: UrlProblem[] }}
 */
export function parseState(search, table, { lang, ignore = [] } = {}) {
  let state = defaultState(table, lang);
  const problems = [];
  const seen = new Set();
  let count = 0;
  for (const [key, raw] of new URLSearchParams(search)) {
    if (++count > MAX_KEYS) break;
    if (seen.has(key)) continue; // the first of repeated keys wins
    seen.add(key);
    if (ignore.includes(key)) continue;
    const field = table.byKey.get(key);
    if (!field) {
      problems.push({ key: clip(key), problem: 'unknown', raw: clip(raw) });
      continue;
    }
    if (raw.length > MAX_VALUE_LENGTH) {
      problems.push({ key, problem: 'too-long', raw: clip(raw) });
      continue;
    }
    const result = setField(state, table, key, readers[field.kind](raw));
    state = result.state;
    if (result.problem) problems.push({ key, problem: result.problem, raw: clip(raw) });
  }
  // A framework's defaults, under whatever the link sets itself.
  if (seen.has('framework') && table.byKey.has('framework')) {
    state = applyFramework(state, table, getField(state, table, 'framework'), { keep: seen }).state;
  }
  return restoreBrokenRanges(state, table, problems);
}

// Each end was checked alone; a range whose ends cross goes back to its default.
function restoreBrokenRanges(state, table, problems) {
  let next = state;
  for (const section of table.sections) {
    const lo = `${section.id}.xmin`;
    const hi = `${section.id}.xmax`;
    if (!table.byKey.has(lo)) continue;
    if (getField(next, table, hi) - getField(next, table, lo) >= MIN_X_SPAN) continue;
    next = setField(next, table, lo, fieldOf(table, lo).default).state;
    next = setField(next, table, hi, fieldOf(table, hi).default).state;
    problems.push({ key: `${section.id}.xmin`, problem: 'invalid', raw: 'xmin >= xmax', reason: 'crossed-range' });
  }
  return { state: next, problems };
}

// Problems are shown to people; keep what a link can put on screen short.
export function clip(text) {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
