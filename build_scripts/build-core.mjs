// Builds the C++ core twice: natively (tests, benchmark, value dumper) and to
// WebAssembly (the module in web/src/generated/ and the same tests under Node).
import { run } from './lib/run.mjs';

const jobs = '2';

export function buildCore() {
  run('cmake', ['--preset', 'native', '-Wno-dev']);
  run('cmake', ['--build', '--preset', 'native', '-j', jobs]);
  run('cmake', ['--preset', 'wasm', '-Wno-dev']);
  run('cmake', ['--build', '--preset', 'wasm', '-j', jobs]);
}

if (import.meta.url === `file://${process.argv[1]}`) buildCore();
