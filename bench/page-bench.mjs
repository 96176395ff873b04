#!/usr/bin/env node
// Page benchmark, desktop (part of `npm run bench`; a measurement, not a test: misses print
// MISS and the exit code stays 0). In headless Debian Chromium on 127.0.0.1, 1280×800, no
// network or CPU throttling (bench/phone-bench.mjs is the phone profile). The explorer's
// pages are the English and Korean pages of dist/ (page-kit.mjs's pagePaths: --en / --ko,
// default the root and ko/ or index.html?lang=ko).
//
//  1. First chart painted: time from navigation start to the first frame after the first
//     data curve is stroked on a canvas, for the explorer's English page and for the bare
//     page (bench/bare/: Chart.js + plain JS drawing one function and its derivative), both
//     served by build_scripts/serve.mjs from one directory. Cold loads (a fresh browser
//     context each, so no HTTP or code cache), interleaved, medians and their ratio, with the
//     ratio's spread (lowest explorer / highest bare … highest / lowest). Target ≤ 1.2.
//     "Painted" is defined the same way for both pages by page-kit.mjs's paintProbe, an init
//     script: it counts lineTo calls per path (on the context and on Path2D objects) and, at
//     the first stroke() of a path with ≥ 32 segments (a curve, not a grid line), records the
//     time and the time of the next requestAnimationFrame callback, i.e. the start of the
//     frame after the one that drew the curve.
//  2. Slider input → repaint, over ~200 moves of a parameter slider: the first parameter of
//     the registry's first scalar function that has a parameter and a kink at its defaults
//     (Leaky ReLU's α today), so a move redraws f, f′ and the corner points. Each move
//     is dispatched as an `input` event at a frame start. "work" = the input handler's time
//     plus, in the next frame, the time from the first rAF callback to the end of that
//     frame's rendering (the page's coalesced chart update, style, layout, paint), measured
//     with a rAF registered before the event, one after it, and a message posted from the
//     latter (it runs once the frame's rendering is done). "wall" = from the event to that
//     point, which includes waiting for the next vsync (up to a frame at 60 Hz) and is shown
//     for information. Target: work p95 ≤ 8 ms.
//     The slider's id comes from the registry (`<slug>-<param>-slider`) and it is timed on
//     the English page.
//  3. First-view transfer size: every response of a first visit at 1280×800 (no scrolling),
//     until the network has been quiet for 1.5 s, as transferred (the server gzips what is
//     compressible, as a real host would). Target ≤ 150 KB, for each language: the English
//     page with an en-US browser, the Korean page with a ko-KR one.
//
//   node bench/page-bench.mjs [--runs 15] [--moves 200] [--en PATH] [--ko PATH] [--json]
//
// --json prints the results as JSON on stdout (progress goes to stderr).

import { rm } from 'node:fs/promises';
import { loadavg, cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launchBrowser, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { startServer } from '../build_scripts/serve.mjs';
import { loadCore } from '../web/src/core/core.js';
import {
  pagePaths, prepareSite, paintProbe, BARE_PATH, LOCALES, median, summary, ratio, ms, kb, verdict,
} from './page-kit.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const TARGETS = { ratio: 1.2, sliderP95: 8, transferKB: 150 };

function parseArgs(argv) {
  const opts = { runs: 15, moves: 200, json: false, en: undefined, ko: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--moves') opts.moves = Number(argv[++i]);
    else if (a === '--en') opts.en = argv[++i];
    else if (a === '--ko') opts.ko = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/page-bench.mjs [--runs 15] [--moves 200] [--en PATH] [--ko PATH] [--json]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.runs >= 1 && opts.moves >= 10)) throw new Error('--runs must be ≥ 1 and --moves ≥ 10');
  return opts;
}

const log = (...args) => console.error(...args);

// ---- 1. first chart painted

async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 });
  try {
    await context.addInitScript(paintProbe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__pageBench?.paintedAt != null, null, { timeout: 30000, polling: 50 });
    const m = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        painted: window.__pageBench.paintedAt,
        drawn: window.__pageBench.firstCurveAt,
        canvas: window.__pageBench.canvas,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        fcp: fcp?.startTime ?? null,
        // Where the time goes: the page's own performance marks and when each file arrived.
        timeline: Object.fromEntries([
          ...performance.getEntriesByType('resource').map((r) => [`${new URL(r.name).pathname.split('/').pop() || '/'} loaded`, r.responseEnd]),
          ...performance.getEntriesByType('mark').filter((e) => e.name !== 'first-chart-painted').map((e) => [`mark "${e.name}"`, e.startTime]),
          ['html loaded', nav?.responseEnd ?? null],
          ['DOMContentLoaded', nav?.domContentLoadedEventEnd ?? null],
        ].filter(([, v]) => v != null)),
      };
    });
    if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
    return m;
  } finally {
    await context.close();
  }
}

async function firstChart(browser, base, runs, enPath) {
  const pages = { bare: new URL(BARE_PATH, base).href, explorer: new URL(enPath, base).href };
  const results = { bare: [], explorer: [] };
  log(`first chart painted: ${runs} cold loads of each page, interleaved (plus one warm-up each)`);
  for (let round = -1; round < runs; round += 1) {
    // Alternate which page goes first so neither always follows the other.
    const order = round % 2 === 0 ? ['bare', 'explorer'] : ['explorer', 'bare'];
    for (const name of order) {
      const m = await coldLoad(browser, pages[name]);
      if (round >= 0) results[name].push(m);
    }
    if (round >= 0) process.stderr.write(`  ${round + 1}/${runs}\r`);
  }
  process.stderr.write('\n');
  const stats = (name, key) => summary(results[name].map((m) => m[key]).filter((v) => v != null));
  const out = {};
  for (const name of ['bare', 'explorer']) {
    out[name] = {
      painted: stats(name, 'painted'),
      drawn: stats(name, 'drawn'),
      fcp: stats(name, 'fcp'),
      domContentLoaded: stats(name, 'domContentLoaded'),
      firstCanvas: [...new Set(results[name].map((m) => m.canvas))],
      runs: results[name].map((m) => Math.round(m.painted * 10) / 10),
    };
  }
  const paintedTimes = (name) => results[name].map((m) => m.painted);
  out.ratioSpread = ratio(paintedTimes('explorer'), paintedTimes('bare'));
  out.ratio = out.ratioSpread.median;
  for (const name of ['bare', 'explorer']) {
    const keys = [...new Set(results[name].flatMap((m) => Object.keys(m.timeline)))];
    out[name].timeline = Object.fromEntries(keys
      .map((k) => [k, median(results[name].map((m) => m.timeline[k]).filter((v) => v != null))])
      .sort((a, b) => a[1] - b[1]));
  }
  return out;
}

// ---- 2. slider input → repaint

/** The slider timed (see the header) and its chart: { sliderId, chartId }. */
export async function timedSlider() {
  const core = await loadCore();
  const spec = core.list().find((f) => f.kind === 'scalar' && f.params.length && f.properties.nonDifferentiableAt.length);
  if (!spec) throw new Error('no scalar function with a parameter and a kink to time a slider on');
  return { sectionId: spec.slug, sliderId: `${spec.slug}-${spec.params[0].name}-slider`, chartId: `${spec.slug}-chart` };
}

async function sliderLatency(browser, url, moves, { sectionId, sliderId, chartId }) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url);
    // A section's chart and controls are built when it comes near (the HTML holds only its
    // text), and sections above may still change height (content-visibility placeholders
    // becoming real), so scroll to the section, then to the chart, until the chart exists.
    await page.waitForFunction(({ section, chart }) => {
      (document.getElementById(chart) ?? document.getElementById(section))?.scrollIntoView({ block: 'center' });
      return Boolean(window.activationExplorer?.chart(chart));
    }, { section: sectionId, chart: chartId }, { polling: 100, timeout: 15000 });
    await page.waitForTimeout(300);
    log(`slider → repaint: ${moves} moves of #${sliderId} (after 20 warm-up moves)`);
    return await page.evaluate(async ({ id, count }) => {
      const slider = document.getElementById(id);
      const min = Number(slider.min);
      const max = Number(slider.max);
      const step = Number(slider.step) || (max - min) / 100;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const afterRendering = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
      const positions = Math.max(2, Math.round((max - min) / step));
      const valueAt = (i) => {
        // Sweep up and down the whole range, one slider step at a time, never repeating a value.
        const k = i % (2 * positions);
        const p = k < positions ? k + 1 : 2 * positions - k - 1;
        return String(min + Math.min(positions, p) * step);
      };
      const one = (i) => new Promise((resolve) => {
        requestAnimationFrame(() => {
          // At a frame start: a rAF for the start of the next frame, the event, a rAF after the page's.
          let nextFrameStart = 0;
          requestAnimationFrame(() => { nextFrameStart = performance.now(); });
          const t0 = performance.now();
          slider.value = valueAt(i);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          const t1 = performance.now();
          requestAnimationFrame(() => {
            afterRendering().then((done) => resolve({ handler: t1 - t0, frameWork: done - nextFrameStart, wall: done - t0 }));
          });
        });
      });
      for (let i = 0; i < 20; i += 1) await one(i);
      const samples = [];
      for (let i = 0; i < count; i += 1) samples.push(await one(i + 20));
      await frame();
      const box = document.getElementById(id.replace(/-slider$/, '-input'));
      return { samples, finalValue: slider.value, boxValue: box?.value ?? null };
    }, { id: sliderId, count: moves });
  } finally {
    await context.close();
  }
}

// ---- 3. first-view transfer size

async function transfer(browser, url, locale) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const requests = [];
    let last = Date.now();
    page.on('request', () => { last = Date.now(); });
    page.on('requestfinished', async (request) => {
      last = Date.now();
      requests.push((async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        const headers = await response.allHeaders();
        return {
          url: request.url(),
          status: response.status(),
          encoding: headers['content-encoding'] ?? '',
          transferred: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
          bytes: Number(headers['content-length'] ?? sizes.responseBodySize),
        };
      })());
    });
    await page.goto(url, { waitUntil: 'load' });
    while (Date.now() - last < 1500) await page.waitForTimeout(250);
    const rows = await Promise.all(requests);
    const origin = new URL(url).origin;
    for (const r of rows) r.name = r.url.startsWith(origin) ? new URL(r.url).pathname : r.url;
    return { rows, total: rows.reduce((s, r) => s + r.transferred, 0) };
  } finally {
    await context.close();
  }
}

// ---- report


function report(r) {
  const lines = [];
  const fc = r.firstChart;
  lines.push(`Page benchmark — headless Chromium ${r.browserVersion}, ${VIEWPORT.width}×${VIEWPORT.height}, 127.0.0.1, ${r.cpus} CPUs`);
  lines.push(`pages: en /${r.pages.en}, ko /${r.pages.ko}, bare /${BARE_PATH}`);
  if (r.busy) lines.push(`warning: load average ${r.load.map((v) => v.toFixed(2)).join(' ')} on ${r.cpus} CPUs: the machine was busy; times are unreliable (the ratio less so)`);
  lines.push('');
  lines.push(`1. First chart painted (${fc.bare.painted.n} cold loads each, interleaved)`);
  lines.push('                     painted: median      min      max    | curve drawn   FCP       first canvas');
  for (const name of ['bare', 'explorer']) {
    const s = fc[name];
    lines.push(`   ${(name === 'bare' ? 'bare page' : 'explorer').padEnd(16)} ${ms(s.painted.median).padStart(15)} ${ms(s.painted.min).padStart(8)} ${ms(s.painted.max).padStart(8)}    | ${ms(s.drawn.median).padStart(9)}  ${ms(s.fcp.median).padStart(8)}   ${s.firstCanvas.join(', ')}`);
  }
  lines.push(`   ratio explorer / bare: ${fc.ratio.toFixed(2)} (spread ${fc.ratioSpread.min.toFixed(2)}–${fc.ratioSpread.max.toFixed(2)})   (target ≤ ${TARGETS.ratio})`);
  for (const name of ['bare', 'explorer']) {
    const steps = Object.entries(fc[name].timeline).map(([k, v]) => `${k} ${Math.round(v)}`);
    lines.push(`   ${name} timeline (medians, ms): ${steps.join(' → ')} → painted ${Math.round(fc[name].painted.median)}`);
  }
  lines.push('');
  const sl = r.slider;
  lines.push(`2. Slider input → repaint (#${sl.slider}, ${sl.work.n} moves)`);
  lines.push('                                   p50        p95        max');
  lines.push(`   work (handler + next frame)  ${ms(sl.work.median).padStart(8)}   ${ms(sl.work.p95).padStart(8)}   ${ms(sl.work.max).padStart(8)}   (target p95 ≤ ${TARGETS.sliderP95} ms)`);
  lines.push(`     of which input handler     ${ms(sl.handler.median).padStart(8)}   ${ms(sl.handler.p95).padStart(8)}   ${ms(sl.handler.max).padStart(8)}`);
  lines.push(`   wall (incl. wait for vsync)  ${ms(sl.wall.median).padStart(8)}   ${ms(sl.wall.p95).padStart(8)}   ${ms(sl.wall.max).padStart(8)}   (information)`);
  lines.push('');
  lines.push('3. First-view transfer (as served, gzip where compressible)');
  for (const [name, t] of Object.entries(r.transfer)) {
    lines.push(`   ${name.padEnd(12)} ${kb(t.total).padStart(9)}  in ${t.rows.length} responses`);
    for (const row of t.rows) {
      lines.push(`      ${row.name.padEnd(28)} ${kb(row.transferred).padStart(9)}  ${row.encoding || 'identity'}  ${row.status}`);
    }
  }
  lines.push('');
  for (const v of r.verdicts) lines.push(`${verdict(v.ok)} ${v.what}`);
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = await prepareSite();
  const server = await startServer({ dir });
  const browser = await launchBrowser();
  try {
    const base = server.url;
    const pages = pagePaths(opts, dir);
    const firstChartResult = await firstChart(browser, base, opts.runs, pages.en);
    const timed = await timedSlider();
    const slider = await sliderLatency(browser, new URL(pages.en, base).href, opts.moves, timed);
    if (slider.boxValue === null || Number(slider.boxValue) !== Number(slider.finalValue)) {
      throw new Error(`the slider did not drive the page (slider ${slider.finalValue}, number box ${slider.boxValue})`);
    }
    log('first-view transfer sizes');
    const transferResult = {
      'explorer en': await transfer(browser, new URL(pages.en, base).href, LOCALES.en),
      'explorer ko': await transfer(browser, new URL(pages.ko, base).href, LOCALES.ko),
      'bare page': await transfer(browser, new URL(BARE_PATH, base).href, LOCALES.en),
    };
    const pick = (key) => summary(slider.samples.map((s) => s[key]));
    const sliderResult = {
      slider: timed.sliderId,
      work: summary(slider.samples.map((s) => s.handler + s.frameWork)),
      handler: pick('handler'),
      frameWork: pick('frameWork'),
      wall: pick('wall'),
    };
    const load = loadavg();
    const result = {
      browserVersion: browser.version(),
      chromiumArgs: CHROMIUM_ARGS,
      cpus: cpus().length,
      load,
      busy: load[0] > cpus().length * 0.75,
      pages,
      firstChart: firstChartResult,
      slider: sliderResult,
      transfer: transferResult,
      targets: TARGETS,
    };
    const worstTransfer = Math.max(transferResult['explorer en'].total, transferResult['explorer ko'].total);
    result.verdicts = [
      { ok: firstChartResult.ratio <= TARGETS.ratio, what: `first chart painted: explorer ${ms(firstChartResult.explorer.painted.median)} vs bare ${ms(firstChartResult.bare.painted.median)}, ratio ${firstChartResult.ratio.toFixed(2)} (spread ${firstChartResult.ratioSpread.min.toFixed(2)}–${firstChartResult.ratioSpread.max.toFixed(2)}; target ≤ ${TARGETS.ratio})` },
      { ok: sliderResult.work.p95 <= TARGETS.sliderP95, what: `slider input → repaint p95 ${ms(sliderResult.work.p95)} (p50 ${ms(sliderResult.work.median)}; target p95 ≤ ${TARGETS.sliderP95} ms)` },
      { ok: worstTransfer <= TARGETS.transferKB * 1024, what: `first-view transfer ${kb(transferResult['explorer en'].total)} (en), ${kb(transferResult['explorer ko'].total)} (ko) (target ≤ ${TARGETS.transferKB} KB)` },
    ];
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(report(result));
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Run when started as a script (not when another benchmark imports timedSlider).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`page-bench: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
