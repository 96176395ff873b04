#!/usr/bin/env node
// Core benchmark (`npm run bench`): ns/element of f and f' of every function with a curve
// (the registry's scalar and pieces kinds, at their default parameters and pieces), for
// three implementations side by side in one run, samples interleaved round-robin:
//   wasm   - the wasm module under Node through the public zero-copy path (web/src/core/core.js):
//            batch.evaluate / batch.derivative on a core.createBatch(n), whose x and y
//            already live in wasm memory;
//   native - the same C++ built with -O3 (build/native_bench, a child process that times
//            activation::evaluate_checked, the checked call the wasm export also makes;
//            see cpp/bench/native_bench.cpp);
//   js     - the same formulas in plain JavaScript: each registry row's `baseline` (f and f'
//            as statements setting y from v), compiled into a batch loop per function
//            and per f/f' (see compileBaseline).
// Everything about the functions comes from the registry through core.list(): which are
// benchmarked, their defaults, their baselines, and which must beat plain JS (those whose
// properties say usesExp). A row added to the registry is benchmarked without editing this file.
// All three work on preallocated arrays, so the targets compare computation with
// computation. Beside them, not a target, "copying": core.evaluate(slug, xs, params, out),
// which also copies xs into wasm memory and the result out (copying - wasm = the copies).
// All get the same inputs (n points evenly spaced over [-10, 10]) and must agree
// to 1e-12 relative (or 1e-15·max(1, |x|) absolute) before anything is timed. It is a measurement, not a test: targets
// missed are printed as MISS and the exit code stays 0 (it is 1 only when the bench
// cannot run or the implementations disagree).
//
// Options: --json            results as JSON on stdout (progress goes to stderr)
//          --reps N          samples per implementation and case (default 11)
//          --min-ms X        minimum length of one sample in ms (default 5)
//          --sizes A,B       point counts (default 1000,1000000)
//          --only a,b        slugs to run (default every function with a curve)
//          --native PATH     the native_bench binary (default build/native_bench)
//          --core PATH       the core.js to load (default web/src/core/core.js), to compare builds

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FNS = ['f', 'df'];
const INPUT_MIN = -10;
const INPUT_SPAN = 20;
const AGREEMENT_REL_TOL = 1e-12;
const AGREEMENT_ABS_FLOOR = 1e-15; // × max(1, |x|): issue 12's accuracy rule near a zero crossing
// The targets.
const MAX_WASM_OVER_NATIVE = 1.5;
const MIN_JS_OVER_WASM = 1.5; // for the functions whose default properties say usesExp

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
    only: null, // every function with a curve; checked against the registry once it is loaded
    native: process.env.ACTIVATION_NATIVE_BENCH || path.join(ROOT, 'build', 'native_bench'),
    core: path.join(ROOT, 'web', 'src', 'core', 'core.js'),
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
// implementation is not charged to the next.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

const now = () => Number(process.hrtime.bigint());
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
// Two passes: the first runs on cold code (JS in the interpreter, wasm before its optimised
// tier is ready) and picks counts whose samples, once the code is hot, last a fraction of
// minNs; the second continues from there on hot code.
function calibrate(sample, minNs) {
  let iters = 1;
  for (let pass = 0; pass < 2; pass++) {
    for (;;) {
      const ns = sample(iters);
      if (ns >= minNs) break;
      iters = ns < minNs / 8 ? iters * 2 : Math.max(iters + 1, Math.ceil((iters * minNs * 1.1) / Math.max(ns, 1)));
    }
  }
  return iters;
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

  // list replies with one "act" line per function with a curve, then "end".
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

// The functions with a curve (every kind but 'vector'), in registry order, and among them
// those held to the JS-speedup target: the ones whose properties at the defaults use exp.
function benchedFunctions(core) {
  const functions = core.list().filter((entry) => entry.kind !== 'vector');
  const speedup = new Set(functions.filter((entry) => entry.properties.usesExp).map((entry) => entry.slug));
  return { functions, speedup };
}

// The public API's parameter object for the registry's defaults (and default pieces).
function wasmParams(entry) {
  const params = Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
  if (entry.pieces) params.pieces = entry.pieces.default.map((p) => ({ w: p.w, b: p.b }));
  return params;
}

// The plain-JS baseline's arguments at the defaults: p0, p1 and the pieces P ([] if none).
function plainJsArgs(entry) {
  const pieces = entry.pieces ? entry.pieces.default.map((p) => Object.freeze({ w: p.w, b: p.b })) : [];
  return [entry.params[0]?.default ?? 0, entry.params[1]?.default ?? 0, Object.freeze(pieces)];
}

// The pieces as the baselines read them: K, and the slopes W and offsets B as Float64Arrays,
// built on every call (the wasm side also converts the pieces on every call). A plain loop:
// two Float64Array.from(P, (p) => p.w) cost about 1 us a call, 1 ns/element at n = 1000.
const PIECES_PREAMBLE = 'const K = P.length; const W = new Float64Array(K); const B = new Float64Array(K); ' +
  'for (let j = 0; j < K; j++) { W[j] = P[j].w; B[j] = P[j].b; }';

// One batch function (x, out, n, p0, p1, P) from a row's baseline statements for f or f',
// which set `y` from `v`, `p0`/`p1` and, for the pieces kind, W, B and K (above; functions
// without pieces skip that preamble, so their loops allocate nothing, like hand-written ones).
// Each is compiled from its own source (the sourceURL names it), so every function's loop
// gets its own type feedback and stays monomorphic for the JIT.
function compileBaseline(entry, fn) {
  const body = entry.baseline?.[fn];
  if (typeof body !== 'string' || body.trim() === '') {
    fatal(`${entry.slug} has no plain-JS baseline for ${fn} in the registry (its row's baseline field)`);
  }
  const source = [
    "'use strict';",
    // Unboxed once, as the hand-written loops' `const slope = args.values[0]` was: a parameter
    // that is a result inside the loop (leaky ReLU's f' for v <= 0) is otherwise converted on
    // every iteration, which cost 10-20 % there.
    'p0 = +p0; p1 = +p1;',
    entry.pieces ? PIECES_PREAMBLE : '',
    `for (let i = 0; i < n; i++) { const v = x[i]; let y; ${body}\n out[i] = y; }`,
    `//# sourceURL=baseline/${entry.slug}/${fn}.js`,
  ].join('\n');
  try {
    return new Function('x', 'out', 'n', 'p0', 'p1', 'P', source);
  } catch (error) {
    return fatal(`${entry.slug}'s plain-JS baseline for ${fn} does not compile (${error.message}):\n  ${body}`);
  }
}

// ---------------------------------------------------------------- agreement

// Near a zero crossing a relative tolerance asks for digits no formula keeps (GELU's f′ near
// −0.75 is 1e-17 there): values within the accuracy targets' absolute floor agree too.
function agree(a, b, x) {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  const diff = Math.abs(a - b);
  return diff <= AGREEMENT_REL_TOL * Math.max(Math.abs(a), Math.abs(b)) || diff <= AGREEMENT_ABS_FLOOR * Math.max(1, Math.abs(x));
}

function compare(label, xs, expected, actual, expectedName, actualName) {
  if (!actual || actual.length !== expected.length) {
    return [`${label}: ${actualName} returned ${actual ? actual.length : 'nothing'} values, expected ${expected.length}`];
  }
  const problems = [];
  for (let i = 0; i < expected.length && problems.length < 5; i++) {
    if (!agree(expected[i], actual[i], xs[i])) {
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
  const ns = now() - start;
  sink += acc;
  return ns;
}

// A JS-side implementation: calibrated repeat count, then one sample per call of take().
function jsSampler(call, n, minNs) {
  const sample = (iters) => timeCalls(call, iters);
  collectGarbage();
  const iters = calibrate(sample, minNs);
  return {
    iters,
    take() {
      collectGarbage();
      return sample(iters) / (iters * n);
    },
  };
}

function formatNs(value) {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
const formatRatio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');
const formatN = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));

function pad(text, width, right = true) {
  return right ? String(text).padStart(width) : String(text).padEnd(width);
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  if (!existsSync(options.native)) {
    fatal(`${shownPath(options.native)} not found: build it first ` +
      '(cmake --preset native && cmake --build build --target native_bench)');
  }
  const core = await loadWasmCore();
  const { functions, speedup } = benchedFunctions(core);
  const bySlug = new Map(functions.map((entry) => [entry.slug, entry]));
  const only = options.only ?? functions.map((entry) => entry.slug);
  for (const slug of only) if (!bySlug.has(slug)) usage(`unknown slug ${slug} (${[...bySlug.keys()].join(', ')})`);
  const native = new NativeBench(options.native);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'core-bench-'));
  try {
    const nativeList = await native.list();
    const minNs = options.minMs * 1e6;
    const inputs = new Map(options.sizes.map((n) => [n, benchInputs(n)]));
    // One batch per size, its x filled once: every case only rewrites y.
    const batches = new Map(options.sizes.map((n) => {
      const batch = core.createBatch(n);
      batch.x.set(inputs.get(n));
      return [n, batch];
    }));

    const cases = [];
    for (const slug of only) {
      if (!nativeList.has(slug)) fatal(`native_bench does not know '${slug}' (an older build? rebuild it)`);
      const entry = bySlug.get(slug);
      // Both sides read the same registry; a stale build of either shows up here.
      const nativeDefaults = nativeList.get(slug).map((p) => `${p.name}=${p.value}`).join(' ');
      const coreDefaults = entry.params.map((p) => `${p.name}=${p.default}`).join(' ');
      if (nativeDefaults !== coreDefaults) {
        fatal(`${slug}: native_bench's defaults (${nativeDefaults || 'none'}) are not the core's ` +
          `(${coreDefaults || 'none'}); rebuild the older of the two`);
      }
      const params = wasmParams(entry);
      const [p0, p1, pieces] = plainJsArgs(entry);
      for (const fn of FNS) {
        const jsBatch = compileBaseline(entry, fn);
        for (const n of options.sizes) {
          const xs = inputs.get(n);
          const out = new Float64Array(n);
          const batch = batches.get(n);
          // The copying API writes into a preallocated `out` too, so nothing pays for allocation.
          const copyOut = new Float64Array(n);
          cases.push({
            slug,
            fn,
            n,
            wasmCall: fn === 'f'
              ? () => {
                batch.evaluate(slug, params);
                return batch.y;
              }
              : () => {
                batch.derivative(slug, params);
                return batch.y;
              },
            copyCall: fn === 'f'
              ? () => core.evaluate(slug, xs, params, copyOut)
              : () => core.derivative(slug, xs, params, copyOut),
            jsCall: () => {
              jsBatch(xs, out, n, p0, p1, pieces);
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
      for (const [name, call] of [['wasm', c.wasmCall], ['copying', c.copyCall], ['js', c.jsCall]]) {
        try {
          problems.push(...compare(label, xs, nativeOut, Float64Array.from(call()), 'native', name));
        } catch (error) {
          problems.push(`${label}: ${name} threw ${error.message}`);
        }
      }
    }
    if (problems.length) {
      fatal(`the implementations disagree, so nothing was timed:\n  ${problems.slice(0, 20).join('\n  ')}` +
        (problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''));
    }

    // 2. Timing. Per case: calibrate and warm up each implementation, then `reps` rounds
    // of wasm, copying, native, JS, one sample each, round-robin.
    const rows = [];
    for (const [index, c] of cases.entries()) {
      progress(`[${index + 1}/${cases.length}] ${c.slug} ${c.fn} n=${c.n}`);
      const wasm = jsSampler(c.wasmCall, c.n, minNs);
      const copying = jsSampler(c.copyCall, c.n, minNs);
      const nativeWarm = await native.time(c.slug, c.fn, c.n, 1, options.minMs); // calibrates
      const js = jsSampler(c.jsCall, c.n, minNs);
      for (const warm of [wasm, copying, js]) warm.take();
      const samples = { wasm: [], copying: [], native: [], js: [] };
      for (let r = 0; r < options.reps; r++) {
        samples.wasm.push(wasm.take());
        samples.copying.push(copying.take());
        samples.native.push((await native.time(c.slug, c.fn, c.n, 1, options.minMs)).raw[0]);
        samples.js.push(js.take());
      }
      const wasmNs = median(samples.wasm);
      const copyingNs = median(samples.copying);
      const nativeNs = median(samples.native);
      const jsNs = median(samples.js);
      // nsPerElement is the median; min is there for runs on a busy machine.
      const stats = (ns, iters, list) => ({ nsPerElement: ns, min: Math.min(...list), iters, samples: list });
      rows.push({
        slug: c.slug,
        fn: c.fn,
        n: c.n,
        wasm: stats(wasmNs, wasm.iters, samples.wasm),
        copying: stats(copyingNs, copying.iters, samples.copying),
        native: stats(nativeNs, nativeWarm.iters, samples.native),
        js: stats(jsNs, js.iters, samples.js),
        wasmOverNative: wasmNs / nativeNs,
        copyingOverNative: copyingNs / nativeNs,
        jsOverWasm: jsNs / wasmNs,
        copiesNsPerElement: copyingNs - wasmNs,
      });
    }
    for (const batch of batches.values()) batch.free();

    // 3. The fixed cost of one call on each path, and what the copies cost.
    progress('measuring the API call overhead...');
    const overhead = measureOverhead(core, functions, rows, minNs);

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
      targets: judge(rows, speedup),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printReport(result, speedup);
  } finally {
    await native.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  if (sink === Math.PI) say(''); // keeps the sink observable
}

// The fixed cost of a call is measured on the first function of the scalar kind without
// parameters (registry order), whose one point costs next to nothing to compute.
function overheadFunction(functions) {
  return functions.find((entry) => entry.kind === 'scalar' && entry.params.length === 0) ?? functions[0];
}

function measureOverhead(core, functions, rows, minNs) {
  const reps = Math.max(5, Math.min(options.reps, 11));
  const repeatMedian = (sampler) => median(Array.from({ length: reps }, () => sampler.take()));
  const one = benchInputs(2).subarray(0, 1);
  const entry = overheadFunction(functions);
  const slug = entry.slug;
  const params = wasmParams(entry);
  const oneOut = new Float64Array(1);
  const copyingCallNs = repeatMedian(jsSampler(() => core.evaluate(slug, one, params, oneOut), 1, minNs));
  const batch = core.createBatch(1);
  batch.x.set(one);
  const batchCallNs = repeatMedian(jsSampler(() => {
    batch.evaluate(slug, params);
    return batch.y;
  }, 1, minNs));
  batch.free();
  const perSize = options.sizes.map((n) => {
    const xs = benchInputs(n);
    const scratch = new Float64Array(n);
    // One copy of n doubles between existing arrays; the copying path makes two.
    const copy = repeatMedian(jsSampler(() => {
      scratch.set(xs);
      return scratch;
    }, n, minNs));
    const copies = rows.filter((r) => r.n === n).map((r) => r.copiesNsPerElement);
    return {
      n,
      copyNsPerElement: copy,
      copiesNsPerElement: copies.length ? { rows: copies.length, median: median(copies), min: Math.min(...copies), max: Math.max(...copies) } : null,
    };
  });
  return { slug, batchCallNs, copyingCallNs, perSize };
}

function judge(rows, speedup) {
  const nativeMisses = rows.filter((r) => !(r.wasmOverNative <= MAX_WASM_OVER_NATIVE));
  const speedRows = rows.filter((r) => speedup.has(r.slug));
  const speedMisses = speedRows.filter((r) => !(r.jsOverWasm >= MIN_JS_OVER_WASM));
  const brief = (r) => ({
    slug: r.slug, fn: r.fn, n: r.n, wasmOverNative: r.wasmOverNative, jsOverWasm: r.jsOverWasm,
    copyingOverNative: r.copyingOverNative,
  });
  return {
    wasmWithinNative: {
      target: `wasm time <= ${MAX_WASM_OVER_NATIVE}x native, every function, f and f', every size`,
      pass: nativeMisses.length === 0,
      checked: rows.length,
      misses: nativeMisses.map(brief),
    },
    wasmFasterThanJs: {
      target: `wasm >= ${MIN_JS_OVER_WASM}x faster than plain JS for ${[...speedup].join(', ')}, f and f', every size`,
      pass: speedRows.length > 0 && speedMisses.length === 0,
      checked: speedRows.length,
      misses: speedMisses.map(brief),
    },
  };
}

function printReport({ meta, rows, overhead, targets }, speedup) {
  const fnLabel = (fn) => (fn === 'f' ? 'f' : "f'");
  say('');
  say(`Activation core benchmark: ns per element, median of ${meta.reps} interleaved samples (each >= ${meta.minSampleMs} ms)`);
  say(`node ${meta.node} (V8 ${meta.v8}); ${meta.cpu}, ${meta.cores} cores; inputs: ${meta.inputs}`);
  say('wasm    = batch.evaluate/derivative on a core.createBatch(n): x and y already in wasm memory (the targets use this)');
  say('copying = core.evaluate/derivative(slug, xs, params, out): the same plus copying xs in and the result out');
  say('native  = build/native_bench (g++ -O3, the same checked call); JS = the registry rows\' plain-JS baselines; ' +
    'both on preallocated arrays');
  // The bench keeps about one core busy itself, which the load at the end includes.
  if (Math.max(meta.loadAverage.start, meta.loadAverage.end - 1) > 0.75 * meta.cores) {
    say(`WARNING: the machine was busy (load average ${meta.loadAverage.start.toFixed(1)} at start, ` +
      `${meta.loadAverage.end.toFixed(1)} at end): figures are unreliable`);
  }
  say('');
  const header = [
    pad('function', 10, false), pad('fn', 2, false), pad('n', 4), pad('wasm', 7), pad('copying', 7), pad('native', 7),
    pad('JS', 7), pad('wasm/native', 12), pad('copying/native', 14), pad('JS/wasm', 8),
  ].join(' ');
  say(header);
  say('-'.repeat(header.length));
  for (const r of rows) {
    const missNative = !(r.wasmOverNative <= MAX_WASM_OVER_NATIVE);
    const missJs = speedup.has(r.slug) && !(r.jsOverWasm >= MIN_JS_OVER_WASM);
    say([
      pad(r.slug, 10, false), pad(fnLabel(r.fn), 2, false), pad(formatN(r.n), 4),
      pad(formatNs(r.wasm.nsPerElement), 7), pad(formatNs(r.copying.nsPerElement), 7),
      pad(formatNs(r.native.nsPerElement), 7), pad(formatNs(r.js.nsPerElement), 7),
      pad(formatRatio(r.wasmOverNative) + (missNative ? '*' : ' '), 12),
      pad(formatRatio(r.copyingOverNative) + ' ', 14),
      pad(formatRatio(r.jsOverWasm) + (missJs ? '*' : ' '), 8),
    ].join(' '));
  }
  say(`* = misses its target (wasm/native <= ${MAX_WASM_OVER_NATIVE}x everywhere; ` +
    `JS/wasm >= ${MIN_JS_OVER_WASM}x for ${[...speedup].join(', ')})`);

  say('');
  say(`Fixed cost of one call on a single point (${overhead.slug}): batch ${overhead.batchCallNs.toFixed(0)} ns, ` +
    `copying ${overhead.copyingCallNs.toFixed(0)} ns.`);
  for (const o of overhead.perSize) {
    const c = o.copiesNsPerElement;
    const measured = c ? `${formatNs(c.median)} ns/el (${formatNs(c.min)} to ${formatNs(c.max)}, ${c.rows} rows)` : 'n/a';
    say(`  n=${formatN(o.n)}: copying - wasm = ${measured}; one Float64Array copy of n doubles takes ` +
      `${formatNs(o.copyNsPerElement)} ns/el, and copying makes two`);
  }

  say('');
  for (const t of Object.values(targets)) {
    if (t.checked === 0) {
      say(`n/a   ${t.target}: no rows to check`);
      continue;
    }
    say(`${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ` +
      (t.pass ? `all ${t.checked} rows` : `${t.misses.length} of ${t.checked} rows miss`));
    for (const m of t.misses) {
      say(`        ${m.slug} ${fnLabel(m.fn)} n=${formatN(m.n)}: wasm/native ${formatRatio(m.wasmOverNative)} ` +
        `(copying/native ${formatRatio(m.copyingOverNative)}), JS/wasm ${formatRatio(m.jsOverWasm)}`);
    }
  }
  say(`(${meta.seconds.toFixed(0)} s; a measurement, not a test: misses do not fail the run)`);
}

main().catch((error) => fatal(error.stack || error.message));
