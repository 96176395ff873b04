// The Content-Security-Policy <meta> of every page: only the site's own scripts and styles
// (inline ones by their SHA-256 hash) and WebAssembly compilation; no eval, no inline
// handlers, nothing from another origin.
import { createHash } from 'node:crypto';

const BASE_POLICY = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"];

/** The site's policy: own scripts and styles, wasm compilation, the data: favicon. */
export const SITE_CSP = [
  "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "base-uri 'none'", "form-action 'none'",
].join('; ');

/** 'sha256-…' of an inline script's or style's exact text. */
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** SITE_CSP allowing, besides, the page's own inline stylesheet(s) by hash. */
export function siteCspFor(html) {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => cspHash(m[1]));
  return styles.length ? SITE_CSP.replace("style-src 'self'", () => `style-src 'self' ${styles.join(' ')}`) : SITE_CSP;
}

/** The single file's policy: nothing but its own inline scripts and style, by hash. */
export function singleFileCsp({ scripts, styles }) {
  return [
    BASE_POLICY[0],
    `script-src ${scripts.map(cspHash).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styles.map(cspHash).join(' ')}`,
    'img-src data:',
    ...BASE_POLICY.slice(1),
  ].join('; ');
}

const CSP_MARKER = '<!-- @csp -->';
const cspMeta = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}">`;

/** Put the policy where the shell has <!-- @csp --> (exactly once). */
export function insertCsp(html, policy) {
  const count = html.split(CSP_MARKER).length - 1;
  if (count !== 1) throw new Error(`expected one ${CSP_MARKER} in the page shell, found ${count}`);
  return html.replace(CSP_MARKER, () => cspMeta(policy));
}
