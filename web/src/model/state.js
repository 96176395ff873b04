// The page's view state: one declarative table of fields (after TF Playground's state.ts),
// built from the core's registry (its functions and comparisons), plus pure functions that
// read and update a plain, JSON-serialisable state object. Share links serialise exactly
// these fields.
//
// State shape (one entry per section; which fields a section has follows its kind):
//   { lang: 'en' | 'ko',
//     sections: {
//       <scalar slug>:  { xmin, xmax, params: { <name>: value } },
//       <pieces slug>:  { xmin, xmax, params: {}, pieces: [{ w, b }, …] },
//       <vector slug>:  { params: { <name>: value }, logits: [z1, …] },
//       <comparison>:   { xmin, xmax, shown: [slug, …], derivatives: true },
//       <picker>:       { pick: slug } } }

import { clamp, roundTo } from '../text/format.js';
import { LANGUAGES, DEFAULT_LANGUAGE } from '../text/i18n.js';

export const X_PRESETS = [3, 10];
export const X_LIMIT = 1000; // beyond this every curve is flat or a straight line anyway
export const MIN_X_SPAN = 0.01;

/**
 * Slider/number-box step for a parameter: a power of ten giving about 100 steps
 * over the range (α in [0, 1] → 0.01, β in (0, 10] → 0.1).
 */
export function stepFor(min, max) {
  return 10 ** Math.floor(Math.log10((max - min) / 100));
}

/** Smallest and largest allowed values; an exclusive bound moves in by one step. */
export function boundsOf(field) {
  const lo = field.minExclusive ? field.min + field.step : field.min;
  return { lo, hi: field.max };
}

/** A comparison's section kind, by its style (core.comparisons()); checklists are 'compare'. */
export const comparisonKind = (style) => ({ picker: 'picker', frameworks: 'frameworks' })[style] ?? 'compare';

/**
 * The table of every state field. Each field: { key, kind, path, default, … }.
 *   kind 'enum'       values (the language; the function a picker highlights)
 *   kind 'number'     min, max, minExclusive, step, scale ('linear' | 'log')
 *   kind 'bool'
 *   kind 'numberList' minCount, maxCount, limit (a vector function's inputs)
 *   kind 'pieces'     minCount, maxCount, limit (the pieces kind)
 *   kind 'slugSet'    values (comparison visibility)
 * `key` is its name in the URL: `<section>.<name>`. Every limit and default comes from the
 * registry row (core.list()) or comparison row (core.comparisons()).
 */
export function createStateTable(list, comparisons = [], groups = [{ id: 'article', part: 'article' }], frameworks = NO_FRAMEWORKS) {
  // The part of the page each function is in (core.groups()); a comparison names its own.
  const partOfGroup = new Map(groups.map((g) => [g.id, g.part]));
  const partOf = (spec) => partOfGroup.get(spec.group) ?? groups[0].part;
  const fields = [{ key: 'lang', kind: 'enum', path: ['lang'], values: LANGUAGES, default: DEFAULT_LANGUAGE }];
  const sections = [];
  const addRange = (id, half) => {
    for (const [name, value] of [['xmin', -half], ['xmax', half]]) {
      fields.push({
        key: `${id}.${name}`, kind: 'number', path: ['sections', id, name],
        section: id, min: -X_LIMIT, max: X_LIMIT, minExclusive: false, step: 0.01, scale: 'linear', default: value,
      });
    }
  };

  for (const spec of list) {
    const id = spec.slug;
    sections.push({ id, kind: spec.kind, slugs: [id], part: partOf(spec) });
    if (spec.kind !== 'vector') addRange(id, spec.halfRange);
    for (const p of spec.params) {
      const step = stepFor(p.min, p.max);
      fields.push({
        key: `${id}.${p.name}`, kind: 'number', path: ['sections', id, 'params', p.name], section: id,
        param: p.name, symbol: p.symbol, min: p.min, max: p.max, minExclusive: Boolean(p.minExclusive), step,
        // Temperature spans 0.05…20: a log slider gives the interesting range around 1 room.
        scale: p.min > 0 && p.max / p.min >= 100 ? 'log' : 'linear', default: p.default,
      });
    }
    if (spec.pieces) {
      fields.push({
        key: `${id}.pieces`, kind: 'pieces', path: ['sections', id, 'pieces'], section: id,
        minCount: spec.pieces.min, maxCount: spec.pieces.max, limit: spec.pieces.limit, default: spec.pieces.default,
      });
    }
    if (spec.logits) {
      fields.push({
        key: `${id}.logits`, kind: 'numberList', path: ['sections', id, 'logits'], section: id,
        minCount: spec.logits.min, maxCount: spec.logits.max, limit: spec.logits.limit, default: spec.logits.default,
      });
    }
  }

  const curves = list.filter((s) => s.kind !== 'vector');
  for (const c of comparisons) {
    const part = c.part ?? groups[0].part;
    const inPart = new Set(curves.filter((s) => partOf(s) === part).map((s) => s.slug));
    if (c.style === 'frameworks') {
      // One member overlaid at each framework's defaults; the framework whose defaults the
      // page uses (`framework`, a share key of its own: it sets parameters of other sections).
      const slugs = c.members.filter((s) => curves.some((f) => f.slug === s));
      sections.push({ id: c.id, kind: comparisonKind(c.style), slugs, part });
      fields.push({ key: `${c.id}.show`, kind: 'enum', path: ['sections', c.id, 'show'], section: c.id, values: slugs, default: slugs[0] });
      fields.push({
        key: 'framework', kind: 'enum', path: ['sections', c.id, 'framework'], section: c.id,
        values: [NO_FRAMEWORK, ...frameworks.frameworks.map((f) => f.id)], default: NO_FRAMEWORK,
      });
      continue;
    }
    if (c.style === 'picker') {
      // Every curve of its part at once (no members: all of them) on a fixed range; the one
      // highlighted is the setting.
      const slugs = c.members.length ? c.members.filter((s) => inPart.has(s)) : [...inPart];
      sections.push({ id: c.id, kind: comparisonKind(c.style), slugs, hidden: c.hidden, halfRange: c.halfRange, part });
      fields.push({
        key: `${c.id}.pick`, kind: 'enum', path: ['sections', c.id, 'pick'], section: c.id,
        values: slugs, default: slugs.includes(c.featured) ? c.featured : slugs[0],
      });
      continue;
    }
    // No members: every function with a curve; those of the other part start hidden.
    const slugs = c.members.length ? c.members.filter((s) => curves.some((f) => f.slug === s)) : curves.map((f) => f.slug);
    sections.push({ id: c.id, kind: comparisonKind(c.style), slugs, part });
    addRange(c.id, c.halfRange);
    fields.push({
      key: `${c.id}.shown`, kind: 'slugSet', path: ['sections', c.id, 'shown'], section: c.id,
      values: slugs, default: slugs.filter((s) => !c.hidden.includes(s) && inPart.has(s)),
    });
    fields.push({
      key: `${c.id}.derivatives`, kind: 'bool', path: ['sections', c.id, 'derivatives'], section: c.id, default: true,
    });
  }

  return {
    fields,
    sections,
    groups,
    frameworks,
    byKey: new Map(fields.map((f) => [f.key, f])),
    specs: new Map(list.map((s) => [s.slug, s])),
  };
}

// The frameworks data (build_scripts/lib/frameworks.mjs) of a registry without a frameworks section.
const NO_FRAMEWORKS = { frameworks: [], defaults: [] };
/** The `framework` value that means the page's own defaults. */
export const NO_FRAMEWORK = 'none';

/**
 * Use framework `id`'s defaults: `framework` set to it, and every parameter it gives a
 * default to set to that value (NO_FRAMEWORK, or a framework without the function: the
 * page's default). Keys in `keep` (a link's explicit values) are left alone.
 */
export function applyFramework(state, table, id, { keep = new Set() } = {}) {
  if (!table.byKey.has('framework')) return { state, problem: null };
  const chosen = setField(state, table, 'framework', id);
  let next = chosen.state;
  const used = getField(next, table, 'framework');
  for (const { slug, param, values } of table.frameworks.defaults) {
    const key = `${slug}.${param}`;
    if (keep.has(key) || !table.byKey.has(key)) continue;
    next = setField(next, table, key, values[used]?.value ?? fieldOf(table, key).default).state;
  }
  return { state: next, problem: chosen.problem };
}

/** The state with every field at its default. */
export function defaultState(table, lang = DEFAULT_LANGUAGE) {
  let state = { lang: DEFAULT_LANGUAGE, sections: {} };
  for (const section of table.sections) {
    state = setIn(state, ['sections', section.id], ['compare', 'picker', 'frameworks'].includes(section.kind) ? {} : { params: {} });
  }
  for (const field of table.fields) state = setIn(state, field.path, cloneValue(field.default));
  return setField(state, table, 'lang', lang).state;
}

export function getIn(obj, path) {
  return path.reduce((node, part) => (node == null ? undefined : node[part]), obj);
}

/** Copy-on-write set: objects along `path` are copied, everything else is shared. */
export function setIn(obj, path, value) {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base = obj ?? {};
  const next = setIn(base[head], rest, value);
  if (next === base[head]) return base;
  return Array.isArray(base) ? Object.assign([...base], { [head]: next }) : { ...base, [head]: next };
}

function cloneValue(value) {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? { ...v } : v)) : value;
}

/**
 * Bring any value into the field's domain.
 * Returns { value, problem } where problem is null, 'clamped' (a number moved into range,
 * a list shortened) or 'invalid' (not a usable value: the default or 0 is used instead).
 */
export function normalise(field, value) {
  switch (field.kind) {
    case 'enum':
      return field.values.includes(value) ? ok(value) : bad(field.default);
    case 'bool':
      return typeof value === 'boolean' ? ok(value) : bad(field.default);
    case 'number': {
      // An exclusive minimum admits anything above it; at or below it, one step above.
      const r = clampNumber(value, { lo: field.min, hi: field.max }, field.default);
      if (field.minExclusive && r.value <= field.min) return { value: boundsOf(field).lo, problem: 'clamped' };
      return r;
    }
    case 'numberList':
      return normaliseList(value, field, (v) => clampNumber(v, limitBounds(field), 0));
    case 'pieces':
      return normaliseList(value, field, (piece) => {
        const w = clampNumber(piece?.w, limitBounds(field), 0);
        const b = clampNumber(piece?.b, limitBounds(field), 0);
        return { value: { w: w.value, b: b.value }, problem: worst(w.problem, b.problem) };
      });
    case 'slugSet': {
      if (!Array.isArray(value)) return bad(cloneValue(field.default));
      const kept = field.values.filter((s) => value.includes(s)); // table order, no repeats
      return { value: kept, problem: kept.length === value.length ? null : 'invalid' };
    }
    default:
      throw new Error(`unknown field kind ${field.kind}`);
  }
}

const ok = (value) => ({ value, problem: null });
const bad = (value) => ({ value, problem: 'invalid' });
const limitBounds = (field) => ({ lo: -field.limit, hi: field.limit });
const RANK = { null: 0, clamped: 1, invalid: 2 };
const worst = (a, b) => (RANK[a] >= RANK[b] ? a : b);

function clampNumber(value, { lo, hi }, fallback) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return bad(fallback);
  const clamped = clamp(value, lo, hi);
  return { value: clamped, problem: clamped === value ? null : 'clamped' };
}

function normaliseList(value, field, normaliseItem) {
  if (!Array.isArray(value)) return bad(cloneValue(field.default));
  let problem = null;
  let items = value;
  if (items.length > field.maxCount) {
    items = items.slice(0, field.maxCount);
    problem = 'clamped';
  }
  const out = items.map((item) => {
    const r = normaliseItem(item);
    problem = worst(problem, r.problem);
    return r.value;
  });
  if (out.length < field.minCount) return bad(cloneValue(field.default));
  return { value: out, problem };
}

export function fieldOf(table, key) {
  const field = table.byKey.get(key);
  if (!field) throw new Error(`unknown state key "${key}"`);
  return field;
}

export function getField(state, table, key) {
  return getIn(state, fieldOf(table, key).path);
}

/** Set one field, normalised. Returns { state, value, problem }; state is unchanged if equal. */
export function setField(state, table, key, value) {
  const field = fieldOf(table, key);
  const r = normalise(field, value);
  const current = getIn(state, field.path);
  const next = sameValue(current, r.value) ? state : setIn(state, field.path, r.value);
  return { state: next, value: r.value, problem: r.problem };
}

function sameValue(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    return a.w === b.w && a.b === b.b;
  }
  return false;
}

export function isDefault(state, table, key) {
  return sameValue(getField(state, table, key), fieldOf(table, key).default);
}

/** Parameters of one section, as the core takes them ({ alpha }, { pieces }). */
export function paramsOf(state, slug) {
  const section = state.sections[slug];
  return section.pieces ? { ...section.params, pieces: section.pieces } : section.params;
}

/** Fields of the parameters of `slug` (α, β, T …) in registry order. */
export function paramFields(table, slug) {
  return table.fields.filter((f) => f.section === slug && f.param);
}

/** True when every parameter of `slug` is at its default. */
export function paramsAtDefault(state, table, slug) {
  return paramFields(table, slug).every((f) => isDefault(state, table, f.key))
    && (!table.byKey.has(`${slug}.pieces`) || isDefault(state, table, `${slug}.pieces`));
}

/**
 * Set a section's x-range. Each end is clamped to ±X_LIMIT; if the ends cross or come
 * closer than MIN_X_SPAN, the end that was not just edited (`moved`) gives way, keeping
 * the previous width (typing "from 20" on −3…3 gives 20…26).
 */
export function setRange(state, table, id, xmin, xmax, moved = 'xmax') {
  const width = Math.max(MIN_X_SPAN, getField(state, table, `${id}.xmax`) - getField(state, table, `${id}.xmin`));
  let lo = clampNumber(xmin, { lo: -X_LIMIT, hi: X_LIMIT }, getField(state, table, `${id}.xmin`));
  let hi = clampNumber(xmax, { lo: -X_LIMIT, hi: X_LIMIT }, getField(state, table, `${id}.xmax`));
  let problem = worst(lo.problem, hi.problem);
  let a = lo.value;
  let b = hi.value;
  if (b - a < MIN_X_SPAN * (1 - 1e-9)) { // tolerance: 1000 − 999.99 is 0.00999…
    problem = worst(problem, 'clamped');
    if (moved === 'xmin') {
      a = Math.min(a, X_LIMIT - MIN_X_SPAN);
      b = Math.min(X_LIMIT, roundTo(a + width, 6));
    } else {
      b = Math.max(b, -X_LIMIT + MIN_X_SPAN);
      a = Math.max(-X_LIMIT, roundTo(b - width, 6));
    }
  }
  let next = setField(state, table, `${id}.xmin`, a).state;
  next = setField(next, table, `${id}.xmax`, b).state;
  return { state: next, xmin: a, xmax: b, problem };
}

/** The preset (3, 10) whose ±n equals the range, or null for a custom range. */
export function matchingPreset(xmin, xmax) {
  return X_PRESETS.find((n) => xmin === -n && xmax === n) ?? null;
}

// ---- a vector function's inputs

export function setLogit(state, table, slug, index, value) {
  const key = `${slug}.logits`;
  const logits = [...getField(state, table, key)];
  if (index < 0 || index >= logits.length) return { state, problem: 'invalid' };
  logits[index] = value;
  return setField(state, table, key, logits);
}

/** Append a logit (the mean of the others, so nothing jumps) unless the list is full. */
export function addLogit(state, table, slug) {
  return appendToList(state, table, `${slug}.logits`,
    (logits) => roundTo(logits.reduce((s, v) => s + v, 0) / logits.length, 2));
}

export function removeLogit(state, table, slug, index) {
  return removeFromList(state, table, `${slug}.logits`, index);
}

// Lists (logits, pieces) grow and shrink only within their field's count limits.
function appendToList(state, table, key, makeItem) {
  const list = getField(state, table, key);
  if (list.length >= fieldOf(table, key).maxCount) return { state, problem: 'clamped' };
  return setField(state, table, key, [...list, makeItem(list)]);
}

function removeFromList(state, table, key, index) {
  const list = getField(state, table, key);
  if (list.length <= fieldOf(table, key).minCount) return { state, problem: 'clamped' };
  return setField(state, table, key, list.filter((_, i) => i !== index));
}

// ---- pieces

export function setPiece(state, table, slug, index, change) {
  const key = `${slug}.pieces`;
  const pieces = getField(state, table, key).map((p) => ({ ...p }));
  if (index < 0 || index >= pieces.length) return { state, problem: 'invalid' };
  pieces[index] = { ...pieces[index], ...change };
  return setField(state, table, key, pieces);
}

/** Append a piece that is visible in ±3 without taking over: a gentle negative slope. */
export function addPiece(state, table, slug) {
  return appendToList(state, table, `${slug}.pieces`, () => ({ w: -0.5, b: -1 }));
}

export function removePiece(state, table, slug, index) {
  return removeFromList(state, table, `${slug}.pieces`, index);
}

// ---- comparison visibility

export function setShown(state, table, id, slug, visible) {
  const key = `${id}.shown`;
  const shown = getField(state, table, key);
  const next = visible ? [...shown, slug] : shown.filter((s) => s !== slug);
  return setField(state, table, key, next);
}
