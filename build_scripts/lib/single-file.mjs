// The whole explorer in one self-contained HTML file that works from file:// offline (wasm,
// code, styles, both languages' explanations inline), and the classic scripts that carry
// the explanations to embeds. Both also answer ?fn=… embed views.
import { LANGS } from './content.mjs';
import { fillShell } from './render.mjs';
import { insertCsp, singleFileCsp } from './csp.mjs';

export const SINGLE_FILE = 'activation-explorer.html';

/** Text that is safe inside <script>…</script>: fail rather than guess if it could end early. */
export function checkInlineScript(js) {
  const bad = /<\/script|<!--/i.exec(js);
  if (bad) throw new Error(`the bundle contains "${bad[0]}" at ${bad.index}; it cannot be inlined as is`);
  return js;
}

/** JSON in <script type="application/json">: '<' escaped so no text can close the element. */
export function inlineJson(id, data) {
  return `<script type="application/json" id="${id}">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`;
}

/** The explanations as a classic script for embeds: self.activationExplorerProse[lang]. */
export function embedContentScript(lang, prose) {
  return `(self.activationExplorerProse=self.activationExplorerProse||{})[${JSON.stringify(lang)}]=${JSON.stringify(prose)};\n`;
}

// Before any script runs, the single file opened with ?fn= hides the full page it carries.
export const EARLY_SCRIPT = "document.documentElement.classList.toggle('embed-mode',new URLSearchParams(location.search).has('fn'))";

/**
 * The single file from the page shell and the same render as the site: `markup` is
 * { toc, sections }, `templates` the embed templates, `html` the explanations by language.
 */
export function renderSingleFile({ shell, markup, css, js, html, templates }) {
  checkInlineScript(js);
  const assets = `<style>${css}</style>\n  <script>${EARLY_SCRIPT}</script>`;
  let page = fillShell(shell, { assets, ...markup }, 'web/index.html');
  page = insertCsp(page, singleFileCsp({ scripts: [EARLY_SCRIPT, js], styles: [css] }));
  const tail = [templates, ...LANGS.map((lang) => inlineJson(`prose-${lang}`, html[lang])), `<script>${js}</script>`].join('\n');
  if (!page.includes('</body>')) throw new Error('web/index.html has no </body>');
  return page.replace('</body>', () => `${tail}\n</body>`);
}
