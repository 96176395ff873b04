// The function finder at the top of the contents: every function of the explorer, in page
// order, each linked to its section on whichever page holds it, and findable by any of its
// names (web/src/ui/finder.js filters the list as the reader types; without scripts the list
// reads as it is, inside a <details>). The names of every language go in data-names.
import { escapeHtml } from './html.mjs';
import { lookup } from './render.mjs';

// On phones the summary shows only this (its words stay for screen readers).
const MAGNIFIER = '<svg class="finder-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">'
  + '<circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" stroke-width="2"/>'
  + '<path d="M10 10l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

/**
 * `functions`: the sections of the functions, in page order; `dict`: the page's dictionary;
 * `names(slug)`: every name the function has, in every language; `hrefOf(section)`: its link.
 */
export function finderMarkup({ functions, dict, names, hrefOf }) {
  const text = (key) => escapeHtml(lookup(dict, key));
  const items = functions.map((section) => {
    const all = [...new Set([section.id, ...names(section.id)])].join('|');
    return `<li data-names="${escapeHtml(all)}"><a href="${escapeHtml(hrefOf(section))}" data-i18n="fn.${section.id}">${escapeHtml(lookup(dict, `fn.${section.id}`))}</a></li>`;
  }).join('');
  return '<details class="finder">'
    + `<summary>${MAGNIFIER}<span class="finder-title" data-i18n="finder.title">${text('finder.title')}</span></summary>`
    + '<div class="finder-panel">'
    + `<label class="finder-field"><span class="visually-hidden" data-i18n="finder.label">${text('finder.label')}</span>`
    + `<input type="search" class="finder-input" autocomplete="off" spellcheck="false" placeholder="${text('finder.placeholder')}" data-i18n-attr="placeholder:finder.placeholder"></label>`
    + `<ul class="finder-list">${items}</ul>`
    + `<p class="finder-none" hidden data-i18n="finder.none">${text('finder.none')}</p>`
    + '</div></details>';
}
