#!/usr/bin/env node
// Core benchmark (`npm run bench`): ns/element of every scalar activation's f and f',
// for three implementations side by side in one run, samples interleaved round-robin:
//   wasm   - the wasm module under Node, through the public API (web/src/core.js):
//            core.evaluate / core.derivative on a Float64Array into a preallocated `out`, copies and all;
//   native - the same C++ built with -O3 (build/native_bench, a child process that
//            times spec->f_batch on its side; see cpp/bench/native_bench.cpp);
//   js     - the same formulas in plain JavaScript (bench/plain-js-activations.mjs).
// Beside them, as a diagnosis and not a target, "kernel": the same wasm batch function
// called on data already in wasm memory, so wasm - kernel is the JS API's own cost.
// All three get the same inputs (n points evenly spaced over [-10, 10]) and must agree
// to 1e-12 relative before anything is timed. It is a measurement, not a test: targets
// missed are printed as MISS and the exit code stays 0 (it is 1 only when the bench
// cannot run or the implementations disagree).
//
// Options: --json            results as JSON on stdout (progress goes to stderr)
//          --reps N          samples per implementation and case (default 11)
//          --min-ms X        minimum length of one sample in ms (default 5)
//          --sizes A,B       point counts (default 1000,1000000)
//          --only a,b        slugs to run (default all nine scalar activations)
//          --native PATH     the native_bench binary (default build/native_bench)
//          --core PATH       the core.js to load (default web/src/core.js), to compare builds

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

import { defaultMaxoutPieces, plainJsActivations } from './plain-js-activations.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLUGS = ['step', 'sigmoid', 'tanh', 'relu', 'softplus', 'leaky-relu', 'prelu', 'elu', 'maxout'];
const FNS = ['f', 'df'];
const INPUT_MIN = -10;
const INPUT_SPAN = 20;
const AGREEMENT_REL_TOL = 1e-12;
// The targets.
const MAX_WASM_OVER_NATIVE = 1.5;
const MIN_JS_OVER_WASM = 1.5;
const SPEEDUP_SLUGS = new Set(['sigmoid', 'tanh', 'elu', 'softplus']);

// ---------------------------------------------------------------- options

function usage(message) {
  if (message) process.stderr.write(`core-bench: ${message}\n`);
  process.stderr.write(
    'usage: node bench/core-bench.mjs [--json] [--reps N] [--min-ms X] [--sizes A,B] ' +
      '[--only slug,slug] [--native PATH] [--core PATH]\n',
  );
  process.exit(message ? 1 : 0);
}

function parseOptions(argv) {
  const options = {
    json: false,
    reps: 11,
    minMs: 5,
    sizes: [1000, 1000000],
    only: SLUGS,
    native: process.env.ACTIVATION_NATIVE_BENCH || path.join(ROOT, 'build', 'native_bench'),
    core: path.join(ROOT, 'web', 'src', 'core.js'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--reps') options.reps = Number(value());
    else if (arg === '--min-ms') options.minMs = Number(value());
    else if (arg === '--sizes') options.sizes = value().split(',').map(Number);
    else if (arg === '--only') options.only = value().split(',').filter(Boolean);
    else if (arg === '--native') options.native = path.resolve(value());
    else if (arg === '--core') options.core = path.resolve(value());
    else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.reps) || options.reps < 1 || options.reps > 1000) usage('--reps must be 1..1000');
  if (!(options.minMs > 0 && options.minMs <= 10000)) usage('--min-ms must be in (0, 10000]');
  if (!options.sizes.length || options.sizes.some((n) => !Number.isInteger(n) || n < 2 || n > 1e7)) {
    usage('--sizes must be integers in [2, 10000000]');
  }
  for (const slug of options.only) if (!SLUGS.includes(slug)) usage(`unknown slug ${slug} (${SLUGS.join(', ')})`);
  return options;
}

const options = parseOptions(process.argv.slice(2));
// With --json, stdout carries only the JSON document.
const say = (text = '') => (options.json ? process.stderr : process.stdout).write(`${text}\n`);
const progress = (text) => process.stderr.write(`${text}\n`);

// Paths inside the project relative to it, others as given.
function shownPath(file) {
  const relative = path.relative(ROOT, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function fatal(message) {
  process.stderr.write(`\ncore-bench: ${message}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------- helpers

// A full collection between samples, outside the timed region, so garbage left by one
// implementation (the wasm API allocates its results) is not charged to the next.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

const now = () => process.hrtime.bigint();
let sink = 0; // every timed call's output feeds this, so no call is dead code

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

function benchInputs(n) {
  // -10 + 20*i/(n-1), in the same order of operations as native_bench.cpp.
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = INPUT_MIN + (INPUT_SPAN * i) / (n - 1);
  return x;
}

// Repeat count (doubling, then scaled) whose sample lasts >= minNs; also the warm-up.
function calibrate(sample, minNs) {
  let iters = 1;
  for (;;) {
    const ns = sample(iters);
    if (ns >= minNs) return iters;
    iters = ns < minNs / 8 ? iters * 2 : Math.max(iters + 1, Math.ceil((iters * minNs * 1.1) / Math.max(ns, 1)));
  }
}

// ---------------------------------------------------------------- native child

class NativeBench {
  constructor(binary) {
    this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.lines = []; // replies not yet asked for
    this.waiting = []; // askers not yet answered
    this.exited = null;
    this.child.on('error', (error) => this.#failAll(`cannot run ${binary}: ${error.message}`));
    this.child.on('exit', (code, signal) => this.#failAll(`native_bench exited (${signal ?? code})`));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next.resolve(line);
      else this.lines.push(line);
    });
  }

  #failAll(message) {
    this.exited = message;
    for (const w of this.waiting.splice(0)) w.reject(new Error(message));
  }

  #nextLine() {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    if (this.exited) return Promise.reject(new Error(this.exited));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  // Sends one command and resolves with its (first) reply line; "err ..." is thrown.
  async request(command) {
    if (this.exited) throw new Error(this.exited);
    this.child.stdin.write(`${command}\n`);
    const line = await this.#nextLine();
    if (line.startsWith('err ')) throw new Error(`native_bench: ${line.slice(4)}`);
    return line;
  }

  // list replies with one "act" line a scalar activation, then "end".
  async list() {
    const entries = new Map();
    for (let line = await this.request('list'); line !== 'end'; line = await this.#nextLine()) {
      const [tag, slug, ...params] = line.split(' ');
      if (tag !== 'act') throw new Error(`native_bench: unexpected list line '${line}'`);
      entries.set(
        slug,
        params.map((p) => {
          const [name, value] = p.split('=');
          return { name, value: Number(value) };
        }),
      );
    }
    return entries;
  }

  async dump(slug, fn, n, file) {
    await this.request(`dump ${slug} ${fn} ${n} ${file}`);
    const bytes = readFileSync(file);
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  }

  // One or more samples, in ns/element: { iters, median, raw }.
  async time(slug, fn, n, reps, minMs) {
    const line = await this.request(`time ${slug} ${fn} ${n} ${reps} ${minMs}`);
    const fields = Object.fromEntries(line.split(' ').slice(1).map((kv) => kv.split('=')));
    return { iters: Number(fields.iters), median: Number(fields.median), raw: fields.raw.split(',').map(Number) };
  }

  async close() {
    if (this.exited) return;
    this.child.removeAllListeners('exit');
    this.child.stdin.end('quit\n');
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

// ---------------------------------------------------------------- the three implementations

async function loadWasmCore() {
  const shown = shownPath(options.core);
  let loadCore;
  try {
    ({ loadCore } = await import(pathToFileURL(options.core).href));
  } catch (error) {
    fatal(`cannot import ${shown} (${error.message}); build the wasm module first (npm run build)`);
  }
  try {
    return await loadCore();
  } catch (error) {
    fatal(`loadCore() failed: ${error.message}`);
  }
}

// The public API's parameter object for the registry's defaults.
function wasmParams(slug, defaults) {
  const params = Object.fromEntries(defaults.map((p) => [p.name, p.value]));
  if (slug === 'maxout') params.pieces = defaultMaxoutPieces.map((p) => ({ ...p }));
  return params;
}

function plainJsArgs(slug, defaults) {
  return { values: defaults.map((p) => p.value), pieces: slug === 'maxout' ? defaultMaxoutPieces : [] };
}

// ---------------------------------------------------------------- agreement

function agree(a, b) {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return Math.abs(a - b) <= AGREEMENT_REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

function compare(label, xs, expected, actual, expectedName, actualName) {
  if (!actual || actual.length !== expected.length) {
    return [`${label}: ${actualName} returned ${actual ? actual.length : 'nothing'} values, expected ${expected.length}`];
  }
  const problems = [];
  for (let i = 0; i < expected.length && problems.length < 5; i++) {
    if (!agree(expected[i], actual[i])) {
      problems.push(
        `${label} at x=${xs[i]}: ${expectedName} ${expected[i]} vs ${actualName} ${actual[i]} ` +
          `(rel. diff ${(Math.abs(expected[i] - actual[i]) / Math.max(Math.abs(expected[i]), Math.abs(actual[i]))).toExponential(2)})`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------- timing

// ns per call of `call` repeated `iters` times; call returns an array-like output.
function timeCalls(call, iters) {
  let acc = 0;
  const start = now();
  for (let k = 0; k < iters; k++) {
    const out = call();
    acc += out[k % out.length];
  }
  const ns = Number(now() - start);
  sink += acc;
  return ns;
}

// A JS-side implementation: calibrated repeat count, then one sample per call of take().
// Also counts minor page faults per call: the API returns a fresh Float64Array each
// call, and when the allocator hands it new pages every 4 KB of it faults.
function jsSampler(call, n, minNs) {
  const sample = (iters) => timeCalls(call, iters);
  collectGarbage();
  const iters = calibrate(sample, minNs);
  const faults = [];
  return {
    iters,
    faults,
    take() {
      collectGarbage();
      const before = process.resourceUsage().minorPageFault;
      const ns = sample(iters);
      faults.push((process.resourceUsage().minorPageFault - before) / iters);
      return ns / (iters * n);
    },
  };
}

// Pages of one n-double result array.
const resultPages = (n) => Math.ceil((8 * n) / 4096);
// A row whose API calls mostly took fresh pages for their result.
const faulted = (row) => row.wasm.faultsPerCall > 0.25 * resultPages(row.n);

function formatNs(value) {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
const formatRatio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');
const formatN = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));

function pad(text, width, right = true) {
  return right ? String(text).padStart(width) : String(text).padEnd(width);
}

// ---------------------------------------------------------------- wasm kernel (diagnostic)

// Not a target, a diagnosis: the same wasm batch function called straight through the
// module's embind export on data already in wasm memory, with no copies and no
// argument checks in JS. wasm - kernel is what the public API's call costs. Uses
// core.js internals (core.wasm, core.index); null when those are not there.
function kernelRunner(core, slug, fn, xs, defaults) {
  const wasm = core.wasm;
  const index = core.index?.get?.(slug);
  if (!wasm || typeof wasm._activation_evaluate_into !== 'function' || typeof wasm._malloc !== 'function' || index === undefined) {
    return null;
  }
  const n = xs.length;
  const pieces = slug === 'maxout' ? defaultMaxoutPieces : [];
  const block = wasm._malloc((2 * n + 2 * pieces.length) * 8);
  if (!block) return null;
  const inAt = block / 8;
  const outAt = inAt + n;
  const piecesAt = outAt + n;
  wasm.HEAPF64.set(xs, inAt);
  pieces.forEach((p, j) => {
    wasm.HEAPF64[piecesAt + 2 * j] = p.w;
    wasm.HEAPF64[piecesAt + 2 * j + 1] = p.b;
  });
  const [p0 = 0, p1 = 0] = defaults.map((p) => p.value);
  const which = fn === 'f' ? 0 : 1;
  const piecesAddress = pieces.length ? piecesAt * 8 : 0;
  let view = wasm.HEAPF64.subarray(outAt, outAt + n);
  return {
    call() {
      if (!wasm._activation_evaluate_into(index, which, inAt * 8, outAt * 8, n, p0, p1, piecesAddress, pieces.length)) {
        throw new Error(wasm.lastError());
      }
      if (view.length === 0) view = wasm.HEAPF64.subarray(outAt, outAt + n); // memory grew
      return view;
    },
    free: () => wasm._free(block),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  if (!existsSync(options.native)) {
    fatal(`${shownPath(options.native)} not found: build it first ` +
      '(cmake --preset native && cmake --build build --target native_bench)');
  }
  const native = new NativeBench(options.native);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'core-bench-'));
  try {
    const nativeList = await native.list();
    const core = await loadWasmCore();
    const minNs = options.minMs * 1e6;
    const inputs = new Map(options.sizes.map((n) => [n, benchInputs(n)]));

    const cases = [];
    for (const slug of options.only) {
      if (!nativeList.has(slug)) fatal(`native_bench does not know '${slug}'`);
      const defaults = nativeList.get(slug);
      const params = wasmParams(slug, defaults);
      const args = plainJsArgs(slug, defaults);
      for (const fn of FNS) {
        const jsBatch = plainJsActivations[slug][fn];
        for (const n of options.sizes) {
          const xs = inputs.get(n);
          const out = new Float64Array(n);
          // Like the JS and native contenders, the wasm one writes into a preallocated array
          // (core.evaluate's optional `out`), so none of them pays for allocation.
          const wasmOut = new Float64Array(n);
          cases.push({
            slug,
            fn,
            n,
            defaults,
            wasmCall: fn === 'f'
              ? () => core.evaluate(slug, xs, params, wasmOut)
              : () => core.derivative(slug, xs, params, wasmOut),
            jsCall: () => {
              jsBatch(xs, out, n, args);
              return out;
            },
          });
        }
      }
    }

    // 1. Agreement, on the very inputs that are timed.
    progress(`checking that wasm, native and plain JS agree (${cases.length} cases, rel. tol ${AGREEMENT_REL_TOL})...`);
    const problems = [];
    for (const c of cases) {
      const xs = inputs.get(c.n);
      const label = `${c.slug} ${c.fn} n=${c.n}`;
      const nativeOut = await native.dump(c.slug, c.fn, c.n, path.join(tmp, 'out.bin'));
      try {
        problems.push(...compare(label, xs, nativeOut, c.wasmCall(), 'native', 'wasm'));
      } catch (error) {
        problems.push(`${label}: wasm threw ${error.message}`);
      }
      problems.push(...compare(label, xs, nativeOut, Float64Array.from(c.jsCall()), 'native', 'js'));
      const kernel = kernelRunner(core, c.slug, c.fn, xs, c.defaults);
      if (kernel) {
        problems.push(...compare(label, xs, nativeOut, Float64Array.from(kernel.call()), 'native', 'wasm kernel'));
        kernel.free();
      }
    }
    if (problems.length) {
      fatal(`the implementations disagree, so nothing was timed:\n  ${problems.slice(0, 20).join('\n  ')}` +
        (problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''));
    }

    // 2. Timing. Per case: calibrate and warm up each implementation, then `reps` rounds
    // of wasm, native, JS (and the wasm kernel), one sample each, round-robin.
    const rows = [];
    for (const [index, c] of cases.entries()) {
      progress(`[${index + 1}/${cases.length}] ${c.slug} ${c.fn} n=${c.n}`);
      const kernel = kernelRunner(core, c.slug, c.fn, inputs.get(c.n), c.defaults);
      const wasm = jsSampler(c.wasmCall, c.n, minNs);
      const nativeWarm = await native.time(c.slug, c.fn, c.n, 1, options.minMs); // calibrates
      const js = jsSampler(c.jsCall, c.n, minNs);
      const kern = kernel ? jsSampler(kernel.call, c.n, minNs) : null;
      for (const warm of [wasm, js, kern]) {
        if (!warm) continue;
        warm.take();
        warm.faults.length = 0;
      }
      const samples = { wasm: [], native: [], js: [], kernel: [] };
      for (let r = 0; r < options.reps; r++) {
        samples.wasm.push(wasm.take());
        samples.native.push((await native.time(c.slug, c.fn, c.n, 1, options.minMs)).raw[0]);
        samples.js.push(js.take());
        if (kern) samples.kernel.push(kern.take());
      }
      kernel?.free();
      const wasmNs = median(samples.wasm);
      const nativeNs = median(samples.native);
      const jsNs = median(samples.js);
      const kernelNs = kern ? median(samples.kernel) : null;
      // nsPerElement is the median; min is there for runs on a busy machine.
      const stats = (ns, iters, list) => ({ nsPerElement: ns, min: Math.min(...list), iters, samples: list });
      rows.push({
        slug: c.slug,
        fn: c.fn,
        n: c.n,
        wasm: { ...stats(wasmNs, wasm.iters, samples.wasm), faultsPerCall: median(wasm.faults) },
        native: stats(nativeNs, nativeWarm.iters, samples.native),
        js: { ...stats(jsNs, js.iters, samples.js), faultsPerCall: median(js.faults) },
        wasmKernel: kern ? { ...stats(kernelNs, kern.iters, samples.kernel), faultsPerCall: median(kern.faults) } : null,
        wasmOverNative: wasmNs / nativeNs,
        jsOverWasm: jsNs / wasmNs,
        kernelOverNative: kern ? kernelNs / nativeNs : null,
        apiNsPerElement: kern ? wasmNs - kernelNs : null,
      });
    }

    // 3. Where the API's time goes: the fixed cost of one call, and the copies in and out.
    progress('measuring the API call overhead...');
    const overhead = measureOverhead(core, nativeList, rows, minNs);

    const loadAtEnd = os.loadavg()[0];
    const result = {
      meta: {
        date: new Date().toISOString(),
        node: process.version,
        v8: process.versions.v8,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        loadAverage: { start: loadAtStart, end: loadAtEnd },
        reps: options.reps,
        minSampleMs: options.minMs,
        inputs: `n points evenly spaced over [${INPUT_MIN}, ${INPUT_MIN + INPUT_SPAN}]`,
        agreementRelTol: AGREEMENT_REL_TOL,
        nativeBinary: shownPath(options.native),
        core: shownPath(options.core),
        seconds: (Date.now() - started) / 1000,
      },
      rows,
      overhead,
      targets: judge(rows),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printReport(result);
  } finally {
    await native.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  if (sink === Math.PI) say(''); // keeps the sink observable
}

function measureOverhead(core, nativeList, rows, minNs) {
  const reps = Math.max(5, Math.min(options.reps, 11));
  const repeatMedian = (sampler) => median(Array.from({ length: reps }, () => sampler.take()));
  const one = benchInputs(2).subarray(0, 1);
  const reluParams = wasmParams('relu', nativeList.get('relu') ?? []);
  const callNs = repeatMedian(jsSampler(() => core.evaluate('relu', one, reluParams), 1, minNs));
  const perSize = options.sizes.map((n) => {
    const xs = benchInputs(n);
    const scratch = new Float64Array(n);
    // Copying into an existing array (what filling wasm memory costs) and allocating a
    // copy (what handing back a fresh Float64Array costs).
    const copyIn = repeatMedian(jsSampler(() => {
      scratch.set(xs);
      return scratch;
    }, n, minNs));
    const copyOut = repeatMedian(jsSampler(() => xs.slice(), n, minNs));
    const sized = rows.filter((r) => r.n === n && r.apiNsPerElement !== null);
    const summary = (list) => (list.length ? {
      rows: list.length,
      median: median(list.map((r) => r.apiNsPerElement)),
      min: Math.min(...list.map((r) => r.apiNsPerElement)),
      max: Math.max(...list.map((r) => r.apiNsPerElement)),
      faultsPerCall: median(list.map((r) => r.wasm.faultsPerCall)),
    } : null);
    return {
      n,
      callNsPerElement: callNs / n,
      copyInNsPerElement: copyIn,
      copyOutNsPerElement: copyOut,
      // wasm - kernel, in ns/element, for rows whose result arrays reused pages and
      // for rows whose result arrays mostly got fresh (faulting) pages.
      apiNsPerElement: summary(sized.filter((r) => !faulted(r))),
      apiNsPerElementFaulting: summary(sized.filter(faulted)),
      resultPages: resultPages(n),
    };
  });
  return { callNs, perSize };
}

function judge(rows) {
  const nativeMisses = rows.filter((r) => !(r.wasmOverNative <= MAX_WASM_OVER_NATIVE));
  const speedRows = rows.filter((r) => SPEEDUP_SLUGS.has(r.slug));
  const speedMisses = speedRows.filter((r) => !(r.jsOverWasm >= MIN_JS_OVER_WASM));
  const brief = (r) => ({
    slug: r.slug, fn: r.fn, n: r.n, wasmOverNative: r.wasmOverNative, jsOverWasm: r.jsOverWasm,
    kernelOverNative: r.kernelOverNative,
  });
  return {
    wasmWithinNative: {
      target: `wasm time <= ${MAX_WASM_OVER_NATIVE}x native, every function, f and f', every size`,
      pass: nativeMisses.length === 0,
      checked: rows.length,
      misses: nativeMisses.map(brief),
    },
    wasmFasterThanJs: {
      target: `wasm >= ${MIN_JS_OVER_WASM}x faster than plain JS for ${[...SPEEDUP_SLUGS].join(', ')}, f and f', every size`,
      pass: speedRows.length > 0 && speedMisses.length === 0,
      checked: speedRows.length,
      misses: speedMisses.map(brief),
    },
  };
}

function printReport({ meta, rows, overhead, targets }) {
  const fnLabel = (fn) => (fn === 'f' ? 'f' : "f'");
  say('');
  say(`Activation core benchmark: ns per element, median of ${meta.reps} interleaved samples (each >= ${meta.minSampleMs} ms)`);
  say(`node ${meta.node} (V8 ${meta.v8}); ${meta.cpu}, ${meta.cores} cores; inputs: ${meta.inputs}`);
  say('wasm   = core.evaluate/derivative from web/src/core.js (copy in, checks, compute, copy out into a preallocated array)');
  say('kernel = the same wasm batch function on data already in wasm memory (diagnostic: wasm - kernel = API cost)');
  say('native = build/native_bench (g++ -O3); JS = bench/plain-js-activations.mjs into a preallocated array');
  // The bench keeps about one core busy itself, which the load at the end includes.
  if (Math.max(meta.loadAverage.start, meta.loadAverage.end - 1) > 0.75 * meta.cores) {
    say(`WARNING: the machine was busy (load average ${meta.loadAverage.start.toFixed(1)} at start, ` +
      `${meta.loadAverage.end.toFixed(1)} at end): figures are unreliable`);
  }
  say('');
  const header = [
    pad('function', 10, false), pad('fn', 2, false), pad('n', 4), pad('wasm', 7), pad('kernel', 7), pad('native', 7),
    pad('JS', 7), pad('wasm/native', 12), pad('kernel/native', 13), pad('JS/wasm', 8),
  ].join(' ');
  say(header);
  say('-'.repeat(header.length));
  for (const r of rows) {
    const missNative = !(r.wasmOverNative <= MAX_WASM_OVER_NATIVE);
    const missJs = SPEEDUP_SLUGS.has(r.slug) && !(r.jsOverWasm >= MIN_JS_OVER_WASM);
    say([
      pad(r.slug, 10, false), pad(fnLabel(r.fn), 2, false), pad(formatN(r.n), 4),
      pad(formatNs(r.wasm.nsPerElement) + (faulted(r) ? '#' : ''), 7), pad(formatNs(r.wasmKernel?.nsPerElement ?? NaN), 7),
      pad(formatNs(r.native.nsPerElement), 7), pad(formatNs(r.js.nsPerElement), 7),
      pad(formatRatio(r.wasmOverNative) + (missNative ? '*' : ' '), 12),
      pad(formatRatio(r.kernelOverNative ?? NaN) + ' ', 13),
      pad(formatRatio(r.jsOverWasm) + (missJs ? '*' : ' '), 8),
    ].join(' '));
  }
  say(`* = misses its target (wasm/native <= ${MAX_WASM_OVER_NATIVE}x everywhere; ` +
    `JS/wasm >= ${MIN_JS_OVER_WASM}x for ${[...SPEEDUP_SLUGS].join(', ')})`);
  if (rows.some(faulted)) {
    say('# = most API calls got fresh pages for their result array and page-faulted on every 4 KB of it');
  }

  say('');
  say(`API cost: one core.evaluate('relu') call on a single point takes ${overhead.callNs.toFixed(0)} ns.`);
  const range = (a) => `${formatNs(a.median)} ns/el (${formatNs(a.min)} to ${formatNs(a.max)}, ${a.rows} rows)`;
  for (const o of overhead.perSize) {
    const api = o.apiNsPerElement ? range(o.apiNsPerElement) : 'n/a';
    say(`  n=${formatN(o.n)}: wasm - kernel = ${api}; estimated as fixed per-call cost ${formatNs(o.callNsPerElement)} + ` +
      `copy in ${formatNs(o.copyInNsPerElement)} + allocating copy out ${formatNs(o.copyOutNsPerElement)} ns/el`);
    if (o.apiNsPerElementFaulting) {
      const f = o.apiNsPerElementFaulting;
      say(`         rows marked #: wasm - kernel = ${range(f)}, with ${f.faultsPerCall.toFixed(0)} page faults a call ` +
        `(the result array is ${o.resultPages} pages)`);
    }
  }

  say('');
  for (const t of Object.values(targets)) {
    say(`${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ` +
      (t.pass ? `all ${t.checked} rows` : `${t.misses.length} of ${t.checked} rows miss`));
    for (const m of t.misses) {
      say(`        ${m.slug} ${fnLabel(m.fn)} n=${formatN(m.n)}: wasm/native ${formatRatio(m.wasmOverNative)} ` +
        `(kernel/native ${formatRatio(m.kernelOverNative ?? NaN)}), JS/wasm ${formatRatio(m.jsOverWasm)}`);
    }
  }
  say(`(${meta.seconds.toFixed(0)} s; a measurement, not a test: misses do not fail the run)`);
}

main().catch((error) => fatal(error.stack || error.message));
