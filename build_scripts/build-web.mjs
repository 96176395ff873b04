#!/usr/bin/env node
// Builds the page into dist/ with every formula and explanation rendered at build time
// (KaTeX → MathML, so no math JavaScript or fonts at run time):
//   index.html            the shell, table of contents, formulas, section placeholders
//   app.js                the page code and the Chart.js parts used (an ES module)
//   core-boot.js, core-<hash>.js   starts the core and the explanations early (web/src/boot.js);
//                         the chunk holds what it shares with app.js (core.js + glue, prose.js)
//   activation-core.wasm  the core, taken out of the single-file glue (a binary gzips 25% smaller
//                         than its base64 and compiles while streaming)
//   content-en.json, content-ko.json   the explanations per language; only the page's language
//                         is loaded, which keeps the first view small
//   styles.css            for embed.html; index.html carries the same rules inline
//   noscript.css          shows the sections at once when scripts are off
// All URLs are relative so dist/ works from any sub-path. Issue 4's single-file build can
// reuse these functions, keep the wasm inlined and put the content in
// <script type="application/json" id="prose-en|ko"> (web/src/prose.js reads those first).
//
//   node build_scripts/build-web.mjs [--out dist] [--allow-missing-content]
//   NO_MINIFY=1 node build_scripts/build-web.mjs    readable app.js, for profiling

import { mkdir, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import katex from 'katex';
import { Marked } from 'marked';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const LANGS = ['en', 'ko'];
const COMPARISONS = ['compare-relu-family', 'compare-all'];
// Sections shown inside another one: PReLU is taught with Leaky ReLU, its #prelu anchor kept.
const NESTED = { prelu: 'leaky-relu' };

/** Every content file the page needs, in page order. */
export function contentNames(list) {
  return ['intro', ...list.map((s) => s.slug), ...COMPARISONS];
}

// ---- Markdown with $…$ / $$…$$ TeX

/** A marked instance that typesets TeX with KaTeX and shifts headings under the section's. */
export function createMarkdown({ headingOffset = 0, source = 'content' } = {}) {
  const tex = (text, displayMode) => {
    try {
      return renderTex(text, displayMode);
    } catch (error) {
      throw new Error(`${source}: bad TeX "${text}": ${error.message}`);
    }
  };
  const md = new Marked({ gfm: true });
  md.use({
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src) => src.match(/^ {0,3}\$\$/m)?.index,
        tokenizer(src) {
          const m = /^ {0,3}\$\$([\s\S]+?)\$\$[^\S\n]*(?:\n+|$)/.exec(src);
          return m ? { type: 'mathBlock', raw: m[0], text: m[1].trim() } : undefined;
        },
        renderer: (token) => `<div class="math-display">${tex(token.text, true)}</div>\n`,
      },
      {
        name: 'mathInline',
        level: 'inline',
        start: (src) => src.indexOf('$'),
        tokenizer(src) {
          const m = /^\$\$([^$]+?)\$\$|^\$(?!\s)((?:\\.|[^\\$\n])+?)\$(?!\d)/.exec(src);
          if (!m) return undefined;
          const display = m[1] !== undefined;
          return { type: 'mathInline', raw: m[0], text: (m[1] ?? m[2]).trim(), display };
        },
        renderer: (token) => tex(token.text, token.display),
      },
    ],
    walkTokens(token) {
      if (token.type === 'heading') token.depth = Math.min(6, token.depth + headingOffset);
    },
  });
  return md;
}

// KaTeX writes f' as <msup><mi>f</mi><mo>′</mo></msup>. The prime character is already a
// raised glyph, so without a math font's script variant it ends up twice raised; set after
// the base (like the UI's "f′(x)") it reads right with every font.
const RAISED_PRIME = /<msup>((?:<(m[a-z]+)\b[^>]*>[^<]*<\/\2>)|<mrow>(?:(?!<mrow>)[\s\S])*?<\/mrow>)(<mo\b[^>]*>′+<\/mo>)<\/msup>/g;

// The TeX annotation KaTeX adds inside <semantics> repeats the source; MathML alone is what
// browsers and screen readers read, so it is dropped (about 10% of the rendered content).
export function renderTex(text, displayMode) {
  return katex.renderToString(text, { output: 'mathml', displayMode, throwOnError: true, strict: 'error' })
    .replace(/<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g, '')
    .replace(RAISED_PRIME, '<mrow>$1$3</mrow>');
}

// ---- page

const escapeHtml = (s) => String(s)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function lookup(dict, key) {
  const value = key.split('.').reduce((node, part) => node?.[part], dict);
  if (typeof value !== 'string') throw new Error(`web/i18n/en.json has no string "${key}"`);
  return value;
}

/** An element whose text the page translates at run time; English is written in for no-JS readers. */
const i18n = (tag, key, en, attrs = '') => `<${tag}${attrs} data-i18n="${key}">${escapeHtml(lookup(en, key))}</${tag}>`;

function formulaBlock(spec, en) {
  const rows = [['formula.f', spec.formula], ['formula.df', spec.derivativeFormula]];
  if (spec.parameterDerivativeFormula) rows.push(['formula.dparam', spec.parameterDerivativeFormula]);
  return `<dl class="formulas">${rows.map(([key, tex]) =>
    `<div class="formula">${i18n('dt', key, en)}<dd>${renderTex(tex, true)}</dd></div>`).join('')}</dl>`;
}

// Filled at run time from content-<lang>.js (see web/src/prose.js).
function proseBlock(name, content) {
  return LANGS.some((lang) => content[lang][name] !== undefined) ? `<div class="prose" data-prose="${name}"></div>` : '';
}

function labPlaceholder(id, en, kind) {
  return `<div class="lab lab-${kind}" id="${id}-lab" data-lab="${id}" data-kind="${kind}">`
    + `${i18n('p', 'app.loading', en, ' class="lab-status"')}</div>`;
}

export function sectionHtml(id, { level, en, content, spec, kind, children = '' }) {
  const h = `h${level}`;
  const head = `<${h} id="${id}-title" class="section-title">`
    + `<a class="anchor" href="#${id}" data-i18n="section.${id}">${escapeHtml(lookup(en, `section.${id}`))}</a></${h}>`;
  const formulas = spec ? formulaBlock(spec, en) : '';
  const lab = kind ? labPlaceholder(id, en, kind) : '';
  const cls = `section section-${kind ?? 'text'}${level > 2 ? ' section-nested' : ''}`;
  return `<section id="${id}" class="${cls}" aria-labelledby="${id}-title">${head}`
    + `<div class="section-body">${formulas}${lab}${proseBlock(id, content)}</div>${children}</section>\n`;
}

/** The TOC and every section, from the registry and the rendered content. */
export function renderSections(list, en, content) {
  const parts = [];
  const toc = [];
  const bySlug = new Map(list.map((s) => [s.slug, s]));
  const tocItem = (id) => `<li><a href="#${id}" data-i18n="section.${id}">${escapeHtml(lookup(en, `section.${id}`))}</a></li>`;

  parts.push(sectionHtml('intro', { level: 2, en, content }));
  toc.push(tocItem('intro'));
  for (const spec of list) {
    if (NESTED[spec.slug]) continue;
    const kind = spec.kind === 'vector' ? spec.slug : spec.pieces ? 'maxout' : 'scalar';
    const nested = list.filter((s) => NESTED[s.slug] === spec.slug)
      .map((s) => sectionHtml(s.slug, { level: 3, en, content, spec: s, kind: 'scalar' })).join('');
    parts.push(sectionHtml(spec.slug, { level: 2, en, content, spec, kind, children: nested }));
    toc.push(tocItem(spec.slug));
  }
  for (const id of COMPARISONS) {
    parts.push(sectionHtml(id, { level: 2, en, content, kind: 'compare' }));
    toc.push(tocItem(id));
  }
  parts.push(sectionHtml('summary', { level: 2, en, content: { en: {}, ko: {} }, kind: 'summary' }));
  toc.push(tocItem('summary'));
  for (const child of Object.keys(NESTED)) {
    if (!bySlug.has(child)) throw new Error(`nested section ${child} is not in core.list()`);
  }
  return { sections: parts.join(''), toc: `<ol class="toc-list">${toc.join('')}</ol>` };
}

/** Fill the shell's @-comments. `assets` is the markup for the stylesheet and script. */
export function renderPage(template, { assets, toc, sections }) {
  const fill = (html, name, value) => {
    const marker = `<!-- @${name} -->`;
    if (!html.includes(marker)) throw new Error(`web/index.html lacks ${marker}`);
    return html.replace(marker, () => value);
  };
  return fill(fill(fill(template, 'assets', assets), 'toc', toc), 'sections', sections);
}

// Code blocks and tables scroll sideways on phones; keyboard users can only scroll what
// they can focus (axe: scrollable-region-focusable).
function focusableScrollers(html) {
  return html.replace(/<pre>/g, '<pre tabindex="0">').replace(/<table>/g, '<table tabindex="0">')
    .replace(/<div class="math-display">/g, '<div class="math-display" tabindex="0">');
}

/** Read and render every content file; throws listing the missing ones unless allowed. */
export async function renderContent(names, { allowMissing = false } = {}) {
  const content = { en: {}, ko: {} };
  const missing = [];
  for (const lang of LANGS) {
    for (const name of names) {
      const file = path.join(WEB, 'content', lang, `${name}.md`);
      if (!existsSync(file)) {
        missing.push(path.relative(ROOT, file));
        continue;
      }
      const offset = NESTED[name] ? 1 : 0; // content writes ### for sub-headings of an h2
      const md = createMarkdown({ headingOffset: offset, source: path.relative(ROOT, file) });
      content[lang][name] = focusableScrollers(await md.parse(await readFile(file, 'utf8')));
    }
  }
  if (missing.length && !allowMissing) {
    throw new Error(`missing explanation files:\n  ${missing.join('\n  ')}\n`
      + '(pass --allow-missing-content to build without them while they are being written)');
  }
  if (missing.length) console.warn(`warning: building without ${missing.length} content file(s)`);
  return content;
}

/** The explanations of one language as JSON: { name: html }. */
export function contentJson(prose) {
  return `${JSON.stringify(prose)}\n`;
}

const WASM_FILE = 'activation-core.wasm';
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

const NOSCRIPT_CSS = 'noscript.css';

/** The site's page starts as <html class="booting">: main.js removes it when the core is ready. */
export function markBooting(html) {
  if (!/<html lang="en">/.test(html)) throw new Error('web/index.html must start <html lang="en">');
  return html.replace('<html lang="en">', '<html lang="en" class="booting">');
}

/**
 * Every data-i18n text in the built page must already be its English string: main.js
 * skips translating a first visit in English. Throws naming the first key that is not.
 */
export function checkEnglishShell(html, en) {
  const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
    if (unescape(m[2]) !== lookup(en, m[1])) throw new Error(`the page shell says "${m[2]}" for ${m[1]}, not its English string`);
  }
  for (const m of html.matchAll(/<[^>]*\sdata-i18n-attr="([^"]+)"[^>]*>/g)) {
    for (const pair of m[1].split(';')) {
      const [attr, key] = pair.split(':').map((x) => x.trim());
      const value = m[0].match(new RegExp(`\\s${attr}="([^"]*)"`))?.[1];
      if (value === undefined || unescape(value) !== lookup(en, key)) throw new Error(`the page shell's ${attr} for ${key} is not its English string`);
    }
  }
  return html;
}

/**
 * Bundle the page scripts and stylesheet: { scripts: { name: text }, css }. Two entries
 * share one chunk (the core and its glue above all): core-boot.js, tiny, starts the wasm and
 * the explanations as soon as the page is parsed, while app.js (Chart.js and the page) is
 * still downloading.
 */
export async function bundleAssets() {
  const common = { bundle: true, minify: !process.env.NO_MINIFY, write: false, logLevel: 'warning', legalComments: 'eof' };
  const js = await esbuild.build({
    ...common,
    entryPoints: { app: path.join(WEB, 'src', 'main.js'), [CORE_BOOT.replace(/\.js$/, '')]: path.join(WEB, 'src', 'boot.js') },
    splitting: true,
    chunkNames: 'core-[hash]',
    format: 'esm',
    target: ['es2022'],
    outdir: 'out',
  });
  const css = await esbuild.build({
    ...common,
    entryPoints: [path.join(WEB, 'styles', 'main.css')],
    outfile: 'styles.css',
  });
  const scripts = Object.fromEntries(js.outputFiles.map((f) => [path.basename(f.path), f.text]));
  if (!scripts['app.js'] || !scripts[CORE_BOOT]) throw new Error(`unexpected bundle files: ${Object.keys(scripts).join(', ')}`);
  return { scripts, css: css.outputFiles[0].text };
}

const CORE_BOOT = 'core-boot.js';

/** The scripts with the wasm taken out of the one that carries it: { scripts, wasm }. */
export function externaliseWasmIn(scripts) {
  const carriers = Object.keys(scripts).filter((name) => scripts[name].includes('data:application/octet-stream;base64,'));
  if (carriers.length !== 1) throw new Error(`expected the wasm in one script, found it in ${carriers.length}`);
  const { js, wasm } = externaliseWasm(scripts[carriers[0]]);
  return { scripts: { ...scripts, [carriers[0]]: js }, wasm, carrier: carriers[0] };
}

export async function buildWeb({ outDir = path.join(ROOT, 'dist'), allowMissingContent = false } = {}) {
  const { loadCore } = await import(pathToFileURL(path.join(WEB, 'src', 'core.js')).href);
  const core = await loadCore();
  const list = core.list();
  const en = JSON.parse(await readFile(path.join(WEB, 'i18n', 'en.json'), 'utf8'));
  const content = await renderContent(contentNames(list), { allowMissing: allowMissingContent });
  const { sections, toc } = renderSections(list, en, content);
  const template = await readFile(path.join(WEB, 'index.html'), 'utf8');
  const bundle = await bundleAssets();
  const { scripts, wasm, carrier } = externaliseWasmIn(bundle.scripts);
  if (/<\/style/i.test(bundle.css)) throw new Error('the stylesheet contains "</style"');
  const assets = [
    // Inline (allowed by its hash in the CSP, build-share.mjs): with a separate file the
    // first render waited for it and then ran just as app.js arrived, delaying the chart.
    `<style>${bundle.css}</style>`,
    // The sections wait for the script (see "booting" in layout.css); without one, they must not.
    `<noscript><link rel="stylesheet" href="./${NOSCRIPT_CSS}"></noscript>`,
    // Fetch the core and its glue at once; core-boot.js compiles it (and asks for the
    // explanations) while app.js downloads.
    `<link rel="preload" href="./${WASM_FILE}" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="modulepreload" href="./${carrier}">`,
    `<script type="module" src="./${CORE_BOOT}"></script>`,
    '<script type="module" src="./app.js"></script>',
  ].join('\n  ');
  const html = checkEnglishShell(markBooting(renderPage(template, { assets, toc, sections })), en);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files = {
    'index.html': html,
    ...scripts,
    [WASM_FILE]: wasm,
    'styles.css': bundle.css,
    // The same selector as layout.css's "booting" rule, so this later one wins.
    // Without a script the language toggle could do nothing, so it stays out of the way.
    [NOSCRIPT_CSS]: 'html.booting main > .section:not(.ready) { content-visibility: auto; animation: none; }\n'
      + 'html.booting .lang-toggle { display: none; }\n',
    ...Object.fromEntries(LANGS.map((lang) => [`content-${lang}.json`, contentJson(content[lang])])),
  };
  for (const [name, data] of Object.entries(files)) await writeFile(path.join(outDir, name), data);
  // Issue 4: the CSP, embed.html and the single file (build_scripts/build-share.mjs).
  const { buildShareFiles } = await import('./build-share.mjs');
  Object.assign(files, await buildShareFiles({ outDir, list, en, content }));
  // What one visit downloads: everything but the other language's explanations.
  const firstView = ['index.html', ...Object.keys(scripts), WASM_FILE, 'content-en.json'];
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
  for (const f of files) console.log(`  ${f.name.padEnd(22)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzip).padStart(8)}`);
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
