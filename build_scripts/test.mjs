// npm test: installs what is missing, builds both targets and the site, then runs every
// suite: GoogleTest natively and as WebAssembly under Node, node --test for the JS
// modules, and the browser tests in Debian's Chromium.
import { existsSync, readdirSync } from 'node:fs';
import { setup } from './setup.mjs';
import { buildAll } from './build.mjs';
import { repoRoot, run, toolEnv } from './lib/run.mjs';

setup({ browser: true });
buildAll();

run('ctest', ['--preset', 'native']);
run('ctest', ['--preset', 'wasm']);

const env = { ...toolEnv, ACTIVATION_REFERENCE: `${repoRoot}build/reference/activation_reference.txt` };
run('node', ['--test', 'tests/js/', 'tests/content/'], { env });

const browserTests = existsSync(`${repoRoot}tests/e2e`)
  && readdirSync(`${repoRoot}tests/e2e`).some((name) => name.endsWith('.test.mjs'));
if (browserTests) run('node', ['--test', '--test-concurrency=1', 'tests/e2e/'], { env });
