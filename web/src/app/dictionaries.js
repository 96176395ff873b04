// Both languages' dictionaries, bundled: for the views that switch language in place (the
// embed and the single file). The site's pages carry their own language's dictionary in
// their HTML instead (text/page-dictionary.js), so its bundle holds neither.

import en from '../../i18n/en.json';
import ko from '../../i18n/ko.json';
import content from '../generated/content-dictionary.json';
import { makeTranslator } from '../text/i18n.js';

// The UI's strings (web/i18n) and what the content files name (functions, sections,
// parameters: build_scripts/lib/content.mjs) in one dictionary per language.
export const dictionaries = { en: { ...en, ...content.en }, ko: { ...ko, ...content.ko } };
export const translators = { en: makeTranslator(dictionaries.en), ko: makeTranslator(dictionaries.ko, dictionaries.en) };
