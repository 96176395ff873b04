#!/usr/bin/env node
// Lighthouse benchmark (part of `npm run bench`; a measurement, not a test: misses print MISS
// and the exit code stays 0).
//
// Lighthouse 12 (the `lighthouse` devDependency, through its Node API) against the built site:
// a copy of dist/ served gzipped by build_scripts/serve.mjs on 127.0.0.1, the explorer's
// English and Korean pages (page-kit.mjs's pagePaths: --en / --ko, default the root and ko/ or
// index.html?lang=ko), in two presets:
//   mobile   Lighthouse's defaults: a Moto G Power-sized screen (412×823 @1.75x), simulated
//            throttling (Lantern: 150 ms RTT, 1.6 Mbit/s down, CPU ÷4, applied to a trace of an
//            unthrottled load);
//   desktop  lighthouse/core/config/desktop-config.js (1350×940, 40 ms RTT, 10 Mbit/s, no CPU
//            slowdown, simulated).
// The browser is Debian's Chromium (tests/e2e/browser.mjs's CHROMIUM_PATH, /usr/bin/chromium),
// launched here, a fresh one with a fresh profile for every run, with --remote-debugging-port
// and the flags a root user needs (--headless=new --no-sandbox --disable-gpu
// --disable-dev-shm-usage, CHROMIUM_ARGS) plus chrome-launcher's usual quieting flags;
// Lighthouse only connects to it (flags.port), so it never looks for or downloads a browser.
// The report names the executable that ran (/proc/<pid>/exe) and the version it reported.
//
// Runs: --runs N (default 3) of each preset × page, interleaved. Printed per preset and page:
// median (min–max) of the performance score, CLS, TBT, FCP, LCP and Speed Index (the metrics
// as Lighthouse computes them under its throttling, not as observed), the accessibility,
// best-practices and SEO scores, and each audit of those three categories that failed in any
// run (score below 1; audits that did not apply, are manual or informative are not failures;
// audits that errored are listed as errors), with how many runs it failed in.
//
// Targets (medians): on mobile, performance ≥ 95, CLS ≤ 0.02, TBT ≤ 200 ms; for both presets
// and both pages, accessibility, best practices and SEO = 100.
// Served from 127.0.0.1, /robots.txt is a 404 (robots-txt then does not apply) and the page's
// canonical/hreflang links point at its real, absolute URLs, which Lighthouse accepts.
//
//   node bench/lighthouse-bench.mjs [--runs 3] [--presets mobile,desktop] [--en PATH] [--ko PATH]
//                                   [--save DIR] [--json]
//
// --save DIR writes every run's full Lighthouse report (JSON) there; --json prints the
// results as JSON on stdout (progress goes to stderr).

import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import { loadavg, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { startServer } from '../build_scripts/serve.mjs';
import { pagePaths, prepareSite, summary, verdict } from './page-kit.mjs';

const PRESETS = { mobile: undefined, desktop: desktopConfig }; // undefined: Lighthouse's default config
const TARGETS = { performance: 95, cls: 0.02, tbt: 200, other: 100 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  cls: 'cumulative-layout-shift',
  tbt: 'total-blocking-time',
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  si: 'speed-index',
};
/**
 * What a root user needs to run Chromium headless here, plus chrome-launcher's and Playwright's
 * flags that keep the browser quiet: no background timers throttled, and none of the Google
 * services a fresh profile calls at startup (autofill, optimization hints, network time,
 * account list, translate, certificate transparency updates).
 */
export const LIGHTHOUSE_CHROMIUM_ARGS = [...new Set([
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...CHROMIUM_ARGS,
  '--disable-extensions', '--disable-default-apps', '--mute-audio', '--no-default-browser-check',
  '--disable-client-side-phishing-detection', '--metrics-recording-only', '--disable-domain-reliability',
  '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling', '--disable-ipc-flooding-protection', '--disable-hang-monitor',
  '--password-store=basic', '--use-mock-keychain', '--disable-field-trial-config', '--disable-breakpad',
  `--disable-features=${['AutofillServerCommunication', 'OptimizationHints', 'NetworkTimeServiceQuerying',
    'CertificateTransparencyComponentUpdater', 'Translate', 'MediaRouter', 'DialMediaRouteProvider',
    'AimEnabled', 'PreconnectToSearch', 'InterestFeedContentSuggestions'].join(',')}`,
  '--enable-features=SkipListAccountsWithoutGaiaCookies',
])];

function parseArgs(argv) {
  const opts = { runs: 3, presets: Object.keys(PRESETS), en: undefined, ko: undefined, save: null, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--presets') opts.presets = argv[++i].split(',').filter(Boolean);
    else if (a === '--en') opts.en = argv[++i];
    else if (a === '--ko') opts.ko = argv[++i];
    else if (a === '--save') opts.save = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/lighthouse-bench.mjs [--runs 3] [--presets mobile,desktop] [--en PATH] [--ko PATH] [--save DIR] [--json]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.runs >= 1)) throw new Error('--runs must be ≥ 1');
  const unknown = opts.presets.filter((p) => !(p in PRESETS));
  if (unknown.length || opts.presets.length === 0) throw new Error(`--presets: one or more of ${Object.keys(PRESETS).join(', ')}`);
  return opts;
}

const log = (...args) => console.error(...args);

/** Debian's Chromium with a remote-debugging port and a fresh profile: { port, pid, exe, close }. */
async function launchChromium() {
  const profile = await mkdtemp(path.join(tmpdir(), 'lighthouse-chromium-'));
  const child = spawn(CHROMIUM_PATH, [...LIGHTHOUSE_CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const port = await new Promise((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port in 30 s:\n${err}`)), 30000);
      child.stderr.on('data', (chunk) => {
        err += chunk;
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}) before opening a DevTools port:\n${err}`)); });
    });
    child.stderr.resume();
    const exe = await realpath(`/proc/${child.pid}/exe`).catch(() => '?');
    return {
      port,
      pid: child.pid,
      exe,
      close: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** One Lighthouse run in a fresh Chromium: the numbers this benchmark reports. */
async function runOnce(url, preset, saveAs) {
  const chromium = await launchChromium();
  try {
    const result = await lighthouse(url, { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, PRESETS[preset]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (saveAs) await writeFile(saveAs, result.report);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url} (${preset}): ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? NaN : Math.round(lhr.categories[c].score * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? NaN]));
    const failing = [];
    const errors = [];
    for (const category of CATEGORIES.filter((c) => c !== 'performance')) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit) continue;
        if (audit.scoreDisplayMode === 'error') errors.push(`${category}/${ref.id}: ${audit.errorMessage ?? 'error'}`);
        else if (['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode) && audit.score !== null && audit.score < 1) {
          failing.push(`${category}/${ref.id}${ref.weight ? '' : ' (weight 0)'}`);
        }
      }
    }
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    return {
      scores,
      metrics,
      failing,
      errors,
      warnings: lhr.runWarnings ?? [],
      lcpElement: lcpElement ? `${lcpElement.nodeLabel ?? ''}`.slice(0, 60) + ` (${(lcpElement.selector ?? '').split(' > ').pop()})` : null,
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      throttlingMethod: lhr.configSettings?.throttlingMethod,
      formFactor: lhr.configSettings?.formFactor,
      chromium: { exe: chromium.exe, pid: chromium.pid },
    };
  } finally {
    await chromium.close();
  }
}

/** --runs rounds of every preset × page; per preset and page, the runs and their summaries. */
export async function lighthouseBench(base, { runs, presets, pages, save }) {
  const targets = { en: new URL(pages.en, base).href, ko: new URL(pages.ko, base).href };
  const results = {};
  for (const preset of presets) for (const lang of Object.keys(targets)) results[`${preset} ${lang}`] = [];
  const total = runs * Object.keys(results).length;
  let done = 0;
  log(`lighthouse: ${runs} runs of each of ${Object.keys(results).join(', ')} (${total} in all)`);
  for (let round = 0; round < runs; round += 1) {
    for (const preset of presets) {
      for (const [lang, url] of Object.entries(targets)) {
        const started = Date.now();
        const saveAs = save ? path.join(save, `${preset}-${lang}-${round + 1}.json`) : null;
        results[`${preset} ${lang}`].push(await runOnce(url, preset, saveAs));
        done += 1;
        log(`  ${done}/${total} ${preset} ${lang} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
  }
  const out = { urls: targets, groups: {} };
  for (const [name, rs] of Object.entries(results)) {
    const tally = (key) => {
      const counts = {};
      for (const r of rs) for (const id of new Set([r[key]].flat().filter((x) => x != null))) counts[id] = (counts[id] ?? 0) + 1;
      return counts;
    };
    out.groups[name] = {
      preset: name.split(' ')[0],
      lang: name.split(' ')[1],
      n: rs.length,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, summary(rs.map((r) => r.scores[c]))])),
      metrics: Object.fromEntries(Object.keys(METRICS).map((k) => [k, summary(rs.map((r) => r.metrics[k]))])),
      failing: tally('failing'),
      errors: tally('errors'),
      warnings: tally('warnings'),
      lcpElements: tally('lcpElement'),
      benchmarkIndex: summary(rs.map((r) => r.benchmarkIndex)),
      runs: rs.map((r) => ({ scores: r.scores, metrics: r.metrics })),
    };
  }
  const first = Object.values(results)[0][0];
  out.environment = {
    lighthouseVersion: first.lighthouseVersion,
    userAgent: first.userAgent,
    executables: [...new Set(Object.values(results).flat().map((r) => r.chromium.exe))],
    throttling: Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, `${rs[0].formFactor}, ${rs[0].throttlingMethod}`])),
  };
  return out;
}

/** PASS/MISS lines. */
export function lighthouseVerdicts(r) {
  const v = [];
  const spread = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
  const int = (x) => String(Math.round(x));
  for (const [name, g] of Object.entries(r.groups)) {
    // Performance and layout shift on both presets; blocking time on the phone only.
    v.push({ ok: g.scores.performance.median >= TARGETS.performance, what: `lighthouse ${name} performance ${spread(g.scores.performance, int)} (target ≥ ${TARGETS.performance})` });
    v.push({ ok: g.metrics.cls.median <= TARGETS.cls, what: `lighthouse ${name} CLS ${spread(g.metrics.cls, (x) => x.toFixed(3))} (target ≤ ${TARGETS.cls})` });
    if (g.preset === 'mobile') {
      v.push({ ok: g.metrics.tbt.median <= TARGETS.tbt, what: `lighthouse ${name} TBT ${spread(g.metrics.tbt, int)} ms (target ≤ ${TARGETS.tbt} ms)` });
    }
    for (const c of ['accessibility', 'best-practices', 'seo']) {
      const failing = Object.entries(g.failing).filter(([id]) => id.startsWith(`${c}/`)).map(([id, n]) => `${id.slice(c.length + 1)} ${n}/${g.n}`);
      v.push({ ok: g.scores[c].median >= TARGETS.other, what: `lighthouse ${name} ${c} ${spread(g.scores[c], int)} (target ${TARGETS.other})${failing.length ? `; failing: ${failing.join(', ')}` : ''}` });
    }
  }
  return v;
}

function report(r) {
  const lb = r.lighthouse;
  const lines = [];
  lines.push(`Lighthouse ${lb.environment.lighthouseVersion} — ${lb.environment.executables.join(', ')} (${lb.environment.userAgent}), gzip, 127.0.0.1, ${r.cpus} CPUs`);
  if (r.busy) lines.push(`warning: load average ${r.load.map((x) => x.toFixed(2)).join(' ')} on ${r.cpus} CPUs: the machine was busy; simulated metrics scale with how long the unthrottled load's tasks took`);
  lines.push(`pages: en /${r.pages.en}, ko /${r.pages.ko}; medians (min–max) of ${Object.values(lb.groups)[0].n} runs each`);
  lines.push('');
  const cell = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
  const int = (x) => String(Math.round(x));
  const cols = [
    ['perf', (g) => cell(g.scores.performance, int), 12],
    ['CLS', (g) => cell(g.metrics.cls, (x) => x.toFixed(3)), 21],
    ['TBT ms', (g) => cell(g.metrics.tbt, int), 16],
    ['FCP ms', (g) => cell(g.metrics.fcp, int), 18],
    ['LCP ms', (g) => cell(g.metrics.lcp, int), 18],
    ['SI ms', (g) => cell(g.metrics.si, int), 18],
    ['a11y', (g) => cell(g.scores.accessibility, int), 14],
    ['BP', (g) => cell(g.scores['best-practices'], int), 14],
    ['SEO', (g) => cell(g.scores.seo, int), 14],
  ];
  lines.push(`   ${''.padEnd(11)}${cols.map(([h, , w]) => h.padStart(w)).join('')}`);
  for (const [name, g] of Object.entries(lb.groups)) lines.push(`   ${name.padEnd(11)}${cols.map(([, f, w]) => f(g).padStart(w)).join('')}`);
  lines.push('');
  for (const [name, g] of Object.entries(lb.groups)) {
    const list = (o) => Object.entries(o).map(([k, n]) => `${k} ${n}/${g.n}`).join(', ');
    lines.push(`   ${name}: failing audits: ${list(g.failing) || 'none'}${Object.keys(g.errors).length ? `; errors: ${list(g.errors)}` : ''}`);
    lines.push(`   ${name}: LCP element: ${list(g.lcpElements) || '—'}; benchmarkIndex ${Math.round(g.benchmarkIndex.median)}; ${lb.environment.throttling[name]} throttling`);
    if (Object.keys(g.warnings).length) lines.push(`   ${name}: warnings: ${list(g.warnings)}`);
  }
  lines.push('');
  for (const v of r.verdicts) lines.push(`${verdict(v.ok)} ${v.what}`);
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.save) await mkdir(opts.save, { recursive: true });
  const dir = await prepareSite();
  const server = await startServer({ dir });
  try {
    const pages = pagePaths(opts, dir);
    const started = Date.now();
    const lb = await lighthouseBench(server.url, { runs: opts.runs, presets: opts.presets, pages, save: opts.save });
    const load = loadavg();
    const result = {
      cpus: cpus().length,
      load,
      busy: load[0] > cpus().length * 0.75,
      seconds: Math.round((Date.now() - started) / 1000),
      chromiumArgs: LIGHTHOUSE_CHROMIUM_ARGS,
      pages,
      lighthouse: lb,
      targets: TARGETS,
    };
    result.verdicts = lighthouseVerdicts(lb);
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(`${report(result)}\n(${result.seconds} s)`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`lighthouse-bench: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
