// The embed page's own query keys (embed.html?fn=<slug>&hide=text&lock=alpha&<slug>.alpha=0.5),
// the embed and share URLs built from a state, and the <iframe> code the Embed dialog
// writes. Pure functions: no DOM, so they are tested under Node.
//
//   fn=<id>        the one section to show: a function's slug or a comparison's id
//   hide=a,b       parts to leave out: derivative, controls, formula, text, properties
//   lock=a,b       settings students cannot change: a parameter's name, range, pieces
//                  (the pieces kind), logits (the vector kind), shown and derivatives
//                  (comparisons), pick (the first screen's chart), or all
// Every other key is a state key (url-state.js), read exactly as on the main page.

import { getField, setField } from '../model/state.js';
import { MAX_VALUE_LENGTH, clip, readableQuery, serialiseState } from '../model/url-state.js';

export const EMBED_KEYS = ['fn', 'hide', 'lock'];
export const HIDE_PARTS = ['derivative', 'controls', 'formula', 'text', 'properties'];
export const LOCK_ALL = 'all';
// Items a list key may name; more are ignored (a link cannot make the page loop long).
const MAX_ITEMS = 20;

export const IFRAME_SIZE = {
  width: { min: 240, max: 4000, default: 720 },
  height: { min: 200, max: 10000, default: 640 },
};
// What the iframe needs: scripts, and a new tab for "open in Activation Explorer" that is
// a normal page again (the explorer's module scripts do not run in a sandboxed origin).
export const IFRAME_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

/** Ids that `fn` may name: every section with a lab (functions and comparisons). */
export function embeddableIds(table) {
  return table.sections.map((s) => s.id);
}

/**
 * What `lock` may name for section `fn`, each with the state keys it pins:
 * Map { 'alpha' → ['<fn>.alpha'], 'range' → ['<fn>.xmin', '<fn>.xmax'], 'all' → [...] }.
 */
export function lockables(table, fn) {
  const names = new Map();
  for (const field of table.fields) {
    if (field.section !== fn) continue;
    // A field's name after its section's id (`framework`, the frameworks switch, has none).
    const suffix = field.key.startsWith(`${fn}.`) ? field.key.slice(fn.length + 1) : field.key;
    const name = field.param ?? (suffix === 'xmin' || suffix === 'xmax' ? 'range' : suffix);
    names.set(name, [...(names.get(name) ?? []), field.key]);
  }
  if (names.size) names.set(LOCK_ALL, [...names.values()].flat());
  return names;
}

function readList(params, key, allowed, problems) {
  const raw = params.get(key);
  if (raw === null || raw === '') return [];
  if (raw.length > MAX_VALUE_LENGTH) {
    problems.push({ key, problem: 'too-long', raw: clip(raw) });
    return [];
  }
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean).slice(0, MAX_ITEMS);
  const bad = items.filter((item) => !allowed.includes(item));
  for (const item of new Set(bad)) {
    problems.push({ key, problem: 'invalid', raw: clip(item), reason: 'not-choice', choices: allowed.join(', ') });
  }
  return allowed.filter((item) => items.includes(item)); // canonical order, no repeats
}

/**
 * The embed keys of a query. `fn` is null when missing or unknown; unknown `hide` and
 * `lock` items are dropped. Problems use url-state.js's shape (plus `reason: 'not-choice'`
 * and `choices` for a value that must be one of a list).
 * @returns {{ fn: string | null, hide: string[], lock: string[], lockedKeys: string[], problems: object[] }}
 */
export function parseEmbedOptions(search, table) {
  const params = new URLSearchParams(search);
  const problems = [];
  const ids = embeddableIds(table);
  const raw = params.get('fn');
  let fn = null;
  if (raw !== null) {
    if (ids.includes(raw)) fn = raw;
    else problems.push({ key: 'fn', problem: 'invalid', raw: clip(raw), reason: 'not-choice', choices: ids.join(', ') });
  }
  const hide = readList(params, 'hide', HIDE_PARTS, problems);
  const locks = fn ? lockables(table, fn) : new Map();
  const lock = fn ? readList(params, 'lock', [...locks.keys()], problems) : [];
  const lockedKeys = [...new Set(lock.flatMap((name) => locks.get(name)))];
  return { fn, hide, lock, lockedKeys, problems };
}

/**
 * A store whose `keys` keep their current values: any update that changes them is undone
 * (and its listeners still run, so a control that moved is set back). The embed's
 * controls for locked settings are disabled too; this makes the lock hold regardless.
 */
export function lockStore(store, table, keys) {
  if (!keys.length) return store;
  const pinned = keys.map((key) => [key, getField(store.get(), table, key)]);
  const pin = (state) => pinned.reduce((s, [key, value]) => setField(s, table, key, value).state, state);
  return {
    ...store,
    update(fn) {
      store.update((state) => {
        const next = fn(state);
        return next === undefined || next === state ? next : pin(next);
      });
    },
  };
}

/** The embed keys alone (fn, hide, lock) as query text, for the embed's own address. */
export function embedKeysQuery({ fn, hide = [], lock = [] }) {
  const params = new URLSearchParams({ fn });
  if (hide.length) params.set('hide', hide.join(','));
  if (lock.length) params.set('lock', lock.join(','));
  return readableQuery(params);
}

/** The state part of a link: every field off its default, and always `lang`. */
export function stateQuery(state, table) {
  return serialiseState(state, table, { keep: ['lang'] });
}

/**
 * The query of an embed of `fn`: its own keys first, then `lang` and only `fn`'s fields
 * (the other sections' settings mean nothing inside one chart).
 */
export function embedQuery({ fn, hide = [], lock = [] }, state, table) {
  const params = new URLSearchParams({ fn });
  const hidden = HIDE_PARTS.filter((p) => hide.includes(p));
  if (hidden.length) params.set('hide', hidden.join(','));
  const allowed = [...lockables(table, fn).keys()];
  const locked = lock.includes(LOCK_ALL) ? [LOCK_ALL] : allowed.filter((name) => lock.includes(name));
  if (locked.length) params.set('lock', locked.join(','));
  for (const [key, value] of new URLSearchParams(stateQuery(state, table))) {
    if (key === 'lang' || table.byKey.get(key)?.section === fn) params.append(key, value);
  }
  return readableQuery(params);
}

/** `href` with its query and fragment replaced. `hash` is '' or starts with '#'. */
export function withQuery(href, query, hash = '') {
  const url = new URL(href);
  url.search = query ? `?${query}` : '';
  url.hash = hash;
  return url.href;
}

/** A whole number of pixels within the field's bounds, or its default. */
export function clampSize(value, { min, max, default: fallback }) {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n) || String(value).trim() === '') return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

const escapeAttribute = (s) => String(s)
  .replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The <iframe> element a course page pastes in. Every value is escaped as an attribute. */
export function iframeCode({ src, width, height, title }) {
  const w = clampSize(width, IFRAME_SIZE.width);
  const h = clampSize(height, IFRAME_SIZE.height);
  return `<iframe src="${escapeAttribute(src)}" width="${w}" height="${h}" title="${escapeAttribute(title)}"`
    + ` style="border:0;max-width:100%" loading="lazy" sandbox="${IFRAME_SANDBOX}"></iframe>`;
}
