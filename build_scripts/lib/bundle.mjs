// The page's scripts and stylesheet, bundled by esbuild:
//   the site: app.js and core-boot.js as ES modules sharing a chunk (the core and its glue),
//             with the wasm taken out of the glue into its own file;
//   the embed and the single file: one classic script each with the wasm kept inline (a
//             sandboxed iframe has an opaque origin, so module scripts and fetches fail there).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { WEB } from './paths.mjs';

export const WASM_FILE = 'activation-core.wasm';
export const CORE_BOOT = 'core-boot.js';
const entry = (name) => path.join(WEB, 'src', 'entries', name);
const WASM_DATA_URI = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;

/**
 * Move the wasm the glue carries as base64 into its own file: the glue then loads
 * `<script directory>/activation-core.wasm` (relative to app.js) with streaming compilation.
 */
export function externaliseWasm(js) {
  const matches = [...js.matchAll(WASM_DATA_URI)];
  if (matches.length !== 1) {
    throw new Error(`expected one inlined wasm binary in the bundle, found ${matches.length}`
      + ' (was web/src/generated/ built with -sSINGLE_FILE=1?)');
  }
  const wasm = Buffer.from(matches[0][1], 'base64');
  if (wasm.length < 8 || wasm.readUInt32BE(0) !== 0x0061736d) throw new Error('the inlined data URI is not a wasm module');
  return { js: js.replace(matches[0][0], () => JSON.stringify(WASM_FILE)), wasm };
}

/** The scripts with the wasm taken out of the one that carries it: { scripts, wasm, carrier }. */
export function externaliseWasmIn(scripts) {
  const carriers = Object.keys(scripts).filter((name) => scripts[name].includes('data:application/octet-stream;base64,'));
  if (carriers.length !== 1) throw new Error(`expected the wasm in one script, found it in ${carriers.length}`);
  const { js, wasm } = externaliseWasm(scripts[carriers[0]]);
  return { scripts: { ...scripts, [carriers[0]]: js }, wasm, carrier: carriers[0] };
}

const common = { bundle: true, minify: !process.env.NO_MINIFY, write: false, logLevel: 'warning', legalComments: 'eof' };

/**
 * The site's modules: { scripts: { name: text }, wasm, carrier, loadedFirst: [names] }. core-boot.js, tiny, starts
 * the wasm as soon as the page is parsed, while app.js (Chart.js and the page) is still
 * downloading; the chunk they share holds the core and its glue. Section modules other than
 * the first screen's are chunks of their own, loaded when a section of theirs comes near.
 */
export async function bundleSiteModules() {
  const js = await esbuild.build({
    ...common,
    entryPoints: { app: entry('main.js'), [CORE_BOOT.replace(/\.js$/, '')]: entry('boot.js') },
    splitting: true,
    chunkNames: '[name]-[hash]',
    metafile: true,
    format: 'esm',
    target: ['es2022'],
    outdir: 'out',
  });
  const scripts = Object.fromEntries(js.outputFiles.map((f) => [path.basename(f.path), f.text]));
  if (!scripts['app.js'] || !scripts[CORE_BOOT]) throw new Error(`unexpected bundle files: ${Object.keys(scripts).join(', ')}`);
  return { ...externaliseWasmIn(scripts), loadedFirst: staticClosure(js.metafile, ['app.js', CORE_BOOT]) };
}

// The scripts a page loads before any section is near: the entries and what they import
// statically, not the chunks they import() later.
function staticClosure(metafile, entries) {
  const byName = new Map(Object.entries(metafile.outputs).map(([file, output]) => [path.basename(file), output]));
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const { path: file, kind } of byName.get(name).imports) {
      if (kind === 'import-statement') visit(path.basename(file));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

export async function bundleCss() {
  const css = await esbuild.build({ ...common, entryPoints: [path.join(WEB, 'styles', 'main.css')], outfile: 'styles.css' });
  const text = css.outputFiles[0].text;
  if (/<\/style/i.test(text)) throw new Error('the stylesheet contains "</style"');
  return text;
}

// Emscripten 3.1.6's single-file glue tries fetch('data:…') before decoding the inlined
// wasm itself; under a CSP without connect-src data: that is a console error each load.
// Decoding directly is what the fallback does anyway.
const GLUE_FETCH = 'if(!wasmBinary&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER)){if(typeof fetch=="function"){';
const GLUE_FETCH_PATCHED = 'if(!wasmBinary&&!isDataURI(wasmBinaryFile)&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER)){if(typeof fetch=="function"){';

export function patchGlueForInlineWasm(source) {
  const count = source.split(GLUE_FETCH).length - 1;
  if (count !== 1 || !source.includes('function isDataURI(')) {
    throw new Error(`the wasm glue no longer looks like Emscripten 3.1.6's (found ${count} getBinaryPromise fetch); update build_scripts/lib/bundle.mjs`);
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
 * One classic (IIFE) script of web/src/entries/<name> with the wasm kept inline.
 * `import.meta.url` becomes the document's address: relative URLs resolve against the page,
 * as the glue expects.
 */
export async function bundleClassic(name) {
  const result = await esbuild.build({
    ...common,
    minify: true,
    entryPoints: [entry(name)],
    format: 'iife',
    target: ['es2022'],
    define: { 'import.meta.url': 'document.baseURI' },
    plugins: [inlineWasmPlugin],
    outfile: 'out.js',
  });
  return result.outputFiles[0].text;
}
