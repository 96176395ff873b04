// npm run bench: measurements, not tests. Each benchmark runs its contenders side by
// side in one process and prints ratios; misses are reported, not failed.
import { existsSync } from 'node:fs';
import { setup } from './setup.mjs';
import { buildAll } from './build.mjs';
import { repoRoot, run } from './lib/run.mjs';

setup({ browser: true });
buildAll();
run('node', ['bench/core-bench.mjs', ...process.argv.slice(2)]);
if (existsSync(`${repoRoot}bench/page-bench.mjs`)) run('node', ['bench/page-bench.mjs']);
