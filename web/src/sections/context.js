// What every section lab is handed (the core, the store, translations, the chart theme),
// shared by the page and the embed. Charts follow the system's light/dark setting.
import { applyTheme, readTheme } from '../charts/charts.js';

/** @returns {{ ctx: object, findChart: (canvasId: string) => object | null }} */
export function createLabContext({ core, store, table, t }) {
  const charts = new Set();
  let theme = readTheme();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    theme = readTheme();
    for (const chart of charts) applyTheme(chart, theme);
  });
  const ctx = { core, store, table, t, theme: () => theme, trackChart: (chart) => charts.add(chart) };
  const findChart = (canvasId) => [...charts].find((c) => c.canvas.id === canvasId) ?? null;
  return { ctx, findChart };
}
