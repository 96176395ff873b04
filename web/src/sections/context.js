// What every section lab is handed (the core, the store, translations, the chart theme),
// shared by the page and the embed. Charts follow the system's light/dark setting, and
// print in the light one.
import { applyTheme, readTheme } from '../charts/charts.js';

/** @returns {{ ctx: object, findChart: (canvasId: string) => object | null }} */
export function createLabContext({ core, store, table, t }) {
  const charts = new Set();
  let theme = readTheme();
  const retheme = () => {
    theme = readTheme();
    for (const chart of charts) applyTheme(chart, theme);
  };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', retheme);
  // Paper is white: charts print in the light colours even from a dark screen (print.css).
  addEventListener('beforeprint', () => { document.documentElement.classList.add('printing'); retheme(); });
  addEventListener('afterprint', () => { document.documentElement.classList.remove('printing'); retheme(); });
  const ctx = { core, store, table, t, theme: () => theme, trackChart: (chart) => charts.add(chart) };
  const findChart = (canvasId) => [...charts].find((c) => c.canvas.id === canvasId) ?? null;
  return { ctx, findChart };
}
