// npm run build: everything from sources to the static site in dist/.
import { setup } from './setup.mjs';
import { buildCore } from './build-core.mjs';
import { run } from './lib/run.mjs';

export function buildAll() {
  buildCore();
  run('node', ['build_scripts/build-web.mjs']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setup();
  buildAll();
}
