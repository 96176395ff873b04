#!/usr/bin/env node
// Builds the static site into dist/, every page from one render of the sections:
//   index.html            the shell, table of contents, formulas, section placeholders
//   app.js                the page code and the Chart.js parts used (an ES module)
//   core-boot.js, core-<hash>.js   starts the core and the explanations early (entries/boot.js);
//                         the chunk holds what it shares with app.js (the core and its glue)
//   activation-core.wasm  the core, taken out of the single-file glue (a binary gzips 25% smaller
//                         than its base64 and compiles while streaming)
//   content-en.json, content-ko.json   the explanations per language; only the page's language
//                         is loaded, which keeps the first view small
//   styles.css            for embed.html; index.html carries the same rules inline
//   noscript.css          shows the sections at once when scripts are off
//   embed.html, embed.js, embed-content-<lang>.js   one section for course pages (a classic
//                         script with the wasm inline: sandboxed iframes cannot load modules)
//   activation-explorer.html   the whole explorer in one self-contained file
// The sections come from the core's registry (build_scripts/lib/content.mjs), their names
// and explanations from web/content/; the names also go to web/src/generated/
// content-dictionary.json, which the bundles import. All URLs are relative so dist/ works
// from any sub-path; every page carries its Content-Security-Policy.
//
//   node build_scripts/build-web.mjs [--out dist] [--allow-missing-content]
//   NO_MINIFY=1 node build_scripts/build-web.mjs    readable app.js, for profiling

import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORE_BOOT, WASM_FILE, bundleClassic, bundleCss, bundleSiteModules } from './lib/bundle.mjs';
import { LANGS, contentDictionary, pageSections, readContent } from './lib/content.mjs';
import { SITE_CSP, insertCsp, siteCspFor } from './lib/csp.mjs';
import { GENERATED, ROOT, WEB } from './lib/paths.mjs';
import { checkEnglishShell, embedTemplates, fillShell, pageMarkup, renderSectionParts } from './lib/render.mjs';
import { SINGLE_FILE, embedContentScript, renderSingleFile } from './lib/single-file.mjs';

const NOSCRIPT_CSS = 'noscript.css';
export const CONTENT_DICTIONARY = 'content-dictionary.json';

/** The core's registry, from the wasm module the page itself loads. */
export async function loadRegistry() {
  const { loadCore } = await import(pathToFileURL(path.join(WEB, 'src', 'core', 'core.js')).href);
  const core = await loadCore();
  return { list: core.list(), comparisons: core.comparisons() };
}

/**
 * The page's dictionaries: web/i18n/<lang>.json plus what the content files add (names,
 * titles, labels). Their top-level keys must not overlap, so neither hides the other.
 */
export async function pageDictionaries(sections, meta) {
  const dictionaries = {};
  const content = {};
  for (const lang of LANGS) {
    const ui = JSON.parse(await readFile(path.join(WEB, 'i18n', `${lang}.json`), 'utf8'));
    content[lang] = contentDictionary(sections, meta[lang]);
    const clash = Object.keys(content[lang]).filter((key) => Object.hasOwn(ui, key));
    if (clash.length) throw new Error(`web/i18n/${lang}.json has keys the content files own: ${clash.join(', ')}`);
    dictionaries[lang] = { ...ui, ...content[lang] };
  }
  return { dictionaries, content };
}

/** The site's page starts as <html class="booting">: the page's script removes it when ready. */
export function markBooting(html) {
  if (!/<html lang="en">/.test(html)) throw new Error('web/index.html must start <html lang="en">');
  return html.replace('<html lang="en">', '<html lang="en" class="booting">');
}

/** The explanations of one language as JSON: { name: html }. */
export function contentJson(prose) {
  return `${JSON.stringify(prose)}\n`;
}

export async function buildWeb({ outDir = path.join(ROOT, 'dist'), allowMissingContent = false } = {}) {
  const { list, comparisons } = await loadRegistry();
  const sections = pageSections(list, comparisons);
  const { html, meta } = await readContent(sections, { allowMissing: allowMissingContent });
  const { dictionaries, content } = await pageDictionaries(sections, meta);
  // Before bundling: the bundles import it.
  await mkdir(GENERATED, { recursive: true });
  await writeFile(path.join(GENERATED, CONTENT_DICTIONARY), `${JSON.stringify(content)}\n`);

  // One render of every section, for the page, the embed and the single file.
  const parts = renderSectionParts(sections, dictionaries.en, html);
  const markup = pageMarkup(parts, dictionaries.en);
  const templates = embedTemplates(parts);

  const [shell, embedShell, site, css, embedJs, singleJs] = await Promise.all([
    readFile(path.join(WEB, 'index.html'), 'utf8'),
    readFile(path.join(WEB, 'embed.html'), 'utf8'),
    bundleSiteModules(),
    bundleCss(),
    bundleClassic('embed.js'),
    bundleClassic('single-file.js'),
  ]);
  const assets = [
    // Inline (allowed by its hash in the CSP): with a separate file the first render waited
    // for it and then ran just as app.js arrived, delaying the chart.
    `<style>${css}</style>`,
    // The sections wait for the script (see "booting" in layout.css); without one, they must not.
    `<noscript><link rel="stylesheet" href="./${NOSCRIPT_CSS}"></noscript>`,
    // Fetch the core and its glue at once; core-boot.js compiles it (and asks for the
    // explanations) while app.js downloads.
    `<link rel="preload" href="./${WASM_FILE}" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="modulepreload" href="./${site.carrier}">`,
    `<script type="module" src="./${CORE_BOOT}"></script>`,
    '<script type="module" src="./app.js"></script>',
  ].join('\n  ');
  const page = checkEnglishShell(fillShell(markBooting(shell), { assets, ...markup }, 'web/index.html'), dictionaries.en);

  const files = {
    'index.html': insertCsp(page, siteCspFor(page)),
    ...site.scripts,
    [WASM_FILE]: site.wasm,
    'styles.css': css,
    // The same selector as layout.css's "booting" rule, so this later one wins.
    // Without a script the language toggle could do nothing, so it stays out of the way.
    [NOSCRIPT_CSS]: 'html.booting main > .section:not(.ready) { content-visibility: auto; animation: none; }\n'
      + 'html.booting .lang-toggle { display: none; }\n',
    ...Object.fromEntries(LANGS.map((lang) => [`content-${lang}.json`, contentJson(html[lang])])),
    'embed.html': insertCsp(fillShell(embedShell, { templates }, 'web/embed.html'), SITE_CSP),
    'embed.js': embedJs,
    ...Object.fromEntries(LANGS.map((lang) => [`embed-content-${lang}.js`, embedContentScript(lang, html[lang])])),
    [SINGLE_FILE]: renderSingleFile({ shell, markup, css, js: singleJs, html, templates }),
  };
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [name, data] of Object.entries(files)) await writeFile(path.join(outDir, name), data);
  // What one visit downloads: everything but the other language's explanations.
  const firstView = ['index.html', ...Object.keys(site.scripts), WASM_FILE, 'content-en.json'];
  return { outDir, files: sizesOf(files), firstView };
}

function sizesOf(files) {
  return Object.entries(files).map(([name, data]) => {
    const bytes = Buffer.from(data);
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

async function main(argv) {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : undefined;
  const started = performance.now();
  const { outDir: dir, files, firstView } = await buildWeb({ outDir, allowMissingContent: argv.includes('--allow-missing-content') });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files) console.log(`  ${f.name.padEnd(26)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzip).padStart(8)}`);
  const total = files.filter((f) => firstView.includes(f.name)).reduce((s, f) => s + f.gzip, 0);
  console.log(`  first view (${firstView.join(', ')}) gzip ${kb(total)}; wrote ${path.relative(process.cwd(), dir) || '.'}/ in `
    + `${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`build-web: ${error.message}`);
    process.exit(1);
  });
}
