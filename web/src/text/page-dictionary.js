// The page's own dictionary, which the build writes into the page's HTML as
// <script type="application/json" id="page-dictionary"> (only its language: the site has a
// page per language, and a bundle with every language's strings would be larger).

import { makeTranslator } from './i18n.js';

export const PAGE_DICTIONARY_ID = 'page-dictionary';

/** { [the page's language]: translate }, or null when the page carries no dictionary. */
export function pageTranslators(doc = document) {
  const script = doc.getElementById(PAGE_DICTIONARY_ID);
  if (!script) return null;
  return { [doc.documentElement.lang]: makeTranslator(JSON.parse(script.textContent)) };
}
