// The explanations, rendered to HTML at build time, one module per language
// (dist/content-<lang>.js) so a visit downloads only its own language. A single-file
// build may instead inline them as <script type="application/json" id="prose-<lang>">.

/** Load the { name: html } map for a language (once; the promise is cached by the caller). */
export async function loadProse(lang) {
  const inline = document.getElementById(`prose-${lang}`);
  if (inline) return JSON.parse(inline.textContent);
  // A URL built at run time keeps esbuild from bundling the content into app.js.
  const url = new URL(`./content-${lang}.js`, import.meta.url).href;
  return (await import(url)).default;
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
