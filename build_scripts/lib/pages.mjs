// The site's pages: one per language and part of the explorer (web/src/model/page-paths.js:
// index.html, beyond.html, ko/index.html, ko/beyond.html) from the shell (web/index.html),
// each with its strings, title and description in its language, its canonical address and
// its hreflang alternates, and a plain link to the same part in the other language (the
// page's scripts keep it carrying the view).
import path from 'node:path';
import * as esbuild from 'esbuild';
import { LANGS } from './content.mjs';
import { escapeHtml, inlineJson } from './html.mjs';
import { WEB } from './paths.mjs';
import { PAGE_DICTIONARY_ID } from '../../web/src/text/page-dictionary.js';
import { PARTS, pagePath, rootOf } from '../../web/src/model/page-paths.js';
import { checkShell, fillShell, lookup, translateShell } from './render.mjs';

export const DEFAULT_LANG = LANGS[0];
export { pagePath, rootOf, PARTS };

/** web/src/entries/head.js as a classic script to inline (its hash goes in the CSP). */
export async function bundleHeadScript() {
  const result = await esbuild.build({
    entryPoints: [path.join(WEB, 'src', 'entries', 'head.js')],
    bundle: true, minify: true, write: false, format: 'iife', target: ['es2022'], logLevel: 'warning', outfile: 'head.js',
  });
  return result.outputFiles[0].text.trim();
}

/**
 * The head's language-dependent part: title, description, canonical and alternates (absolute
 * when `siteUrl` is given, else relative and made absolute by the head script), that script.
 * The article's page takes its title and description from the dictionary; another part's from
 * `info` ({ title, description }, its introduction's front matter).
 */
function headMarkup({ lang, dict, siteUrl, headScript, part, info }) {
  const address = (l) => (siteUrl ? new URL(pagePath(l, part), siteUrl).href : `${rootOf(lang)}${pagePath(l, part)}`);
  const title = info
    ? `<title>${escapeHtml(`${info.title} · ${lookup(dict, 'app.title')}`)}</title>`
    : `<title data-i18n="app.pageTitle">${escapeHtml(lookup(dict, 'app.pageTitle'))}</title>`;
  const description = info
    ? `<meta name="description" content="${escapeHtml(info.description)}">`
    : `<meta name="description" content="${escapeHtml(lookup(dict, 'app.description'))}" data-i18n-attr="content:app.description">`;
  return [
    title,
    description,
    `<link rel="canonical" href="${address(lang)}">`,
    ...LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${address(l)}">`),
    `<link rel="alternate" hreflang="x-default" href="${address(DEFAULT_LANG)}">`,
    `<script>${headScript}</script>`,
  ].join('\n  ');
}

/**
 * The header's controls: the function finder, the contents (a menu on phones) and the other
 * language's page.
 */
function headerMarkup({ lang, dict, toc, finder = '', switchToPage, part }) {
  const other = LANGS.find((l) => l !== lang);
  const menu = '<details class="toc-menu" id="toc-menu">'
    + `<summary data-i18n="app.toc">${escapeHtml(lookup(dict, 'app.toc'))}</summary>`
    + `<nav class="toc-menu-panel" aria-label="${escapeHtml(lookup(dict, 'app.toc'))}" data-i18n-attr="aria-label:app.toc">${toc}</nav></details>`;
  // The toggle names the other language in that language: its strings come from the page's
  // dictionary, which holds them for exactly that purpose.
  const label = escapeHtml(lookup(dict, 'app.switchTo'));
  const title = escapeHtml(lookup(dict, 'app.switchToLabel'));
  const common = `id="lang-toggle" data-testid="lang-toggle" class="lang-toggle" lang="${other}" data-i18n="app.switchTo" data-i18n-attr="title:app.switchToLabel" title="${title}"`;
  const toggle = switchToPage
    ? `<a ${common} href="${rootOf(lang)}${pagePath(other, part)}" hreflang="${other}">${label}</a>`
    : `<button type="button" ${common}>${label}</button>`;
  return `${finder}\n      ${menu}\n      ${toggle}`;
}

/**
 * One language's page of one part. `markup`: { sections, toc, finder } (render.mjs,
 * finder.mjs); `assets`: the
 * style and script tags; `variant`: 'site' (a page per language and part) or 'single' (the
 * single file, every part, which switches language in place and has no address of its own);
 * `part` and `info` ({ title, description } for a part other than the article).
 */
export function languagePage({
  shell, lang, dict, markup, assets, headScript, siteUrl, variant = 'site', part = PARTS[0], info,
}) {
  if (!/<html lang="en">/.test(shell)) throw new Error('web/index.html must start <html lang="en">');
  const site = variant === 'site';
  const attrs = [`lang="${lang}"`, 'class="no-js"', site && lang === DEFAULT_LANG ? 'data-default-language' : '',
    `data-root="${rootOf(lang)}"`, site ? `data-part="${part}"` : ''].filter(Boolean).join(' ');
  const head = site ? headMarkup({ lang, dict, siteUrl, headScript, part, info })
    : `<title data-i18n="app.pageTitle">${escapeHtml(lookup(dict, 'app.pageTitle'))}</title>\n  <script>${headScript}</script>`;
  let html = fillShell(shell.replace('<html lang="en">', `<html ${attrs}>`), {
    head, assets, header: headerMarkup({ lang, dict, toc: markup.toc, finder: markup.finder, switchToPage: site, part }), toc: markup.toc, sections: markup.sections,
  }, 'web/index.html');
  html = checkShell(translateShell(html, dict), dict);
  if (!site) return html;
  // The strings the scripts write (controls, notices), in the page's language only
  // (web/src/text/page-dictionary.js); after everything a reader sees.
  if (!html.includes('</body>')) throw new Error('web/index.html has no </body>');
  return html.replace('</body>', () => `${inlineJson(PAGE_DICTIONARY_ID, dict)}\n</body>`);
}
