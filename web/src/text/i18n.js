// UI strings: lookup with {placeholders}, language choice, and applying strings to the DOM.
// The dictionaries are plain JSON (web/i18n/*.json) so translators never touch code.

import { setAttr, setText } from '../ui/dom.js';

export const LANGUAGES = ['en', 'ko'];
export const DEFAULT_LANGUAGE = 'en';

/** First supported language in the browser's preference list, else English. */
export function pickLanguage(preferred) {
  for (const tag of preferred ?? []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** A supported ?lang= in the query string, else null. */
export function urlLanguage(search) {
  const lang = new URLSearchParams(search).get('lang');
  return LANGUAGES.includes(lang) ? lang : null;
}

/** The page's first language: the link's ?lang=, else the browser's preference, else English. */
export function initialLanguage(search = location.search, nav = navigator) {
  return urlLanguage(search) ?? pickLanguage(nav.languages?.length ? nav.languages : [nav.language]);
}

/** The string at a dotted key, or undefined. */
export function lookup(dict, key) {
  let node = dict;
  for (const part of key.split('.')) {
    if (node == null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fill {name} placeholders; unknown ones stay visible so a missing value is noticed. */
export function interpolate(template, vars = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole);
}

/**
 * A translate function for one language. A key missing from `dict` falls back to
 * `fallback` (English), then to the key itself, so the page never shows "undefined".
 */
export function makeTranslator(dict, fallback = dict) {
  return (key, vars) => interpolate(lookup(dict, key) ?? lookup(fallback, key) ?? key, vars);
}

/** Every dotted key of a dictionary, for parity checks. */
export function keysOf(dict, prefix = '') {
  return Object.entries(dict).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

/** Placeholder names used in a template, sorted. */
export function placeholdersOf(template) {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/**
 * Apply strings to marked elements under `root`:
 *   data-i18n="key"                 → textContent
 *   data-i18n-attr="attr:key;attr:key" → attributes (aria-label, title …)
 *   data-i18n-vars='{"n":3}'         → placeholder values for both
 */
export function applyTranslations(root, t) {
  // setText/setAttr write only changed strings: rewriting equal text still makes the
  // browser lay out the whole page again.
  for (const el of root.querySelectorAll('[data-i18n]')) {
    setText(el, t(el.dataset.i18n, readVars(el)));
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) setAttr(el, attr.trim(), t(key.trim(), readVars(el)));
    }
  }
}

function readVars(el) {
  if (!el.dataset.i18nVars) return undefined;
  try {
    return JSON.parse(el.dataset.i18nVars);
  } catch {
    return undefined;
  }
}
