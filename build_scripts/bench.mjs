// npm run bench: measurements, not tests. Each benchmark runs its contenders side by
// side in one process and prints ratios; misses are reported, not failed.
//   core-bench.mjs        wasm vs native vs plain JS (options after `npm run bench --` go here)
//   page-bench.mjs        desktop: first chart painted vs the bare page, slider, first-view transfer
//   phone-bench.mjs       phone profile (390×844, slow 4G, CPU ÷4): FCP, LCP, first chart vs the bare page
//   lighthouse-bench.mjs  Lighthouse 12, mobile and desktop presets, English and Korean pages
// The page benchmarks read the pages' paths from BENCH_EN_PAGE / BENCH_KO_PAGE (bench/page-kit.mjs).
import { existsSync } from 'node:fs';
import { setup } from './setup.mjs';
import { buildAll } from './build.mjs';
import { repoRoot, run } from './lib/run.mjs';

setup({ browser: true });
buildAll();
const started = Date.now();
const seconds = [];
const timed = (name, args) => {
  const t = Date.now();
  run('node', [name, ...args]);
  seconds.push(`${name.replace('bench/', '')} ${Math.round((Date.now() - t) / 1000)} s`);
};
timed('bench/core-bench.mjs', process.argv.slice(2));
for (const name of ['page-bench.mjs', 'phone-bench.mjs', 'lighthouse-bench.mjs']) {
  if (existsSync(`${repoRoot}bench/${name}`)) timed(`bench/${name}`, []);
}
console.log(`\nbenchmarks took ${Math.round((Date.now() - started) / 1000)} s (${seconds.join(', ')}), after the build`);
