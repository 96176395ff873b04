// The browser-test harness shared by every tests/e2e/*.test.mjs file: a server for dist/ on a free port, Debian's Chromium launched once per file, pages that
// record console errors, page errors and failed requests (asserted empty when the page
// closes), and helpers to read what a Chart.js chart actually plots.
//
//   const site = useSite();                 // registers before/after hooks for this file
//   test('…', async () => {
//     const { page, close } = await site.open({ locale: 'ko-KR' });
//     …
//     await close();                        // fails the test on any console error or failed request
//   });
//
// Charts are read through the page's test hook (web/TESTING.md):
// `window.activationExplorer.chart(canvasId)` returns the Chart.js instance. If a page has no
// hook, `Chart.getChart(canvas)` is tried, and `openPage(…, { captureCharts: true })` can catch
// every Chart as it is constructed (a one-shot setter for the `_hiddenIndices` property that
// Chart's constructor assigns), without the page's help.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, AXE_PATH, DESKTOP, launchBrowser, startSite } from './browser.mjs';

export {
  ROOT, DIST, SCREENSHOTS, AXE_PATH, CHROMIUM_PATH, CHROMIUM_ARGS, DESKTOP, PHONE, launchBrowser, startSite, startHost,
} from './browser.mjs';

// ---- in-page instrumentation

/** Opt-in init script: collects every Chart.js instance into window.__e2eCharts. */
export function chartCaptureScript() {
  const charts = [];
  Object.defineProperty(window, '__e2eCharts', { value: charts, configurable: true });
  Object.defineProperty(Object.prototype, '_hiddenIndices', {
    configurable: true,
    enumerable: false,
    get() { return undefined; },
    set(value) {
      Object.defineProperty(this, '_hiddenIndices', { value, writable: true, configurable: true, enumerable: true });
      if (this && typeof this === 'object' && 'canvas' in this && 'config' in this) charts.push(this);
    },
  });
}

// Page-side helpers: find an element's chart; scroll an element into view and keep it there
// while the layout settles (sections with content-visibility: auto change height as they
// are first rendered, which moves everything below them).
export const PAGE_HELPERS = () => {
  if (window.__e2e) return;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  window.__e2e = {
    chartOf(canvas) {
      if (!canvas) return undefined;
      return window.activationExplorer?.chart?.(canvas.id) ?? window.Chart?.getChart?.(canvas)
        ?? [...(window.__e2eCharts ?? [])].reverse().find((c) => c.canvas === canvas);
    },
    // A line chart's curves (drawn by the page's own plugin), or a bar chart's datasets.
    seriesOf(chart) {
      return chart.$curves ?? chart.data.datasets;
    },
    hasData(canvas) {
      const chart = window.__e2e.chartOf(canvas);
      return Boolean(chart && window.__e2e.seriesOf(chart).some((d) => !d.hidden && d.data.length > 0));
    },
    async settleInView(el, tries = 20) {
      for (let i = 0; i < tries; i += 1) {
        el.scrollIntoView({ block: 'center' });
        await frame();
        await frame();
        const r = el.getBoundingClientRect();
        if (r.top >= 0 && r.bottom <= innerHeight) return true;
        if (r.height > innerHeight && r.top <= 0 && r.bottom >= innerHeight) return true;
      }
      return false;
    },
  };
};

/**
 * A page with problem collectors. Options: viewport, locale (drives the page's default
 * language), colorScheme, initScripts (functions or { path }), route(context) to set up
 * request routing before the first request, captureCharts (see the top of this file).
 */
export async function openPage(browser, url, {
  viewport = DESKTOP, locale = 'en-US', colorScheme = 'light', initScripts = [], goto = true, route, captureCharts = false,
} = {}) {
  const context = await browser.newContext({ viewport, locale, colorScheme, deviceScaleFactor: 1 });
  await context.addInitScript(PAGE_HELPERS);
  if (captureCharts) await context.addInitScript(chartCaptureScript);
  for (const script of initScripts) await context.addInitScript(script);
  if (route) await route(context);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push({ kind: 'console.error', text: msg.text(), where: msg.location()?.url });
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: String(error?.stack ?? error) }));
  // A page that moves on mid-load (the language redirect, a click on a link) aborts what it
  // was still loading: not a problem of the page, so only aborts within one document count.
  let documents = 0;
  const askedIn = new WeakMap();
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) documents += 1; });
  page.on('request', (request) => askedIn.set(request, documents));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    if (error === 'net::ERR_ABORTED' && documents > (askedIn.get(request) ?? documents)) return;
    problems.push({ kind: 'requestfailed', text: `${request.method()} ${request.url()}: ${error}` });
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push({ kind: 'http', text: `${response.status()} ${response.url()}` });
  });
  if (goto) await page.goto(url);
  return {
    page,
    context,
    problems,
    /**
     * Close the context and assert nothing went wrong. `allow(problem)` may excuse a
     * problem a test caused on purpose.
     */
    async close({ allow = () => false } = {}) {
      await context.close();
      const left = problems.filter((p) => !allow(p));
      assert.deepEqual(left, [], `the page reported problems:\n${left.map((p) => `  ${p.kind}: ${p.text}`).join('\n')}`);
    },
  };
}

/**
 * Hooks for one test file: a server and a browser shared by the file's tests.
 * Returns { url, browser, open(options) } (url and browser are valid inside tests).
 */
export function useSite({ dir } = {}) {
  const site = {
    url: '',
    server: null,
    browser: null,
    /** Open `path` (default the page) and wait until it is ready. */
    async open({ path: rel = '', ready = true, ...options } = {}) {
      const opened = await openPage(site.browser, new URL(rel, site.url).href, options);
      if (ready) await waitForReady(opened.page);
      return opened;
    },
  };
  before(async () => {
    site.server = await startSite({ dir });
    site.url = site.server.url;
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

// ---- page state

/**
 * The page has drawn its first lab (or shown the core failure) and shows its explanations.
 * Labs below the first screen mount as they come near; with `mountAll` (the default) every
 * lab is mounted at once through the page's hook, for tests that use any section.
 */
export async function waitForReady(page, { timeout = 15000, mountAll = true } = {}) {
  await page.waitForFunction(() => {
    const failed = document.getElementById('core-error');
    const first = document.querySelector('[data-lab]');
    const drawn = (first && 'mounted' in first.dataset) || (failed && !failed.hidden);
    const prose = [...document.querySelectorAll('[data-prose]')];
    return drawn && prose.length > 0 && prose.every((el) => el.childElementCount > 0);
  }, null, { timeout });
  if (mountAll) {
    await page.evaluate(() => window.activationExplorer?.mountAll?.());
  }
}

/** Resolve after `n` animation frames (the page coalesces updates to one per frame). */
export function frames(page, n = 2) {
  return page.evaluate((count) => new Promise((resolve) => {
    let left = count;
    const step = () => { left -= 1; if (left <= 0) resolve(); else requestAnimationFrame(step); };
    requestAnimationFrame(step);
  }), n);
}

/**
 * What the chart on `canvasSelector` plots: axis limits, labels and every dataset's points.
 * Line data come back as [x, y] pairs (NaN kept), bar data as numbers. null if no chart yet.
 */
export function readChart(page, canvasSelector) {
  return page.evaluate((selector) => {
    const chart = window.__e2e.chartOf(document.querySelector(selector));
    if (!chart) return null;
    const { x, y } = chart.scales ?? {};
    return {
      type: chart.config.type,
      xMin: x?.min,
      xMax: x?.max,
      yMin: y?.min,
      yMax: y?.max,
      chartArea: chart.chartArea && { ...chart.chartArea },
      labels: chart.data.labels ? [...chart.data.labels] : null,
      datasets: window.__e2e.seriesOf(chart).map((d, i) => ({
        index: i,
        label: d.label,
        hidden: Boolean(d.hidden) || (!chart.$curves && !chart.isDatasetVisible(i)),
        borderDash: d.borderDash ? [...d.borderDash] : [],
        data: d.data.map((p) => (typeof p === 'object' && p !== null ? [p.x, p.y] : p)),
      })),
    };
  }, canvasSelector);
}

/** Scroll the element into view and wait until its chart exists and plots something. */
export async function waitForChart(page, canvasSelector, { timeout = 10000 } = {}) {
  const inView = await page.evaluate((selector) => window.__e2e.settleInView(document.querySelector(selector)), canvasSelector);
  assert.ok(inView, `${canvasSelector} could not be scrolled into view (the layout keeps moving)`);
  await page.waitForFunction((selector) => window.__e2e.hasData(document.querySelector(selector)), canvasSelector, { timeout });
  await frames(page, 2);
  return readChart(page, canvasSelector);
}

/** Scroll through the whole page so every lazily built chart exists, then back to the top. */
export async function buildAllCharts(page, { timeout = 20000 } = {}) {
  const canvases = await page.evaluate(async () => {
    const els = [...document.querySelectorAll('[data-lab] canvas')];
    for (let pass = 0; pass < 3 && !els.every((el) => window.__e2e.hasData(el)); pass += 1) {
      for (const el of els) if (!window.__e2e.hasData(el)) await window.__e2e.settleInView(el, 3);
    }
    return els.map((el) => `#${CSS.escape(el.id)}`);
  });
  await page.waitForFunction((selectors) => selectors.every((s) => window.__e2e.hasData(document.querySelector(s))), canvases, { timeout });
  await page.evaluate(() => window.scrollTo(0, 0));
  await frames(page, 2);
  return canvases;
}

/** The dataset with this label, or a clear failure. */
export function dataset(chart, label) {
  const found = chart.datasets.find((d) => d.label === label);
  assert.ok(found, `no dataset "${label}" (have: ${chart.datasets.map((d) => d.label).join(', ')})`);
  return found;
}

// ---- expected values from the core, in Node

let corePromise = null;
/** web/src/core/core.js loaded in Node: the same wasm the page runs. */
export function nodeCore() {
  corePromise ??= import(pathToFileURL(path.join(ROOT, 'web', 'src', 'core', 'core.js')).href).then((m) => m.loadCore());
  return corePromise;
}

/** The page's own number formatting, for comparing readouts and tables. */
export async function pageFormat() {
  return import(pathToFileURL(path.join(ROOT, 'web', 'src', 'text', 'format.js')).href);
}

export const TOLERANCE = 1e-12;

/** |actual − expected| ≤ tol·max(1, |expected|); identical non-finite values also match. */
export function close(actual, expected, tol = TOLERANCE) {
  if (Object.is(actual, expected)) return true;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

/** About `count` indices spread over 0…length−1, ends included. */
export function spreadIndices(length, count = 9) {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1))))];
}

/**
 * Check sampled points of a line dataset against `expected(xs) → Float64Array`.
 * NaN is accepted only at `gapsAt` (jumps the page breaks the line at). Returns messages.
 */
export function comparePoints(data, expected, { gapsAt = [], what = 'dataset', count = 9 } = {}) {
  const problems = [];
  const finite = data.filter(([, y]) => !Number.isNaN(y));
  for (const [x, y] of data) {
    if (!Number.isFinite(x)) problems.push(`${what}: non-finite x ${x}`);
    if (Number.isNaN(y) && !gapsAt.some((g) => Math.abs(g - x) < 1e-9)) problems.push(`${what}: NaN at x = ${x}`);
    if (!Number.isNaN(y) && !Number.isFinite(y)) problems.push(`${what}: ${y} at x = ${x}`);
  }
  if (finite.length < 2) problems.push(`${what}: only ${finite.length} plotted point(s)`);
  const picks = spreadIndices(finite.length, count).map((i) => finite[i]);
  const want = expected(picks.map(([x]) => x));
  picks.forEach(([x, y], i) => {
    if (!close(y, want[i])) problems.push(`${what}: at x = ${x} the chart has ${y}, core.js says ${want[i]}`);
  });
  return problems;
}

// ---- text

/** Turn the page's formatted numbers (real minus sign, ∞) back into numbers. */
export function parseShown(text) {
  const t = String(text).trim().replaceAll('\u2212', '-');
  if (t === '∞') return Infinity;
  if (t === '-∞') return -Infinity;
  return Number(t);
}

/**
 * Every visible string on the page, grouped by block (p, li, button, label…), without the
 * contents of math (except words in <mtext>), code and pre, plus the visible elements' aria-label/title/placeholder/alt
 * and the document title. Returns [{ text, where, lang }] with `lang` the element's language.
 */
export function visibleStrings(page) {
  return page.evaluate(() => {
    const SKIP = 'math, code, pre, kbd, samp, script, style, noscript, svg, template';
    const BLOCK = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, label, button, legend, summary, caption, '
      + 'figcaption, output, blockquote, option, a, span[data-i18n], div';
    const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const blocks = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent.trim() || parent.closest(SKIP) || !shown(parent)) continue;
      const block = parent.closest(BLOCK) ?? parent;
      if (!blocks.has(block)) blocks.set(block, []);
      blocks.get(block).push(node.textContent);
    }
    const out = [];
    for (const [el, parts] of blocks) {
      const text = parts.join('').replace(/\s+/g, ' ').trim();
      if (text) out.push({ text, where: describe(el), lang: el.closest('[lang]')?.lang ?? '' });
    }
    // Words inside formulas (\\text{…} becomes <mtext>) are strings too.
    for (const el of document.body.querySelectorAll('math mtext')) {
      const text = el.textContent.replace(/\s+/g, ' ').trim();
      if (/\p{L}{2,}/u.test(text) && shown(el)) out.push({ text, where: 'math mtext', lang: el.closest('[lang]')?.lang ?? '' });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (el.closest(SKIP) || !(shown(el) || el.tagName === 'CANVAS')) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push({ text: value, where: `${describe(el)}[${attr}]`, lang: el.closest('[lang]')?.lang ?? '' });
      }
    }
    out.push({ text: document.title, where: 'title', lang: document.documentElement.lang });
    return out;
  });
}

let axeSource = null;

/** Inject axe-core and run it; returns the violations (optionally only some impacts). */
export async function runAxe(page, { impacts = ['minor', 'moderate', 'serious', 'critical'] } = {}) {
  // Evaluated through DevTools rather than added as a <script>: the page's CSP forbids that.
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // td-has-header is off by default in axe and on in Lighthouse, which runs axe too.
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'td-has-header': { enabled: true } } });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => impacts.includes(v.impact));
}

/** A readable list of axe violations for assertion messages. */
export function formatViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n`
    + v.nodes.slice(0, 8).map((n) => `    ${n.target}\n      ${n.summary?.replace(/\n/g, '\n      ')}`).join('\n')
    + (v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '')).join('\n');
}
