#!/usr/bin/env node
// Page benchmark, phone profile (part of `npm run bench`; a measurement, not a test: misses
// print MISS and the exit code stays 0).
//
// Cold loads (a fresh browser context each: no HTTP, code or font cache) in headless Debian
// Chromium of three pages served gzipped by build_scripts/serve.mjs from one directory on
// 127.0.0.1: the bare page (bench/bare/: Chart.js + plain JS drawing sigmoid and its
// derivative), the explorer's English page and its Korean page (page-kit.mjs's pagePaths:
// --en / --ko, default the root and ko/ or index.html?lang=ko), interleaved (the order
// rotates every round), one unrecorded warm-up load of each, then --runs rounds (default 5).
//
// The phone: a 390×844 CSS px viewport at device scale factor 3 (what a 390×844 phone has;
// --dpr), mobile and touch emulation, the browser locale of the page's language, and through
// the page's own DevTools session, set before it navigates:
//   Network.emulateNetworkConditions  latency 150 ms (added by DevTools to every request, not
//                                     per TCP round trip), download 1.6 Mbit/s (200,000 B/s),
//                                     upload 750 kbit/s (93,750 B/s)
//   Emulation.setCPUThrottlingRate    rate 4 (the renderer's main thread runs at a quarter of
//                                     the machine's speed; --cpu 1 turns it off)
//
// Measured in each load, in ms from navigation start (performance.now() in the page):
//   FCP           the 'first-contentful-paint' entry (PerformanceObserver 'paint', buffered).
//   LCP           the last 'largest-contentful-paint' candidate (PerformanceObserver,
//                 buffered) before the first user input or the end of the load, whichever
//                 comes first. Nothing here gives input; the end of the load is: the load
//                 event has fired, the first chart has been painted, and for 1 s no request has
//                 been in flight, no long task has run and no new candidate has appeared. For the candidate: its
//                 element's tag name, and whether it is text: the entry has no url (not an
//                 image) and the element is not img/video/canvas/svg and has text content. An
//                 element already gone from the DOM when the observer ran is recorded as such
//                 and is not text.
//   first chart   "first chart painted" exactly as the desktop benchmark defines it (page-kit's
//                 paintProbe): the next animation frame after the first stroke() of a canvas
//                 path with ≥ 32 segments.
// and, for information, DOMContentLoaded, the load event, the bytes transferred and the
// layout shift until the end of the load (CLS: the largest session window of
// 'layout-shift' entries without recent input, shifts < 1 s apart, a window ≤ 5 s).
//
// Targets, for the English and the Korean page each (medians over the runs; the bare page's
// medians are the reference):
//   FCP ≤ 1.2 × the bare page's FCP;
//   the LCP element is text in every run, and LCP − FCP (per run, then the median) ≤ 150 ms;
//   first chart ≤ 1.3 × the bare page's first chart.
//
//   node bench/phone-bench.mjs [--runs 5] [--en PATH] [--ko PATH] [--cpu 4] [--network slow|none]
//                              [--latency 150] [--dpr 3] [--json]
//
// --json prints the results as JSON on stdout (progress goes to stderr). --cpu, --network,
// --latency and --dpr exist to check what the throttling does (compare a run with and without
// it; --latency 562.5 is Lighthouse's DevTools-throttling equivalent of a 150 ms round trip,
// which also charges connection setup); the targets are meant for the defaults.

import { rm } from 'node:fs/promises';
import { loadavg, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { startServer } from '../build_scripts/serve.mjs';
import {
  pagePaths, prepareSite, paintProbe, BARE_PATH, LOCALES, median, summary, ratio, ms, kb, verdict,
} from './page-kit.mjs';

export const PHONE_VIEWPORT = { width: 390, height: 844 };
/** Network.emulateNetworkConditions for a slow 4G phone: 150 ms, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const TARGETS = { fcpRatio: 1.2, lcpAfterFcp: 150, chartRatio: 1.3 };
const QUIET_MS = 1000;
const LOAD_TIMEOUT_MS = 60000;

function parseArgs(argv) {
  const opts = { runs: 5, json: false, en: undefined, ko: undefined, cpu: 4, network: 'slow', latency: SLOW_4G.latency, dpr: 3 };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--en') opts.en = argv[++i];
    else if (a === '--ko') opts.ko = argv[++i];
    else if (a === '--cpu') opts.cpu = Number(argv[++i]);
    else if (a === '--network') opts.network = argv[++i];
    else if (a === '--latency') opts.latency = Number(argv[++i]);
    else if (a === '--dpr') opts.dpr = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/phone-bench.mjs [--runs 5] [--en PATH] [--ko PATH] [--cpu 4] [--network slow|none] [--latency 150] [--dpr 3] [--json]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.runs >= 1)) throw new Error('--runs must be ≥ 1');
  if (!(opts.cpu >= 1)) throw new Error('--cpu must be ≥ 1');
  if (!['slow', 'none'].includes(opts.network)) throw new Error('--network is slow or none');
  if (!(opts.dpr > 0)) throw new Error('--dpr must be > 0');
  if (!(opts.latency >= 0)) throw new Error('--latency must be ≥ 0');
  return opts;
}

const log = (...args) => console.error(...args);

/**
 * Init script: FCP, every LCP candidate with what its element was at the time, the first
 * trusted input and the load event, in window.__phoneBench.
 */
function vitalsProbe() {
  const v = { fcp: null, lcp: [], shifts: [], firstInput: null, load: null, busyUntil: 0, observerError: null };
  Object.defineProperty(window, '__phoneBench', { value: v });
  const NOT_TEXT = new Set(['img', 'image', 'video', 'canvas', 'svg', 'picture', 'iframe', 'object', 'embed']);
  // Entries reach an observer's callback in a task of their own, which a busy (throttled)
  // main thread can hold back for seconds; flush() takes the queued ones at once.
  const observers = [];
  const observe = (type, onEntry) => {
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) onEntry(e); });
    observer.observe({ type, buffered: true });
    observers.push([observer, onEntry]);
  };
  v.flush = () => {
    for (const [observer, onEntry] of observers) for (const e of observer.takeRecords()) onEntry(e);
  };
  try {
    observe('paint', (e) => { if (e.name === 'first-contentful-paint') v.fcp = e.startTime; });
    observe('largest-contentful-paint', (e) => {
      const el = e.element;
      const tag = el ? el.tagName.toLowerCase() : null;
      const text = el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
      v.lcp.push({
        time: e.startTime,
        size: e.size,
        url: e.url,
        tag,
        id: el?.id ?? '',
        className: typeof el?.className === 'string' ? el.className : '',
        isText: Boolean(el) && !e.url && !NOT_TEXT.has(tag) && text !== '',
        text: text.slice(0, 60),
        afterInput: v.firstInput !== null && e.startTime > v.firstInput,
      });
    });
    observe('layout-shift', (e) => { if (!e.hadRecentInput) v.shifts.push({ time: e.startTime, value: e.value }); });
    observe('longtask', (e) => { v.busyUntil = Math.max(v.busyUntil, e.startTime + e.duration); });
  } catch (error) {
    v.observerError = String(error);
  }
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'touchstart', 'wheel']) {
    addEventListener(type, (e) => {
      if (e.isTrusted && v.firstInput === null) v.firstInput = performance.now();
    }, { capture: true, passive: true });
  }
  addEventListener('load', () => { v.load = performance.now(); });
}

async function coldLoad(browser, url, { locale, cpu, network, dpr }) {
  // network: null (no throttling) or Network.emulateNetworkConditions' parameters
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT, deviceScaleFactor: dpr, isMobile: true, hasTouch: true, locale,
  });
  try {
    await context.addInitScript(paintProbe);
    await context.addInitScript(vitalsProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let inFlight = 0;
    let lastActivity = Date.now();
    page.on('request', () => { inFlight += 1; lastActivity = Date.now(); });
    const done = () => { inFlight = Math.max(0, inFlight - 1); lastActivity = Date.now(); };
    page.on('requestfinished', done);
    page.on('requestfailed', done);

    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    // The end of the load: load event, chart painted, then QUIET_MS without requests, long
    // tasks (≥ 50 ms, as the throttled main thread sees them) or new LCP candidates.
    let candidates = -1;
    let lastCandidateChange = Date.now();
    for (;;) {
      if (Date.now() - started > LOAD_TIMEOUT_MS) throw new Error(`${url} did not finish loading in ${LOAD_TIMEOUT_MS / 1000} s`);
      const s = await page.evaluate(() => (window.__phoneBench?.flush(), {
        idle: performance.now() - (window.__phoneBench?.busyUntil ?? 0),
        load: window.__phoneBench?.load ?? null,
        painted: window.__pageBench?.paintedAt ?? null,
        candidates: window.__phoneBench?.lcp.length ?? 0,
      }));
      if (s.candidates !== candidates) { candidates = s.candidates; lastCandidateChange = Date.now(); }
      const now = Date.now();
      if (s.load !== null && s.painted !== null && inFlight === 0 && s.idle >= QUIET_MS
          && now - lastActivity >= QUIET_MS && now - lastCandidateChange >= QUIET_MS) break;
      await page.waitForTimeout(100);
    }
    const m = await page.evaluate(() => {
      const v = window.__phoneBench;
      v.flush();
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const beforeInput = v.lcp.filter((c) => !c.afterInput);
      // CLS: the largest session window (shifts < 1 s apart, a window ≤ 5 s long).
      let cls = 0;
      let windowSum = 0;
      let windowStart = -Infinity;
      let last = -Infinity;
      for (const shift of v.shifts) {
        if (shift.time - last > 1000 || shift.time - windowStart > 5000) { windowSum = 0; windowStart = shift.time; }
        windowSum += shift.value;
        last = shift.time;
        cls = Math.max(cls, windowSum);
      }
      return {
        fcp: v.fcp,
        lcp: beforeInput.at(-1) ?? null,
        candidates: v.lcp.map((c) => `${c.tag ?? '(removed)'} ${Math.round(c.time)} ${Math.round(c.size)} "${c.text.slice(0, 20)}"`),
        ended: performance.now(),
        observerError: v.observerError,
        painted: window.__pageBench.paintedAt,
        cls,
        canvas: window.__pageBench.canvas,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        load: v.load,
        transferred: (nav?.transferSize ?? 0) + resources.reduce((s, r) => s + (r.transferSize ?? 0), 0),
        responses: 1 + resources.length,
        timeline: Object.fromEntries([
          ['html loaded', nav?.responseEnd ?? null],
          ...resources.map((r) => [`${new URL(r.name).pathname.split('/').pop() || '/'} loaded`, r.responseEnd]),
        ].filter(([, t]) => t != null)),
      };
    });
    if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
    if (m.observerError) throw new Error(`PerformanceObserver failed on ${url}: ${m.observerError}`);
    if (m.fcp === null || m.lcp === null) throw new Error(`${url}: no ${m.fcp === null ? 'FCP' : 'LCP'} entry`);
    return m;
  } finally {
    await context.close();
  }
}

/** Phone-profile cold loads of the bare page and the explorer's pages; per-page results. */
export async function phoneBench(browser, base, { runs, pages, cpu = 4, network = SLOW_4G, dpr = 3 }) {
  const targets = {
    bare: { url: new URL(BARE_PATH, base).href, locale: LOCALES.en },
    en: { url: new URL(pages.en, base).href, locale: LOCALES.en },
    ko: { url: new URL(pages.ko, base).href, locale: LOCALES.ko },
  };
  const names = Object.keys(targets);
  const results = Object.fromEntries(names.map((n) => [n, []]));
  log(`phone profile: ${runs} cold loads of each of ${names.join(', ')}, interleaved (plus one warm-up each)`);
  for (let round = -1; round < runs; round += 1) {
    const k = ((round % names.length) + names.length) % names.length;
    const order = [...names.slice(k), ...names.slice(0, k)];
    for (const name of order) {
      const m = await coldLoad(browser, targets[name].url, { locale: targets[name].locale, cpu, network, dpr });
      if (round >= 0) results[name].push(m);
    }
    if (round >= 0) process.stderr.write(`  ${round + 1}/${runs}\r`);
  }
  process.stderr.write('\n');
  const out = { urls: Object.fromEntries(names.map((n) => [n, targets[n].url])), pages: {} };
  for (const name of names) {
    const rs = results[name];
    const tags = {};
    for (const m of rs) {
      const key = `${m.lcp.tag ?? '(removed)'}${m.lcp.id ? `#${m.lcp.id}` : ''}${m.lcp.isText ? ' (text)' : ' (not text)'}${m.lcp.text ? ` "${m.lcp.text}"` : ''}`;
      tags[key] = (tags[key] ?? 0) + 1;
    }
    const keys = [...new Set(rs.flatMap((m) => Object.keys(m.timeline)))];
    out.pages[name] = {
      fcp: summary(rs.map((m) => m.fcp)),
      lcp: summary(rs.map((m) => m.lcp.time)),
      lcpAfterFcp: summary(rs.map((m) => m.lcp.time - m.fcp)),
      painted: summary(rs.map((m) => m.painted)),
      domContentLoaded: summary(rs.map((m) => m.domContentLoaded)),
      load: summary(rs.map((m) => m.load)),
      cls: summary(rs.map((m) => m.cls)),
      transferred: summary(rs.map((m) => m.transferred)),
      lcpText: rs.filter((m) => m.lcp.isText).length,
      lcpElements: tags,
      firstCanvas: [...new Set(rs.map((m) => m.canvas))],
      timeline: Object.fromEntries(keys
        .map((key) => [key, median(rs.map((m) => m.timeline[key]).filter((t) => t != null))])
        .sort((a, b) => a[1] - b[1])),
      runs: rs.map((m) => ({
        fcp: Math.round(m.fcp), lcp: Math.round(m.lcp.time), lcpTag: m.lcp.tag, lcpText: m.lcp.isText,
        painted: Math.round(m.painted), ended: Math.round(m.ended), candidates: m.candidates,
      })),
    };
  }
  for (const name of ['en', 'ko']) {
    out.pages[name].fcpRatio = ratio(results[name].map((m) => m.fcp), results.bare.map((m) => m.fcp));
    out.pages[name].chartRatio = ratio(results[name].map((m) => m.painted), results.bare.map((m) => m.painted));
  }
  return out;
}

/** PASS/MISS lines for the explorer's pages. */
export function phoneVerdicts(r) {
  const v = [];
  for (const name of ['en', 'ko']) {
    const p = r.pages[name];
    const label = `phone ${name}`;
    const spread = (x) => `${x.median.toFixed(2)} (spread ${x.min.toFixed(2)}–${x.max.toFixed(2)})`;
    v.push({ ok: p.fcpRatio.median <= TARGETS.fcpRatio, what: `${label} FCP ${ms(p.fcp.median)} vs bare ${ms(r.pages.bare.fcp.median)}: ratio ${spread(p.fcpRatio)} (target ≤ ${TARGETS.fcpRatio})` });
    v.push({ ok: p.lcpText === p.fcp.n, what: `${label} LCP element is text in ${p.lcpText}/${p.fcp.n} runs: ${Object.entries(p.lcpElements).map(([k, n]) => `${n}× ${k}`).join('; ')} (target: text, every run)` });
    v.push({ ok: p.lcpAfterFcp.median <= TARGETS.lcpAfterFcp, what: `${label} LCP − FCP ${ms(p.lcpAfterFcp.median)} (spread ${ms(p.lcpAfterFcp.min)}–${ms(p.lcpAfterFcp.max)}; target ≤ ${TARGETS.lcpAfterFcp} ms)` });
    v.push({ ok: p.chartRatio.median <= TARGETS.chartRatio, what: `${label} first chart ${ms(p.painted.median)} vs bare ${ms(r.pages.bare.painted.median)}: ratio ${spread(p.chartRatio)} (target ≤ ${TARGETS.chartRatio})` });
  }
  return v;
}

function report(r) {
  const lines = [];
  const profile = `${PHONE_VIEWPORT.width}×${PHONE_VIEWPORT.height} @${r.settings.dpr}x, `
    + (r.settings.network ? `network ${r.settings.network.latency} ms / ${r.settings.network.downloadThroughput * 8 / 1e6} Mbit/s down / ${r.settings.network.uploadThroughput * 8 / 1e3} kbit/s up` : 'network not throttled')
    + `, CPU ${r.settings.cpu === 1 ? 'not throttled' : `÷${r.settings.cpu}`}`;
  lines.push(`Phone benchmark — headless Chromium ${r.browserVersion}, ${profile}, gzip, 127.0.0.1, ${r.cpus} CPUs`);
  if (r.busy) lines.push(`warning: load average ${r.load.map((x) => x.toFixed(2)).join(' ')} on ${r.cpus} CPUs: the machine was busy; times are unreliable (the ratios less so)`);
  lines.push(`pages: bare /${BARE_PATH}, en /${r.pages.en}, ko /${r.pages.ko}; ${r.phone.pages.bare.fcp.n} cold loads each, interleaved; medians (min–max)`);
  lines.push('');
  const cell = (s) => `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`.padStart(18);
  lines.push(`   ${''.padEnd(10)}${'FCP'.padStart(18)}${'LCP'.padStart(18)}${'LCP − FCP'.padStart(18)}${'first chart'.padStart(18)}${'DCL'.padStart(18)}${'load'.padStart(18)}   transferred  CLS`);
  for (const name of ['bare', 'en', 'ko']) {
    const p = r.phone.pages[name];
    lines.push(`   ${(name === 'bare' ? 'bare' : `explorer ${name}`).padEnd(10)}${cell(p.fcp)}${cell(p.lcp)}${cell(p.lcpAfterFcp)}${cell(p.painted)}${cell(p.domContentLoaded)}${cell(p.load)}   ${kb(p.transferred.median).padStart(9)}    ${p.cls.median.toFixed(3)} (${p.cls.min.toFixed(3)}–${p.cls.max.toFixed(3)})`);
  }
  lines.push('   (ms from navigation start; CLS for information: no target here)');
  lines.push('');
  for (const name of ['en', 'ko']) {
    const p = r.phone.pages[name];
    lines.push(`   explorer ${name} / bare: FCP ${p.fcpRatio.median.toFixed(2)} (${p.fcpRatio.min.toFixed(2)}–${p.fcpRatio.max.toFixed(2)}), first chart ${p.chartRatio.median.toFixed(2)} (${p.chartRatio.min.toFixed(2)}–${p.chartRatio.max.toFixed(2)})`);
  }
  lines.push('');
  for (const name of ['bare', 'en', 'ko']) {
    const p = r.phone.pages[name];
    lines.push(`   ${name} LCP element: ${Object.entries(p.lcpElements).map(([k, n]) => `${n}× ${k}`).join('; ')}`);
    lines.push(`   ${name} first canvas: ${p.firstCanvas.join(', ')}; timeline (medians, ms): ${Object.entries(p.timeline).map(([k, t]) => `${k} ${Math.round(t)}`).join(' → ')}`);
    lines.push(`   ${name} runs (FCP/LCP/chart): ${p.runs.map((x) => `${x.fcp}/${x.lcp}/${x.painted}`).join('  ')}`);
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
    const pages = pagePaths(opts, dir);
    const network = opts.network === 'slow' ? { ...SLOW_4G, latency: opts.latency } : null;
    const phone = await phoneBench(browser, server.url, { runs: opts.runs, pages, cpu: opts.cpu, network, dpr: opts.dpr });
    const load = loadavg();
    const result = {
      browserVersion: browser.version(),
      chromiumArgs: CHROMIUM_ARGS,
      cpus: cpus().length,
      load,
      busy: load[0] > cpus().length * 0.75,
      settings: { cpu: opts.cpu, network, dpr: opts.dpr, viewport: PHONE_VIEWPORT },
      pages,
      phone,
      targets: TARGETS,
    };
    result.verdicts = phoneVerdicts(phone);
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(report(result));
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`phone-bench: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
