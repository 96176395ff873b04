// The explanations, rendered to HTML at build time, one JSON file per language
// (dist/content-<lang>.json) so a visit downloads only its own language. A single-file
// build may instead inline them as <script type="application/json" id="prose-<lang>">.

const byLang = new Map();

/** The { name: html } map for a language, loaded once: later calls share the promise. */
export function proseFor(lang) {
  if (!byLang.has(lang)) byLang.set(lang, loadProse(lang));
  return byLang.get(lang);
}

async function loadProse(lang) {
  const inline = document.getElementById(`prose-${lang}`);
  if (inline) return JSON.parse(inline.textContent);
  // JSON, the same form the single file inlines. The site asks for it from boot.js, before
  // app.js runs (a request started from app.js cost 17 ms when DevTools watched the network:
  // V8 re-parsed all of app.js to record the request's initiator stack).
  const url = new URL(`./content-${lang}.json`, import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Put each explanation into its placeholder. The HTML is the build's own output from
 * web/content/, never anything a visitor or a URL supplied.
 */
export function showProse(root, lang, prose) {
  for (const el of root.querySelectorAll('[data-prose]')) {
    el.innerHTML = prose[el.dataset.prose] ?? '';
    el.lang = lang;
  }
}
