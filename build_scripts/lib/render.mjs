// The page's markup, rendered from the sections (content.mjs) in one language: every
// heading, formula, explanation, property table and string is in the HTML, and the scripts
// add charts and controls in place. Each section is rendered once per language and wrapped
// for the page (headings at level 2, nested sections inside their parent, explanations
// inline) and for the embed's templates (one <template> a section, heading at level 1,
// explanations filled by the embed's script). data-i18n marks what the single file, which
// switches language in place, translates at run time.
import { escapeHtml } from './html.mjs';
import { renderTex } from './markdown.mjs';
import { chartPlaceholder, frameworksLab, pickerSkeleton, propertiesBlock, summaryTable } from './statics.mjs';

export { escapeHtml };

/** The string at a dotted key of the dictionary; throws when there is none. */
export function lookup(dict, key) {
  const value = key.split('.').reduce((node, part) => node?.[part], dict);
  if (typeof value !== 'string') throw new Error(`the page's dictionary has no string "${key}"`);
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

const hasLab = (section) => section.kind !== 'text' && section.kind !== 'group';

/**
 * What a lab holds before its script runs (statics.mjs), for headings at `level`.
 * `ctx`: { t, list, comparisonSlugs(section), slotOf(slug) }.
 */
function labContent(section, level, ctx) {
  const { id, kind, spec } = section;
  const { t } = ctx;
  if (kind === 'picker') {
    const slugs = ctx.comparisonSlugs(section);
    return pickerSkeleton({ id, slugs, featured: section.comparison.featured ?? slugs[0], slotOf: ctx.slotOf, t });
  }
  if (kind === 'summary') return summaryTable({ id, list: ctx.list, groups: ctx.groups, t });
  if (kind === 'frameworks') return frameworksLab({ id, data: ctx.frameworks, list: ctx.list, t });
  if (!spec) return chartPlaceholder(t); // a comparison
  const titleKey = kind === 'scalar' && spec.params.length === 0 ? 'props.heading' : 'props.headingCurrent';
  return chartPlaceholder(t) + propertiesBlock({ id, properties: spec.properties, t, level, titleKey });
}

/**
 * Every section's heading, formulas and explanation in one language, rendered once:
 * Map id → { section, name, title, formulas, prose }. `prose` is the explanation's HTML or ''.
 */
export function renderSectionParts(sections, dict, proseOfLang) {
  const parts = new Map();
  for (const section of sections) {
    const { id, spec } = section;
    const name = lookup(dict, `section.${id}`);
    parts.set(id, {
      section,
      name,
      title: `<a class="anchor" href="#${id}" data-i18n="section.${id}">${escapeHtml(name)}</a>`,
      formulas: spec ? formulaBlock(spec, dict) : '',
      prose: proseOfLang[id] ?? '',
    });
  }
  return parts;
}

/**
 * One section's markup. `prose`: 'inline' (the page: the explanation in the HTML) or
 * 'placeholder' (the embed: an empty place its script fills, when the section has one).
 */
function wrap({ section, title, formulas, prose }, level, ctx, { children = '', proseMode = 'inline' } = {}) {
  const { id, kind } = section;
  const cls = `section section-${kind}${level > 2 ? ' section-nested' : ''}`;
  const lab = hasLab(section)
    ? `<div class="lab lab-${kind}" id="${id}-lab" data-lab="${id}" data-kind="${kind}">${labContent(section, level + 1, ctx)}</div>`
    : '';
  const proseHtml = !prose ? '' : `<div class="prose" data-prose="${id}">${proseMode === 'inline' ? prose : ''}</div>`;
  // The page's row of share and print buttons, reserved here so that nothing below moves
  // when the script fills it (web/src/share/share-buttons.js); an embed has none.
  const tools = proseMode === 'inline' ? `<div class="section-tools" id="${id}-share"></div>` : '';
  return `<section id="${id}" class="${cls}" aria-labelledby="${id}-title">`
    + `<h${level} id="${id}-title" class="section-title">${title}</h${level}>${tools}`
    + `<div class="section-body">${formulas}${lab}${proseHtml}</div>${children}</section>\n`;
}

/**
 * A page's sections and table of contents: { sections, toc } (HTML). `part` picks the
 * sections of one part (the site's pages; every part when absent: the single file);
 * `partLinks` ([{ href, text }]) end the contents with the other parts' pages, and
 * `fileOfPart(part)` is where a link to another part's section points.
 */
export function pageMarkup(parts, ctx, { part, partLinks = [], fileOfPart } = {}) {
  const all = [...parts.values()].filter((p) => part === undefined || p.section.part === part);
  const top = all.filter((p) => p.section.parent === undefined);
  const html = top.map((p) => {
    const children = all.filter((c) => c.section.parent === p.section.id).map((c) => wrap(c, 3, ctx)).join('');
    return wrap(p, 2, ctx, { children });
  }).join('');
  // The explanations link to any section as #id: one on another part's page goes there.
  const partOf = new Map([...parts.values()].map((p) => [p.section.id, p.section.part]));
  const sections = part === undefined ? html : html.replace(/href="#([^"]+)"/g, (link, id) => {
    const target = partOf.get(id);
    return target === undefined || target === part ? link : `href="${fileOfPart(target)}#${id}"`;
  });
  const items = top.map(({ section: { id }, name }) => `<li><a href="#${id}" data-i18n="section.${id}">${escapeHtml(name)}</a></li>`);
  const others = partLinks.map(({ href, text }) => `<li class="toc-part"><a href="${escapeHtml(href)}">${escapeHtml(text)} →</a></li>`);
  const toc = `<ol class="toc-list">${[...items, ...others].join('')}</ol>`;
  return { sections, toc };
}

/** One <template id="embed-template-<id>"> per section an embed can show (those with a lab). */
export function embedTemplates(parts, ctx) {
  return [...parts.values()].filter((p) => hasLab(p.section) && p.section.kind !== 'summary')
    .map((p) => `<template id="embed-template-${p.section.id}">${wrap(p, 1, ctx, { proseMode: 'placeholder' }).trim()}</template>`)
    .join('\n');
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

const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The shell's data-i18n texts and data-i18n-attr attributes, written in the dictionary's
 * language (the shell, web/index.html, is written in English).
 */
export function translateShell(html, dict) {
  const texts = html.replace(/(<[^>]*\sdata-i18n="([^"]+)"[^>]*>)([^<]*)(<)/g,
    (whole, open, key, old, close) => `${open}${escapeHtml(lookup(dict, key))}${close}`);
  return texts.replace(/<[^>]*\sdata-i18n-attr="([^"]+)"[^>]*>/g, (tag, pairs) => pairs.split(';').reduce((t, pair) => {
    const [attr, key] = pair.split(':').map((x) => x.trim());
    return t.replace(new RegExp(`(\\s${attr}=")[^"]*(")`), (m, a, b) => `${a}${escapeHtml(lookup(dict, key))}${b}`);
  }, tag));
}

/**
 * Every data-i18n text in a built page must already be its string in the page's language
 * (`dict`): the page never translates itself on load. Throws naming the first key that is not.
 */
export function checkShell(html, dict) {
  for (const m of html.matchAll(/<[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
    if (unescape(m[2]) !== lookup(dict, m[1])) throw new Error(`the page says "${m[2]}" for ${m[1]}, not its string "${lookup(dict, m[1])}"`);
  }
  for (const m of html.matchAll(/<[^>]*\sdata-i18n-attr="([^"]+)"[^>]*>/g)) {
    for (const pair of m[1].split(';')) {
      const [attr, key] = pair.split(':').map((x) => x.trim());
      const value = m[0].match(new RegExp(`\\s${attr}="([^"]*)"`))?.[1];
      if (value === undefined || unescape(value) !== lookup(dict, key)) throw new Error(`the page's ${attr} for ${key} is not its string`);
    }
  }
  return html;
}
