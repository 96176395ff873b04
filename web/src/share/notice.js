// The small notice that says which settings of a link were dropped or adjusted. Everything
// from the URL reaches the screen as text (textContent, never markup), stripped of control
// and direction-changing characters and clipped, in the page's language.

import { h, tr } from '../ui/dom.js';
import { fieldOf, getField } from '../model/state.js';
import { formatFieldValue } from '../model/url-state.js';

export const MAX_LINES = 6;

// Control, format (bidi overrides, zero-width) and line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** URL text as it may be shown: no invisible or direction-changing characters. */
export const displayText = (text) => String(text).replace(INVISIBLE, '');

function usedValue(problem, state, table) {
  if (!table.byKey.has(problem.key)) return '';
  const field = fieldOf(table, problem.key);
  return formatFieldValue(field, getField(state, table, problem.key));
}

/**
 * One line per problem (at most `max`, then "…and n more"), as i18n keys with their
 * values: [{ key: 'notice.clamped', vars: { key, raw, used } }, …].
 */
export function noticeLines(problems, { state, table, max = MAX_LINES }) {
  const lines = problems.slice(0, max).map((p) => {
    const vars = { key: displayText(p.key), raw: displayText(p.raw ?? '') };
    if (p.reason === 'crossed-range') {
      const id = p.key.replace(/\.xmin$/, '');
      const range = `${usedValue({ key: `${id}.xmin` }, state, table)} … ${usedValue({ key: `${id}.xmax` }, state, table)}`;
      return { key: 'notice.crossedRange', vars: { key: displayText(id), used: range } };
    }
    if (p.reason === 'not-choice') return { key: 'notice.notChoice', vars: { ...vars, choices: p.choices } };
    if (p.problem === 'unknown') return { key: 'notice.unknown', vars };
    if (p.problem === 'too-long') return { key: 'notice.tooLong', vars };
    const used = usedValue(p, state, table);
    return { key: p.problem === 'clamped' ? 'notice.clamped' : 'notice.invalid', vars: { ...vars, used: used === '' ? '∅' : used } };
  });
  if (problems.length > max) lines.push({ key: 'notice.more', vars: { n: problems.length - max } });
  return lines;
}

/**
 * Show the notice in `host` (appended) unless there is nothing to say. Its strings carry
 * data-i18n keys, so a language switch re-translates them. Returns the element or null.
 */
export function showNotice(host, problems, { state, table, t, className = '' }) {
  if (!problems.length) return null;
  const list = h('ul', { className: 'notice-list' });
  const box = h('div', { className: `notice ${className}`.trim(), id: 'url-notice', 'data-testid': 'url-notice', role: 'status' });
  const dismiss = h('button', {
    type: 'button', className: 'notice-dismiss', id: 'url-notice-dismiss', 'data-testid': 'url-notice-dismiss',
    dataset: { i18nAttr: 'aria-label:notice.dismissLabel' }, 'aria-label': t('notice.dismissLabel'),
    onclick: () => box.remove(),
  }, tr('span', 'notice.dismiss', t));
  host.append(box);
  // Filled after insertion, so screen readers announce it as a status message.
  requestAnimationFrame(() => {
    list.append(...noticeLines(problems, { state, table }).map((line) => tr('li', line.key, t, line.vars)));
    box.append(h('div', { className: 'notice-body' }, tr('p', 'notice.title', t, undefined, { className: 'notice-title' }), list), dismiss);
  });
  return box;
}
