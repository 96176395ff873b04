// Where each page of the site is, from the site's root: one per language and part of the
// explorer (the article's functions, then the ones beyond it). The default language's pages
// are at the root, the others in a folder named after the language. The build writes the
// pages here (build_scripts/lib/pages.mjs), and the scripts link to them.

import { DEFAULT_LANGUAGE } from '../text/i18n.js';

const FILES = { article: 'index.html', beyond: 'beyond.html' };

/** The parts, in page order. */
export const PARTS = Object.keys(FILES);

/** The page of `part` in `lang`, from the site's root. */
export function pagePath(lang, part = PARTS[0]) {
  if (!Object.hasOwn(FILES, part)) throw new Error(`no page for the part "${part}"; parts: ${PARTS.join(', ')}`);
  return lang === DEFAULT_LANGUAGE ? FILES[part] : `${lang}/${FILES[part]}`;
}

/** From a page in `lang` back to the site's root. */
export const rootOf = (lang) => (lang === DEFAULT_LANGUAGE ? '' : '../');

/**
 * A link to section `id`, in `part`, from a page showing the part `here` (undefined: a page
 * with every part, the single file). A language's pages share a folder.
 */
export function sectionHref(id, part, here) {
  return here === undefined || part === here ? `#${id}` : `${FILES[part]}#${id}`;
}
