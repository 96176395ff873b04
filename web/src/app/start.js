// The start-up the page and the embed share: the core, the state table built from its
// registry, the store, the context every section is handed, the test hook, and the message
// shown when the core cannot start.

import { loadCore } from '../core/core.js';
import { createStateTable } from '../model/state.js';
import frameworks from '../generated/frameworks.json';
import { createLabContext } from '../sections/context.js';
import { mountSection } from '../sections/index.js';

/**
 * Wait for the core, then build the table from its registry and the store from
 * `makeStore(table)` → { store, hook? } (hook: more read-only fields for the test hook).
 * Returns { core, table, store, ctx, mount(lab, level) → Promise<section> }, or { error } when the core could
 * not start (no WebAssembly, the wasm file missing): the caller says so and keeps the text.
 */
export async function startApp({ t, makeStore }) {
  let core;
  try {
    core = await loadCore();
  } catch (error) {
    console.warn('activation core failed to load:', error); // a warning: the page still works as text
    return { error };
  }
  const table = createStateTable(core.list(), core.comparisons(), core.groups(), frameworks);
  const { store, hook = {} } = makeStore(table);
  const { ctx, findChart } = createLabContext({ core, store, table, t });
  // A read-only hook for the browser tests (web/TESTING.md): plotted data and state.
  window.activationExplorer = Object.freeze({ core, state: () => store.get(), chart: findChart, ...hook });
  return { core, table, store, ctx, mount: (lab, level) => mountSection(lab, level, ctx) };
}

/** Say in `box` that the charts could not start, and stop every "loading" line under `root`. */
export function showCoreFailure(box, root, t) {
  box.textContent = t('app.wasmFailed');
  box.hidden = false;
  for (const status of root.querySelectorAll('.lab-status')) status.hidden = true;
}
