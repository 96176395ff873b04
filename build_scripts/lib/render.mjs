// The page's markup, rendered once from the sections (content.mjs) and wrapped twice: into
// the page (headings at level 2, nested sections inside their parent) and into the embed's
// templates (one <template> a section, heading at level 1). English text is written in for
// readers without scripts; data-i18n marks what the page translates at run time.
import { renderTex } from './markdown.mjs';

export const escapeHtml = (s) => String(s)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The string at a dotted key of the dictionary; throws when there is none. */
export function lookup(dict, key) {
  const value = key.split('.').reduce((node, part) => node?.[part], dict);
  if (typeof value !== 'string') throw new Error(`the page's English dictionary has no string "${key}"`);
  return value;
}

/** An element whose text the page translates at run time. */
const i18n = (tag, key, dict, attrs = '') => `<${tag}${attrs} data-i18n="${key}">${escapeHtml(lookup(dict, key))}</${tag}>`;

function formulaBlock(spec, dict) {
  const rows = [['formula.f', spec.formula], ['formula.df', spec.derivativeFormula]];
  if (spec.parameterDerivativeFormula) rows.push(['formula.dparam', spec.parameterDerivativeFormula]);
  return `<dl class="formulas">${rows.map(([key, tex]) =>
    `<div class="formula">${i18n('dt', key, dict)}<dd>${renderTex(tex, true)}</dd></div>`).join('')}</dl>`;
}

// The place a section's interactive part (its "lab") is mounted; data-kind picks the module.
function labPlaceholder(id, kind, dict) {
  return `<div class="lab lab-${kind}" id="${id}-lab" data-lab="${id}" data-kind="${kind}">`
    + `${i18n('p', 'app.loading', dict, ' class="lab-status"')}</div>`;
}

const hasLab = (section) => section.kind !== 'text';

/**
 * Every section's heading text and body, rendered once: Map id → { section, title, body }.
 * `html` is { en: { id: html }, ko: … }: a section gets a prose placeholder when either
 * language has an explanation for it.
 */
export function renderSectionParts(sections, dict, html) {
  const parts = new Map();
  for (const section of sections) {
    const { id, spec, kind } = section;
    const title = `<a class="anchor" href="#${id}" data-i18n="section.${id}">${escapeHtml(lookup(dict, `section.${id}`))}</a>`;
    const prose = Object.values(html).some((byId) => byId[id] !== undefined) ? `<div class="prose" data-prose="${id}"></div>` : '';
    const body = `<div class="section-body">${spec ? formulaBlock(spec, dict) : ''}`
      + `${hasLab(section) ? labPlaceholder(id, kind, dict) : ''}${prose}</div>`;
    parts.set(id, { section, title, body });
  }
  return parts;
}

function wrap({ section, title, body }, level, children = '') {
  const { id, kind } = section;
  const cls = `section section-${kind}${level > 2 ? ' section-nested' : ''}`;
  return `<section id="${id}" class="${cls}" aria-labelledby="${id}-title">`
    + `<h${level} id="${id}-title" class="section-title">${title}</h${level}>${body}${children}</section>\n`;
}

/** The page's sections and table of contents: { sections, toc } (HTML). */
export function pageMarkup(parts, dict) {
  const all = [...parts.values()];
  const top = all.filter((p) => p.section.parent === undefined);
  const sections = top.map((p) => {
    const children = all.filter((c) => c.section.parent === p.section.id).map((c) => wrap(c, 3)).join('');
    return wrap(p, 2, children);
  }).join('');
  const tocItem = ({ section: { id } }) => `<li><a href="#${id}" data-i18n="section.${id}">${escapeHtml(lookup(dict, `section.${id}`))}</a></li>`;
  return { sections, toc: `<ol class="toc-list">${top.map(tocItem).join('')}</ol>` };
}

/** One <template id="embed-template-<id>"> per section an embed can show (those with a lab). */
export function embedTemplates(parts) {
  return [...parts.values()].filter((p) => hasLab(p.section) && p.section.kind !== 'summary')
    .map((p) => `<template id="embed-template-${p.section.id}">${wrap(p, 1).trim()}</template>`).join('\n');
}

/** Fill a shell's <!-- @name --> comments (each must be there exactly once). */
export function fillShell(shell, values, source = 'shell') {
  let html = shell;
  for (const [name, value] of Object.entries(values)) {
    const marker = `<!-- @${name} -->`;
    const count = html.split(marker).length - 1;
    if (count !== 1) throw new Error(`${source}: expected one ${marker}, found ${count}`);
    html = html.replace(marker, () => value);
  }
  return html;
}

/**
 * Every data-i18n text in a built page must already be its English string: the page skips
 * translating a first visit in English. Throws naming the first key that is not.
 */
export function checkEnglishShell(html, dict) {
  const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
    if (unescape(m[2]) !== lookup(dict, m[1])) throw new Error(`the page shell says "${m[2]}" for ${m[1]}, not its English string`);
  }
  for (const m of html.matchAll(/<[^>]*\sdata-i18n-attr="([^"]+)"[^>]*>/g)) {
    for (const pair of m[1].split(';')) {
      const [attr, key] = pair.split(':').map((x) => x.trim());
      const value = m[0].match(new RegExp(`\\s${attr}="([^"]*)"`))?.[1];
      if (value === undefined || unescape(value) !== lookup(dict, key)) throw new Error(`the page shell's ${attr} for ${key} is not its English string`);
    }
  }
  return html;
}
