// Imported first by the page's entry modules: starts fetching and compiling the wasm core
// while the rest of the bundle (Chart.js above all) is still being evaluated, instead of
// after it. loadCore() returns the same promise to everyone who asks later.
import { loadCore } from './core.js';

loadCore().catch(() => {}); // the entry module awaits it again and reports a failure
