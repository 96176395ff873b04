// The explanations, for views that switch language in place (the single file): rendered to
// HTML at build time and carried as <script type="application/json" id="prose-<lang>">. The
// site's pages have their explanations in their HTML; the embed loads its own (app/embed-view.js).

const byLang = new Map();

/** The { name: html } map for a language, read once: later calls share the promise. */
export function proseFor(lang) {
  if (!byLang.has(lang)) byLang.set(lang, readProse(lang));
  return byLang.get(lang);
}

async function readProse(lang) {
  const inline = document.getElementById(`prose-${lang}`);
  if (!inline) throw new Error(`this page carries no explanations in ${lang}`);
  return JSON.parse(inline.textContent);
}

/**
 * Put each explanation into its place. The HTML is the build's own output from
 * web/content/, never anything a visitor or a URL supplied.
 */
export function showProse(root, lang, prose) {
  for (const el of root.querySelectorAll('[data-prose]')) {
    el.innerHTML = prose[el.dataset.prose] ?? '';
    el.lang = lang;
  }
}
