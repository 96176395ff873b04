// npm start: build everything, then serve dist/ and print its address.
import { setup } from './setup.mjs';
import { buildAll } from './build.mjs';
import { run } from './lib/run.mjs';

setup();
buildAll();
run('node', ['build_scripts/serve.mjs']);
