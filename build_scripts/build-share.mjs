#!/usr/bin/env node
// Issue 4's build outputs, written next to build-web.mjs's site in dist/:
//   embed.html               one section's chart for course pages (embed.html?fn=elu&…)
//   embed.js                 its classic script, with the wasm core inlined: a sandboxed iframe
//                            has an opaque origin, so module scripts and fetches (CORS) fail there
//   embed-content-<lang>.js  explanations for embeds, as classic scripts (same reason)
//   activation-explorer.html the whole explorer in one self-contained file (wasm, JS, CSS,
//                            both languages' explanations) that works from file:// offline,
//                            including ?fn=… embed views and share-link queries
// and the Content-Security-Policy <meta> of every page: only the page's own scripts and
// WebAssembly compilation; the single file allows its inline script and style by hash.
//
//   node build_scripts/build-share.mjs [--out dist]   (after build-web.mjs; it calls this itself)

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { renderContent, renderPage, renderSections, sectionHtml, contentNames } from './build-web.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const LANGS = ['en', 'ko'];
export const SINGLE_FILE = 'activation-explorer.html';

// ---- Content-Security-Policy

const BASE_POLICY = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"];

/** The site's policy: own scripts and styles, wasm compilation, the data: favicon. */
export const SITE_CSP = [
  "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "base-uri 'none'", "form-action 'none'",
].join('; ');

/** SITE_CSP allowing, besides, the page's own inline stylesheet(s) by hash. */
export function siteCspFor(html) {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => cspHash(m[1]));
  return styles.length ? SITE_CSP.replace("style-src 'self'", () => `style-src 'self' ${styles.join(' ')}`) : SITE_CSP;
}

/** 'sha256-…' of an inline script's or style's exact text. */
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
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

// ---- inline code

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

// Emscripten 3.1.6's single-file glue tries fetch('data:…') before decoding the inlined
// wasm itself; under a CSP without connect-src data: that is a console error each load.
// Decoding directly is what the fallback does anyway.
const GLUE_FETCH = 'if(!wasmBinary&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER)){if(typeof fetch=="function"){';
const GLUE_FETCH_PATCHED = 'if(!wasmBinary&&!isDataURI(wasmBinaryFile)&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER)){if(typeof fetch=="function"){';

export function patchGlueForInlineWasm(source) {
  const count = source.split(GLUE_FETCH).length - 1;
  if (count !== 1 || !source.includes('function isDataURI(')) {
    throw new Error(`the wasm glue no longer looks like Emscripten 3.1.6's (found ${count} getBinaryPromise fetch); update build-share.mjs`);
  }
  return source.replace(GLUE_FETCH, GLUE_FETCH_PATCHED);
}

const inlineWasmPlugin = {
  name: 'inline-wasm-glue',
  setup(build) {
    build.onLoad({ filter: /activation-core-wasm\.js$/ }, async (args) => ({
      contents: patchGlueForInlineWasm(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/**
 * One classic (IIFE) script with the wasm kept inline. `import.meta.url` becomes the
 * document's address: relative URLs resolve against the page, as the glue expects.
 */
export async function bundleClassic(entry) {
  const result = await esbuild.build({
    entryPoints: [path.join(WEB, 'src', entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: ['es2022'],
    legalComments: 'eof',
    logLevel: 'warning',
    define: { 'import.meta.url': 'document.baseURI' },
    plugins: [inlineWasmPlugin],
    outfile: 'out.js',
  });
  return result.outputFiles[0].text;
}

async function bundleCss() {
  const result = await esbuild.build({
    entryPoints: [path.join(WEB, 'styles', 'main.css')],
    bundle: true, minify: true, write: false, logLevel: 'warning', outfile: 'styles.css',
  });
  return result.outputFiles[0].text;
}

// ---- pages

const COMPARISONS = ['compare-relu-family', 'compare-all'];

/** One <template id="embed-template-<id>"> per section an embed can show. */
export function embedTemplates(list, en, content) {
  const parts = list.map((spec) => {
    const kind = spec.kind === 'vector' ? spec.slug : spec.pieces ? 'maxout' : 'scalar';
    return [spec.slug, sectionHtml(spec.slug, { level: 1, en, content, spec, kind })];
  });
  for (const id of COMPARISONS) parts.push([id, sectionHtml(id, { level: 1, en, content, kind: 'compare' })]);
  return parts.map(([id, html]) => `<template id="embed-template-${id}">${html.trim()}</template>`).join('\n');
}

/** The explanations as a classic script for embeds: self.activationExplorerProse[lang]. */
export function embedContentScript(lang, prose) {
  return `(self.activationExplorerProse=self.activationExplorerProse||{})[${JSON.stringify(lang)}]=${JSON.stringify(prose)};\n`;
}

// Before any script runs, the single file opened with ?fn= hides the full page it carries.
export const EARLY_SCRIPT = "document.documentElement.classList.toggle('embed-mode',new URLSearchParams(location.search).has('fn'))";

export function renderSingleFile({ template, toc, sections, css, js, content, templates }) {
  checkInlineScript(js);
  if (/<\/style/i.test(css)) throw new Error('the stylesheet contains "</style"');
  const assets = `<style>${css}</style>\n  <script>${EARLY_SCRIPT}</script>`;
  let html = renderPage(template, { assets, toc, sections });
  html = insertCsp(html, singleFileCsp({ scripts: [EARLY_SCRIPT, js], styles: [css] }));
  const tail = [templates, ...LANGS.map((lang) => inlineJson(`prose-${lang}`, content[lang])), `<script>${js}</script>`].join('\n');
  if (!html.includes('</body>')) throw new Error('web/index.html has no </body>');
  return html.replace('</body>', () => `${tail}\n</body>`);
}

/**
 * Write issue 4's files into `outDir` (after build-web.mjs wrote the site) and add the CSP
 * to its index.html. Returns { name: contents } of what was written.
 */
export async function buildShareFiles({ outDir, list, en, content }) {
  const [template, embedShell, css, embedJs, singleJs] = await Promise.all([
    readFile(path.join(WEB, 'index.html'), 'utf8'),
    readFile(path.join(WEB, 'embed.html'), 'utf8'),
    bundleCss(),
    bundleClassic('embed.js'),
    bundleClassic('single-file.js'),
  ]);
  const templates = embedTemplates(list, en, content);
  const { sections, toc } = renderSections(list, en, content);

  const indexPath = path.join(outDir, 'index.html');
  const indexShell = await readFile(indexPath, 'utf8');
  const index = insertCsp(indexShell, siteCspFor(indexShell));
  const embedHtml = insertCsp(embedShell, SITE_CSP).replace('<!-- @templates -->', () => templates);
  const files = {
    'index.html': index,
    'embed.html': embedHtml,
    'embed.js': embedJs,
    ...Object.fromEntries(LANGS.map((lang) => [`embed-content-${lang}.js`, embedContentScript(lang, content[lang])])),
    [SINGLE_FILE]: renderSingleFile({ template, toc, sections, css, js: singleJs, content, templates }),
  };
  for (const [name, data] of Object.entries(files)) await writeFile(path.join(outDir, name), data);
  return files;
}

async function main(argv) {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : path.join(ROOT, 'dist');
  const { loadCore } = await import(pathToFileURL(path.join(WEB, 'src', 'core.js')).href);
  const list = (await loadCore()).list();
  const en = JSON.parse(await readFile(path.join(WEB, 'i18n', 'en.json'), 'utf8'));
  const content = await renderContent(contentNames(list), { allowMissing: argv.includes('--allow-missing-content') });
  const files = await buildShareFiles({ outDir, list, en, content });
  for (const [name, data] of Object.entries(files)) {
    console.log(`  ${name.padEnd(26)} ${(Buffer.byteLength(data) / 1024).toFixed(1).padStart(8)} KB`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`build-share: ${error.message}`);
    process.exit(1);
  });
}
