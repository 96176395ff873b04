// What the page benchmarks share (bench/page-bench.mjs, bench/phone-bench.mjs,
// bench/lighthouse-bench.mjs): which pages of dist/ are measured, the site they are served
// from, the "first chart painted" probe and the statistics.
//
// The only assumptions about the explorer's pages are the ones below: an English page and a
// Korean page somewhere in dist/ (paths configurable), and a chart drawn on a <canvas> as a
// path of ≥ 32 line segments (the probe). Nothing here knows the page's ids or structure.

import { cp, mkdir, mkdtemp, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, ROOT } from '../tests/e2e/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---- which pages

/**
 * The explorer's pages, as paths relative to the site root (a query string allowed):
 *   en: --en PATH, else BENCH_EN_PAGE, else '' (the root, i.e. dist/index.html);
 *   ko: --ko PATH, else BENCH_KO_PAGE, else 'ko/' when dist/ko/index.html exists (one page per
 *       language), else 'index.html?lang=ko' (one page that picks its language at run time).
 * `dist` is where to look for ko/index.html.
 */
export function pagePaths({ en, ko } = {}, dist = DIST) {
  const strip = (p) => String(p).replace(/^\/+/, '');
  return {
    en: strip(en ?? process.env.BENCH_EN_PAGE ?? ''),
    ko: strip(ko ?? process.env.BENCH_KO_PAGE ?? (existsSync(path.join(dist, 'ko', 'index.html')) ? 'ko/' : 'index.html?lang=ko')),
  };
}

/** The bare comparison page's path on the benchmark site (see prepareSite). */
export const BARE_PATH = 'bare/';

/** Browser locale for a page of the given language (a reader of that language). */
export const LOCALES = { en: 'en-US', ko: 'ko-KR' };

// ---- the site: dist/ plus the bare page in one directory, one server

/**
 * A temporary copy of dist/ with bench/bare/ (and Chart.js's UMD build) at bare/, so both are
 * served by one build_scripts/serve.mjs from one origin. Returns the directory.
 */
export async function prepareSite() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `node build_scripts/build.mjs` first');
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'page-bench-'));
  await cp(DIST, dir, { recursive: true });
  const bare = path.join(dir, 'bare');
  await mkdir(bare, { recursive: true });
  await copyFile(path.join(HERE, 'bare', 'index.html'), path.join(bare, 'index.html'));
  await copyFile(path.join(HERE, 'bare', 'bare.js'), path.join(bare, 'bare.js'));
  await copyFile(path.join(ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.js'), path.join(bare, 'chart.umd.js'));
  return dir;
}

// ---- first chart painted

/**
 * Init script (runs before any page script): marks the first frame after the first curve is
 * stroked on any canvas. It counts lineTo calls per path (on the context and on Path2D
 * objects) and, at the first stroke() of a path with ≥ 32 segments (a curve, not a grid line),
 * records the time (firstCurveAt) and the time of the next requestAnimationFrame callback
 * (paintedAt), i.e. the start of the frame after the one that drew the curve.
 */
export function paintProbe() {
  const MIN_SEGMENTS = 32;
  const segments = new WeakMap();
  const bench = { firstCurveAt: null, paintedAt: null, canvas: null };
  Object.defineProperty(window, '__pageBench', { value: bench });
  const countLineTo = (proto) => {
    const lineTo = proto.lineTo;
    proto.lineTo = function patchedLineTo(...args) {
      segments.set(this, (segments.get(this) ?? 0) + 1);
      return lineTo.apply(this, args);
    };
  };
  const ctx = CanvasRenderingContext2D.prototype;
  countLineTo(ctx);
  if (typeof Path2D === 'function') countLineTo(Path2D.prototype);
  const beginPath = ctx.beginPath;
  ctx.beginPath = function patchedBeginPath() {
    segments.set(this, 0);
    return beginPath.call(this);
  };
  const stroke = ctx.stroke;
  ctx.stroke = function patchedStroke(...args) {
    const result = stroke.apply(this, args);
    if (bench.firstCurveAt === null && (segments.get(args[0] ?? this) ?? 0) >= MIN_SEGMENTS) {
      bench.firstCurveAt = performance.now();
      bench.canvas = this.canvas?.id ?? '';
      requestAnimationFrame(() => {
        bench.paintedAt = performance.now();
        performance.mark('first-chart-painted');
      });
    }
    return result;
  };
}

// ---- statistics

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Nearest-rank quantile. */
export function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const median = (xs) => {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const summary = (xs) => ({ median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/**
 * A ratio of medians with its spread: the median ratio, and the lowest and highest ratio
 * any pairing of samples gives (min a / max b … max a / min b).
 */
export function ratio(a, b) {
  return { median: median(a) / median(b), min: Math.min(...a) / Math.max(...b), max: Math.max(...a) / Math.min(...b) };
}

// ---- formatting

export const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 0)} ms` : '—');
export const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
export const verdict = (ok) => (ok ? 'PASS' : 'MISS');
