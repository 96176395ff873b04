// The whole explorer in one self-contained HTML file that works from file:// offline (wasm,
// code, styles, both languages' explanations inline), and the classic scripts that carry
// the explanations to embeds. Both also answer ?fn=… embed views.
import { LANGS } from './content.mjs';
import { inlineJson } from './html.mjs';
import { insertCsp, singleFileCsp } from './csp.mjs';
import { languagePage } from './pages.mjs';

export const SINGLE_FILE = 'activation-explorer.html';
export { inlineJson };

/** Text that is safe inside <script>…</script>: fail rather than guess if it could end early. */
export function checkInlineScript(js) {
  const bad = /<\/script|<!--/i.exec(js);
  if (bad) throw new Error(`the bundle contains "${bad[0]}" at ${bad.index}; it cannot be inlined as is`);
  return js;
}

/** The explanations as a classic script for embeds: self.activationExplorerProse[lang]. */
export function embedContentScript(lang, prose) {
  return `(self.activationExplorerProse=self.activationExplorerProse||{})[${JSON.stringify(lang)}]=${JSON.stringify(prose)};\n`;
}

// Before any script runs, the single file opened with ?fn= hides the full page it carries.
export const EARLY_SCRIPT = "document.documentElement.classList.toggle('embed-mode',new URLSearchParams(location.search).has('fn'))";

/**
 * The single file: the English page from the same render as the site, switching language in
 * place (its scripts read the explanations of both languages from inline JSON). `html` is the
 * explanations by language, `templates` the embed templates.
 */
export function renderSingleFile({ shell, dict, markup, css, js, html, templates, headScript }) {
  checkInlineScript(js);
  const assets = `<style>${css}</style>\n  <script>${EARLY_SCRIPT}</script>`;
  let page = languagePage({ shell, lang: LANGS[0], dict, markup, assets, headScript, variant: 'single' });
  page = insertCsp(page, singleFileCsp({ scripts: [headScript, EARLY_SCRIPT, js], styles: [css] }));
  const tail = [templates, ...LANGS.map((lang) => inlineJson(`prose-${lang}`, html[lang])), `<script>${js}</script>`].join('\n');
  if (!page.includes('</body>')) throw new Error('web/index.html has no </body>');
  return page.replace('</body>', () => `${tail}\n</body>`);
}
