#!/usr/bin/env node
// Builds the static site into dist/, every page from one render of the sections per language:
//   index.html, ko/index.html   one page per language and part (build_scripts/lib/pages.mjs;
//   beyond.html, ko/beyond.html  the beyond part's when the registry has one): every heading,
//                         formula, explanation and property table in the HTML; the scripts add
//                         charts and controls in place
//   app.js                the page code and the Chart.js parts used (an ES module)
//   core-boot.js, core-<hash>.js   starts the core early (entries/boot.js); the chunk holds what
//                         it shares with app.js (the core and its glue)
//   activation-core.wasm  the core, taken out of the single-file glue (a binary gzips 25% smaller
//                         than its base64 and compiles while streaming)
//   styles.css            for embed.html; the pages carry the same rules inline
//   embed.html, embed.js, embed-content-<lang>.js   one section for course pages (a classic
//                         script with the wasm inline: sandboxed iframes cannot load modules)
//   activation-explorer.html   the whole explorer in one self-contained file
// The sections come from the core's registry (build_scripts/lib/content.mjs), their names
// and explanations from web/content/; the names also go to web/src/generated/
// content-dictionary.json, which the bundles import. All URLs are relative so dist/ works
// from any sub-path; ACTIVATION_SITE_URL (the site's address) makes the canonical and
// hreflang links absolute in the HTML too. Every page carries its Content-Security-Policy.
//
//   node build_scripts/build-web.mjs [--out dist] [--allow-missing-content]
//   NO_MINIFY=1 node build_scripts/build-web.mjs    readable app.js, for profiling

import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_BOOT, WASM_FILE, bundleClassic, bundleCss, bundleSiteModules } from './lib/bundle.mjs';
import { LANGS, contentDictionary, loadBuildCore, pageSections, partsOf, readContent } from './lib/content.mjs';
import { finderMarkup } from './lib/finder.mjs';
import { readFrameworks } from './lib/frameworks.mjs';
import { createStateTable } from '../web/src/model/state.js';
import { SITE_CSP, cspHash, insertCsp, siteCspFor } from './lib/csp.mjs';
import { GENERATED, ROOT, WEB } from './lib/paths.mjs';
import { bundleHeadScript, languagePage, pagePath, rootOf } from './lib/pages.mjs';
import { embedTemplates, fillShell, pageMarkup, renderSectionParts } from './lib/render.mjs';
import { SINGLE_FILE, embedContentScript, renderSingleFile } from './lib/single-file.mjs';
import { makeTranslator } from '../web/src/text/i18n.js';

export const CONTENT_DICTIONARY = 'content-dictionary.json';
export const FRAMEWORKS = 'frameworks.json';

/** The core's registry, from the wasm module the page itself loads. */
export async function loadRegistry() {
  const core = await loadBuildCore();
  return { list: core.list(), comparisons: core.comparisons(), groups: core.groups() };
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

/**
 * What a section's pre-rendered lab needs besides the dictionary (build_scripts/lib/statics.mjs).
 * A comparison's functions are the state table's, as the page's scripts see them (the first
 * screen's: those of its part).
 */
export function staticsContext({ list, comparisons, groups, frameworks }, t) {
  const table = createStateTable(list, comparisons, groups, frameworks);
  return {
    t,
    list,
    groups,
    frameworks,
    slotOf: (slug) => list.find((s) => s.slug === slug).colour,
    comparisonSlugs: ({ id }) => table.sections.find((s) => s.id === id).slugs,
  };
}

export async function buildWeb({ outDir = path.join(ROOT, 'dist'), allowMissingContent = false } = {}) {
  const { list, comparisons, groups } = await loadRegistry();
  const sections = pageSections(list, comparisons, groups);
  const parts = partsOf(sections);
  const { html, meta } = await readContent(sections, { allowMissing: allowMissingContent });
  const { dictionaries, content } = await pageDictionaries(sections, meta);
  const { data: frameworks, problems: frameworkProblems } = readFrameworks(sections, meta);
  if (frameworkProblems.length) throw new Error(`content frameworks (web/content/README.md, "Frameworks"):\n  ${frameworkProblems.join('\n  ')}`);
  // Before bundling: the bundles import them.
  await mkdir(GENERATED, { recursive: true });
  await writeFile(path.join(GENERATED, CONTENT_DICTIONARY), `${JSON.stringify(content)}\n`);
  await writeFile(path.join(GENERATED, FRAMEWORKS), `${JSON.stringify(frameworks)}\n`);

  const [shell, embedShell, site, css, embedJs, singleJs, headScript] = await Promise.all([
    readFile(path.join(WEB, 'index.html'), 'utf8'),
    readFile(path.join(WEB, 'embed.html'), 'utf8'),
    bundleSiteModules(),
    bundleCss(),
    bundleClassic('embed.js'),
    bundleClassic('single-file.js'),
    bundleHeadScript(),
  ]);
  const siteUrl = process.env.ACTIVATION_SITE_URL || undefined;

  // One render of every section per language, wrapped for each part's page; the English one
  // also makes the embed templates and the single file (every part).
  const functions = sections.filter((section) => section.spec);
  const names = (slug) => LANGS.map((lang) => dictionaries[lang].fn[slug]);
  const fileOf = (lang, part) => pagePath(lang, part).split('/').pop(); // a language's pages share a folder
  const finder = (lang, part) => finderMarkup({
    functions, dict: dictionaries[lang], names,
    hrefOf: (section) => `${part === undefined || section.part === part ? '' : fileOf(lang, section.part)}#${section.id}`,
  });
  const partLink = (lang, part) => ({
    href: fileOf(lang, part),
    text: part === parts[0] ? dictionaries[lang].parts.article : dictionaries[lang].section[part],
  });
  const rendered = Object.fromEntries(LANGS.map((lang) => {
    const renders = renderSectionParts(sections, dictionaries[lang], html[lang]);
    const ctx = staticsContext({ list, comparisons, groups, frameworks }, makeTranslator(dictionaries[lang]));
    const byPart = Object.fromEntries(parts.map((part) => [part, {
      ...pageMarkup(renders, ctx, {
        part, partLinks: parts.filter((p) => p !== part).map((p) => partLink(lang, p)), fileOfPart: (p) => fileOf(lang, p),
      }),
      finder: finder(lang, part),
    }]));
    return [lang, { parts: renders, ctx, byPart, all: { ...pageMarkup(renders, ctx), finder: finder(lang) } }];
  }));
  const english = rendered[LANGS[0]];
  const templates = embedTemplates(english.parts, english.ctx);

  const pages = Object.fromEntries(LANGS.flatMap((lang) => parts.map((part) => {
    const root = rootOf(lang);
    const assets = [
      // Inline (allowed by its hash in the CSP): with a separate file the first render waited
      // for it and then ran just as app.js arrived, delaying the chart.
      `<style>${css}</style>`,
      // Fetch the core and every module the page loads at once in parallel (otherwise each
      // import is found only once its importer has arrived); core-boot.js compiles the core
      // while app.js downloads.
      `<link rel="preload" href="${root || './'}${WASM_FILE}" as="fetch" type="application/wasm" crossorigin>`,
      ...site.loadedFirst.filter((name) => name !== 'app.js' && name !== CORE_BOOT)
        .map((name) => `<link rel="modulepreload" href="${root || './'}${name}">`),
      `<script type="module" src="${root || './'}${CORE_BOOT}"></script>`,
      `<script type="module" src="${root || './'}app.js"></script>`,
    ].join('\n  ');
    // A part after the article is named and described by its introduction's front matter.
    const info = part === parts[0] ? undefined : { title: dictionaries[lang].section[part], description: meta[lang][part].description };
    const page = languagePage({
      shell, lang, dict: dictionaries[lang], markup: rendered[lang].byPart[part], assets, headScript, siteUrl, part, info,
    });
    const policy = siteCspFor(page).replace("script-src 'self'", () => `script-src 'self' ${cspHash(headScript)}`);
    return [pagePath(lang, part), insertCsp(page, policy)];
  })));

  const files = {
    ...pages,
    ...site.scripts,
    [WASM_FILE]: site.wasm,
    'styles.css': css,
    'embed.html': insertCsp(fillShell(embedShell, { templates }, 'web/embed.html'), SITE_CSP),
    'embed.js': embedJs,
    ...Object.fromEntries(LANGS.map((lang) => [`embed-content-${lang}.js`, embedContentScript(lang, html[lang])])),
    [SINGLE_FILE]: renderSingleFile({
      shell, dict: dictionaries[LANGS[0]], markup: english.all, css, js: singleJs, html, templates, headScript,
    }),
  };
  await rm(outDir, { recursive: true, force: true });
  for (const [name, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await writeFile(path.join(outDir, name), data);
  }
  // What a first visit downloads, per language: its page, the scripts it loads at once, the wasm.
  const firstView = Object.fromEntries(LANGS.map((lang) => [lang, [pagePath(lang), ...site.loadedFirst, WASM_FILE]]));
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
  for (const [lang, names] of Object.entries(firstView)) {
    const total = files.filter((f) => names.includes(f.name)).reduce((s, f) => s + f.gzip, 0);
    console.log(`  first view ${lang} (${names.join(', ')}) gzip ${kb(total)}`);
  }
  console.log(`  wrote ${path.relative(process.cwd(), dir) || '.'}/ in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`build-web: ${error.message}`);
    process.exit(1);
  });
}
