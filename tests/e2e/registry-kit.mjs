// What the browser tests expect, derived from the core's registry (core.list(),
// core.comparisons()) and the page's state table, so that a function or comparison added to
// the registry is covered by every test without editing it; plus checks that a section's
// drawn view (its chart, bars, readout) is what core.js computes for the page's own state.
//
//   import { registry, checkSection } from './registry-kit.mjs';
//   for (const spec of registry.curveFunctions) …
//   assert.deepEqual(await checkSection(page, 'elu'), []);   // [] or a list of problems

import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  nodeCore, pageFormat, waitForChart, readChart, frames, comparePoints, close,
} from './harness.mjs';
import { createStateTable, boundsOf, isDefault, paramsOf } from '../../web/src/model/state.js';
import { lockables } from '../../web/src/share/embed-options.js';
import { makeTranslator } from '../../web/src/text/i18n.js';
import { ROOT } from './browser.mjs';
import { pageSections } from '../../build_scripts/lib/content.mjs';
import { pagePath } from '../../web/src/model/page-paths.js';

const core = await nodeCore();
const { formatNumber } = await pageFormat();
const list = core.list();
const allComparisons = core.comparisons();
const groups = core.groups();
const table = createStateTable(list, allComparisons, groups, JSON.parse(readFileSync(path.join(ROOT, 'web/src/generated/frameworks.json'), 'utf8')));

// The page's sections as the build orders them (build_scripts/lib/content.mjs): the
// article's part on index.html, the part beyond it on beyond.html (the single file and the
// embeds hold every part).
const pageOrder = pageSections(list, allComparisons, groups);
const kindOf = (id) => table.sections.find((s) => s.id === id)?.kind;

/** What one page (or, with every section, the whole explorer) holds, in document order. */
function describe(sections) {
  const topLevel = sections.filter((s) => s.parent === undefined);
  const ids = new Set(sections.map((s) => s.id));
  const childrenOf = (id) => sections.filter((s) => s.parent === id);
  // In document order: a nested function right after its parent's own content.
  const sectionIds = topLevel.flatMap((s) => [s.id, ...childrenOf(s.id).map((c) => c.id)]);
  const rows = list.filter((s) => ids.has(s.slug));
  const comparisonRows = allComparisons.filter((c) => ids.has(c.id));
  return {
    comparisons: comparisonRows.filter((c) => c.style === 'checklist'),
    pickers: comparisonRows.filter((c) => c.style === 'picker'),
    frameworkSections: comparisonRows.filter((c) => c.style === 'frameworks'),
    functions: rows.map((s) => s.slug),
    curveFunctions: rows.filter((s) => s.kind !== 'vector'),
    vectorFunctions: rows.filter((s) => s.kind === 'vector'),
    sectionIds,
    topLevelIds: topLevel.map((s) => s.id),
    nested: sections.filter((s) => s.spec && s.parent !== undefined).map((s) => ({ id: s.id, parent: s.parent })),
    canvasIds: sectionIds.filter(kindOf).flatMap((id) => (kindOf(id) === 'vector' ? [`${id}-logits-chart`, `${id}-chart`] : [`${id}-chart`])),
    /** Formula blocks: f and f′ for each function, ∂f/∂p where it has one. */
    formulaCount: rows.reduce((n, s) => n + 2 + (s.parameterDerivativeFormula ? 1 : 0), 0),
  };
}

const pages = [...new Set(pageOrder.map((s) => s.part))].map((part) => ({
  part, path: pagePath('en', part), koPath: pagePath('ko', part), ...describe(pageOrder.filter((s) => s.part === part)),
}));
const partOfSection = new Map(pageOrder.map((s) => [s.id, s.part]));

/**
 * Everything the tests derive from the registry, for the whole explorer (every part: the
 * single file, the embeds) and, in `pages`, for each page of the site:
 *   list, table                       as the page builds them
 *   comparisons / pickers             core.comparisons() rows: the checklist sections after the
 *                                     functions / the first screen's charts (style 'picker')
 *   functions                         slugs in registry order
 *   curveFunctions / vectorFunctions  registry rows with a curve (scalar, pieces) / bars (vector)
 *   sectionIds                        every `main section[id]`, in document order
 *   topLevelIds                       the table of contents (nested functions left out)
 *   nested                            [{ id, parent }] for functions shown inside another's section
 *   embeddable                        every function and comparison (embed.html?fn=<id>)
 *   canvasIds                         every chart canvas, in document order
 *   paramFields                       every parameter field of the state table (all sections)
 *   pages                             [{ part, path, koPath, …the fields above for that page }]
 *   pageOf(id, lang)                  the page holding a section ('index.html', 'ko/beyond.html', …)
 */
export const registry = {
  core,
  list,
  table,
  ...describe(pageOrder),
  embeddable: table.sections.map((s) => s.id),
  paramFields: table.fields.filter((f) => f.param !== undefined),
  pages,
  pageOf: (id, lang = 'en') => pagePath(lang, partOfSection.get(id) ?? pages[0].part),
};

// The page's dictionaries: web/i18n/<lang>.json and the names from the content files'
// front matter (web/src/generated/content-dictionary.json, written by the build).
const json = (rel) => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8'));
const content = json('web/src/generated/content-dictionary.json');
export const dictionaries = {
  en: { ...json('web/i18n/en.json'), ...content.en },
  ko: { ...json('web/i18n/ko.json'), ...content.ko },
};
/** The page's translate function for `lang` (Korean falls back to English, as on the page). */
export const translator = (lang) => makeTranslator(dictionaries[lang], dictionaries.en);
/** The frameworks' defaults, from the explanations' front matter (the build writes them). */
export const frameworksData = json('web/src/generated/frameworks.json');

export const specOf = (slug) => table.specs.get(slug);
export const sectionOf = (id) => table.sections.find((s) => s.id === id);
export const fieldsOf = (id) => table.fields.filter((f) => f.section === id);
export { lockables, boundsOf, isDefault };

/** Each function's parameters (and pieces) at their defaults, as the core takes them. */
export function defaultParams(spec) {
  const params = Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
  return spec.pieces ? { ...params, pieces: spec.pieces.default } : params;
}

/**
 * A value of a number field strictly inside its allowed range and off its default, on the
 * field's step grid (so a slider can take it exactly): about `at` of the way across.
 */
export function insideValue(field, at = 0.7) {
  const { lo, hi } = boundsOf(field);
  const decimals = Math.max(0, -Math.floor(Math.log10(field.step)) + 2);
  const round = (v) => Number(v.toFixed(decimals));
  for (const f of [at, 1 - at, 0.5]) {
    const v = round(lo + Math.round((f * (hi - lo)) / field.step) * field.step);
    if (v > lo && v < hi && v !== field.default) return v;
  }
  throw new Error(`${field.key}: no value inside (${lo}, ${hi}) off the default`);
}

/** Where the page breaks a function's lines: f where it jumps, f′ at every kink. */
export function gapsOf(slug, params) {
  const p = core.properties(slug, params);
  return { f: p.continuity < 0 ? p.nonDifferentiableAt : [], df: p.nonDifferentiableAt, continuous: p.continuity >= 0 };
}

/**
 * Gaps are exactly where expected: a NaN point at each of `gaps` strictly inside the plotted
 * x-range (NaN anywhere else is comparePoints's to report).
 */
function checkGaps(data, gaps, what) {
  if (data.length < 2) return [];
  const inside = gaps.filter((g) => g > data[0][0] && g < data.at(-1)[0]);
  return inside.filter((g) => !data.some(([x, y]) => x === g && Number.isNaN(y))).map((g) => `${what}: no gap at x = ${g}`);
}

/** A continuous f passes exactly through (k, f(k)) at each kink k inside the range: its corners stay sharp. */
function checkCorners(data, kinks, what, slug, params) {
  if (data.length < 2) return [];
  const inside = kinks.filter((k) => k > data[0][0] && k < data.at(-1)[0]);
  const ys = core.evaluate(slug, inside, params);
  return inside.filter((k, i) => !data.some(([x, y]) => x === k && close(y, ys[i])))
    .map((k) => `${what}: no exact corner point at x = ${k}`);
}

/**
 * f (or the label given) and f′ of `slug` drawn as the core computes them, gaps exactly at
 * its kinks. Every plotted point is compared (`count: Infinity`): a few hundred core values
 * a curve cost far less than reading the chart.
 */
function checkCurvePair(chart, slug, params, { fLabel, dfLabel, what, kinks = gapsOf(slug, params) }) {
  const problems = [];
  const f = chart.datasets.find((d) => d.label === fLabel);
  const df = chart.datasets.find((d) => d.label === dfLabel);
  if (!f || !df) return [`${what}: no curves "${fLabel}" and "${dfLabel}" (have ${chart.datasets.map((d) => d.label).join(', ')})`];
  if (!f.hidden) {
    problems.push(...comparePoints(f.data, (xs) => core.evaluate(slug, xs, params), { gapsAt: kinks.f, what: `${what} f`, count: Infinity }));
    problems.push(...checkGaps(f.data, kinks.f, `${what} f`));
    if (kinks.continuous) problems.push(...checkCorners(f.data, kinks.df, `${what} f`, slug, params));
  }
  if (!df.hidden) {
    problems.push(...comparePoints(df.data, (xs) => core.derivative(slug, xs, params), { gapsAt: kinks.df, what: `${what} f′`, count: Infinity }));
    problems.push(...checkGaps(df.data, kinks.df, `${what} f′`));
  }
  return problems;
}

function checkRange(chart, section, what) {
  if (chart.xMin === section.xmin && chart.xMax === section.xmax) return [];
  return [`${what}: the x-axis is ${chart.xMin} … ${chart.xMax}, the state says ${section.xmin} … ${section.xmax}`];
}

/** Dataset visibility: `want` maps label → shown. */
function checkShown(chart, want, what) {
  const problems = [];
  for (const [label, shown] of Object.entries(want)) {
    const d = chart.datasets.find((s) => s.label === label);
    if (!d) problems.push(`${what}: no curve "${label}"`);
    else if (d.hidden === shown) problems.push(`${what}: "${label}" is ${d.hidden ? 'hidden' : 'shown'}`);
  }
  return problems;
}

function checkScalar(chart, spec, section, params, derivatives) {
  const { slug } = spec;
  const problems = checkRange(chart, section, slug);
  const atDefault = spec.params.every((p) => params[p.name] === p.default);
  const dparam = Boolean(spec.parameterDerivativeFormula);
  problems.push(...checkShown(chart, { f: true, df: derivatives, ...(dparam ? { dparam: derivatives } : {}) }, slug));
  const f = chart.datasets.find((d) => d.label === 'f');
  const df = chart.datasets.find((d) => d.label === 'df');
  if (f && f.borderDash.length !== 0) problems.push(`${slug}: f is not solid`);
  if (df && df.borderDash.length === 0) problems.push(`${slug}: f′ is not dashed`);
  if (f && f.data.length >= 2 && !(close(f.data[0][0], section.xmin) && close(f.data.at(-1)[0], section.xmax))) {
    problems.push(`${slug}: f spans ${f.data[0][0]} … ${f.data.at(-1)[0]}, not the x-range`);
  }
  if (f && chart.chartArea && f.data.length < Math.min(64, (chart.chartArea.right - chart.chartArea.left) * 0.5)) {
    problems.push(`${slug}: only ${f.data.length} points for a ${chart.chartArea.right - chart.chartArea.left} px plot`);
  }
  problems.push(...checkCurvePair(chart, slug, params, { fLabel: 'f', dfLabel: 'df', what: `${slug} @${JSON.stringify(params)}` }));
  if (dparam && derivatives) {
    const dp = chart.datasets.find((d) => d.label === 'dparam');
    if (dp) problems.push(...comparePoints(dp.data, (xs) => core.parameterDerivative(slug, xs, params), { what: `${slug} ∂f/∂${spec.params[0].symbol}`, count: Infinity }));
  }
  // A training band's edges: f with both band parameters at the low one's value, and at the high one's.
  if (spec.band) {
    spec.band.forEach((name, i) => {
      const label = i === 0 ? 'band low' : 'band high';
      const edge = { ...params, [spec.band[0]]: params[name], [spec.band[1]]: params[name] };
      const d = chart.datasets.find((set) => set.label === label);
      if (!d) problems.push(`${slug}: no curve "${label}"`);
      else if (d.hidden) problems.push(`${slug}: the band's edge "${label}" is hidden`);
      else problems.push(...comparePoints(d.data, (xs) => core.evaluate(slug, xs, edge), { what: `${slug} ${label}`, count: Infinity }));
    });
  }
  // The faint curves at the defaults: only while a parameter is off its default.
  const faint = chart.datasets.filter((d) => !['f', 'df', 'dparam', 'band low', 'band high'].includes(d.label));
  if (spec.params.length === 0) return problems;
  if (faint.length !== 2) return [...problems, `${slug}: ${faint.length} faint default curves, expected 2`];
  if (atDefault) {
    if (!faint.every((d) => d.hidden)) problems.push(`${slug}: default curves shown while at the defaults`);
  } else {
    if (faint[0].hidden) problems.push(`${slug}: the faint default f is not shown off the defaults`);
    const defaults = defaultParams(spec);
    const kinks = gapsOf(slug, defaults);
    problems.push(...checkCurvePair(chart, slug, defaults, {
      fLabel: faint[0].label, dfLabel: faint[1].label, what: `${slug} default`, kinks,
    }));
  }
  return problems;
}

function checkPieces(chart, spec, section, derivatives) {
  const { slug } = spec;
  const pieces = section.pieces;
  const params = { pieces };
  const problems = [...checkRange(chart, section, slug), ...checkShown(chart, { max: true, df: derivatives }, slug)];
  problems.push(...checkCurvePair(chart, slug, params, { fLabel: 'max', dfLabel: 'df', what: `${slug} ${JSON.stringify(pieces)}` }));
  const lines = chart.datasets.filter((d) => /^piece \d+$/.test(d.label) && !d.hidden);
  if (lines.length !== pieces.length) problems.push(`${slug}: ${lines.length} piece lines for ${pieces.length} pieces`);
  lines.forEach((d, i) => d.data.forEach(([x, y]) => {
    if (pieces[i] && !close(y, pieces[i].w * x + pieces[i].b)) problems.push(`${slug} piece ${i + 1} at x = ${x}: ${y}`);
  }));
  // A preset that approximates c·x² draws that curve while its pieces are in place.
  const same = (a, b) => a.length === b.length && a.every((p, i) => p.w === b[i].w && p.b === b[i].b);
  const target = spec.pieces.presets.find((p) => p.targetQuadratic !== undefined && same(p.pieces, pieces));
  const drawn = chart.datasets.find((d) => d.label === 'target');
  if (target) {
    if (!drawn || drawn.hidden) problems.push(`${slug}: the curve preset ${target.id} approximates is not drawn`);
    else drawn.data.forEach(([x, y]) => { if (!close(y, target.targetQuadratic * x * x)) problems.push(`${slug} target at x = ${x}: ${y}`); });
  } else if (drawn && !drawn.hidden) {
    problems.push(`${slug}: a target curve is drawn for pieces no preset approximates`);
  }
  return problems;
}

// The first screen's chart: every member's f at its defaults (a hidden one only when picked),
// the picked one's f′ dashed in its colour.
function checkPicker(chart, id, section) {
  const { slugs, hidden } = sectionOf(id);
  const { pick } = section;
  const problems = [];
  const labels = chart.datasets.map((d) => d.label);
  const expected = [...slugs.map((slug) => `${slug} f`), 'picked f′'];
  if (JSON.stringify(labels) !== JSON.stringify(expected)) problems.push(`${id}: curves ${labels.join(', ')}; expected ${expected.join(', ')}`);
  for (const slug of slugs) {
    const shown = slug === pick || !hidden.includes(slug);
    problems.push(...checkShown(chart, { [`${slug} f`]: shown }, id));
    const f = chart.datasets.find((d) => d.label === `${slug} f`);
    if (shown && f) problems.push(...comparePoints(f.data, (xs) => core.evaluate(slug, xs, defaultParams(specOf(slug))), { gapsAt: gapsOf(slug, defaultParams(specOf(slug))).f, what: `${id} ${slug} f`, count: Infinity }));
  }
  const df = chart.datasets.find((d) => d.label === 'picked f′');
  const params = defaultParams(specOf(pick));
  if (df) problems.push(...comparePoints(df.data, (xs) => core.derivative(pick, xs, params), { gapsAt: gapsOf(pick, params).df, what: `${id} ${pick} f′`, count: Infinity }));
  return problems;
}

function checkCompare(chart, id, section) {
  const { slugs } = sectionOf(id);
  const problems = checkRange(chart, section, id);
  const labels = chart.datasets.map((d) => d.label);
  const expected = slugs.flatMap((slug) => [`${slug} f`, `${slug} f′`]);
  if (JSON.stringify(labels) !== JSON.stringify(expected)) problems.push(`${id}: curves ${labels.join(', ')}; expected ${expected.join(', ')}`);
  for (const slug of slugs) {
    const shown = section.shown.includes(slug);
    problems.push(...checkShown(chart, { [`${slug} f`]: shown, [`${slug} f′`]: shown && section.derivatives }, id));
    // At the function's defaults (pieces included).
    if (shown) {
      problems.push(...checkCurvePair(chart, slug, defaultParams(specOf(slug)), { fLabel: `${slug} f`, dfLabel: `${slug} f′`, what: `${id} ${slug}` }));
    }
  }
  return problems;
}

/**
 * The frameworks section's chart: its function at each distinct default the frameworks'
 * APIs give it (the content's front matter, as the build wrote it), in the frameworks'
 * order, f and f′ as the core computes them; the unused curves hidden.
 */
function checkFrameworks(chart, id, section) {
  const slug = section.show;
  const row = frameworksData.defaults.find((d) => d.slug === slug);
  const values = [...new Set(frameworksData.frameworks.flatMap(({ id: fid }) => {
    const given = row?.values[fid];
    return given ? [given.value, ...given.more.map((m) => m.value)] : [];
  }))];
  const problems = [];
  const pairs = chart.datasets.length / 2;
  if (pairs < values.length) return [`${id}: ${pairs} curves for ${values.length} defaults of ${slug}`];
  for (let i = 0; i < pairs; i += 1) {
    const [fLabel, dfLabel] = [`curve ${i + 1} f`, `curve ${i + 1} f′`];
    if (i >= values.length) {
      problems.push(...checkShown(chart, { [fLabel]: false, [dfLabel]: false }, id));
      continue;
    }
    problems.push(...checkShown(chart, { [fLabel]: true, [dfLabel]: true }, id));
    const params = { ...defaultParams(specOf(slug)), [row.param]: values[i] };
    problems.push(...checkCurvePair(chart, slug, params, { fLabel, dfLabel, what: `${id} ${slug} ${row.param} = ${values[i]}` }));
  }
  return problems;
}

async function checkVector(page, spec, section, derivatives) {
  const { slug } = spec;
  const problems = [];
  const { logits } = section;
  const params = section.params;
  const bars = await readChart(page, `#${slug}-logits-chart`);
  const outputs = await readChart(page, `#${slug}-chart`);
  if (!bars || !outputs) return [`${slug}: bar charts missing`];
  if (JSON.stringify(bars.datasets[0].data) !== JSON.stringify(logits)) problems.push(`${slug}: logit bars ${bars.datasets[0].data}, state ${logits}`);
  const want = core.evaluate(slug, logits, params);
  const got = outputs.datasets[0].data;
  if (got.length !== logits.length) problems.push(`${slug}: ${got.length} output bars for ${logits.length} inputs`);
  got.forEach((v, i) => { if (!close(v, want[i])) problems.push(`${slug} output ${i + 1}: chart ${v}, core ${want[i]}`); });
  if (derivatives) {
    const cells = await page.locator(`#${slug}-jacobian tbody td`).allTextContents();
    const J = Array.from(core.jacobian(slug, logits, params), (v) => formatNumber(v, 3));
    if (JSON.stringify(cells.map((c) => c.trim())) !== JSON.stringify(J)) problems.push(`${slug}: Jacobian table ${cells.join(' ')}; core ${J.join(' ')}`);
  }
  return problems;
}

/** The page's state of one section (through the test hook). */
export function sectionState(page, id) {
  return page.evaluate((sid) => window.activationExplorer.state().sections[sid], id);
}

/**
 * Problems with section `id`'s drawn view, [] if none: its chart plots core.js's values for
 * the page's current state of the section (parameters, pieces, logits, x-range, shown curves),
 * with gaps exactly at the jumps and kinks the core's properties list, the learnable
 * parameter's ∂f/∂p where the row has one, the faint default curves only off the defaults.
 * `derivatives: false` expects the derivative curves switched off (an embed's hide=derivative).
 * Works on a Page or a Frame.
 */
export async function checkSection(page, id, { derivatives = true } = {}) {
  const { kind } = sectionOf(id);
  // A chart already drawn is read where it is; one not yet made is scrolled to first.
  const drawn = await page.evaluate((sel) => window.__e2e.hasData(document.querySelector(sel)), `#${id}-chart`);
  if (!drawn) await waitForChart(page, `#${id}-chart`);
  await frames(page, 2);
  const section = await sectionState(page, id);
  if (kind === 'vector') return checkVector(page, specOf(id), section, derivatives);
  const chart = await readChart(page, `#${id}-chart`);
  if (kind === 'compare') return checkCompare(chart, id, section);
  if (kind === 'picker') return checkPicker(chart, id, section);
  if (kind === 'frameworks') return checkFrameworks(chart, id, section);
  if (kind === 'pieces') return checkPieces(chart, specOf(id), section, derivatives);
  return checkScalar(chart, specOf(id), section, paramsOf({ sections: { [id]: section } }, id), derivatives);
}

/**
 * The keyboard readout of a function with a curve at the left end of its range (focus the
 * chart, Home): x, f(x), f′(x), ∂f/∂p where the row has one, the winning piece for the
 * pieces kind, all as the core computes them. Returns problems.
 */
export async function checkReadout(page, slug) {
  const spec = specOf(slug);
  const section = await sectionState(page, slug);
  await page.locator(`#${slug}-chart`).focus();
  await page.keyboard.press('Home');
  await frames(page, 2);
  const parts = (await page.locator(`#${slug}-readout .readout-part`).allTextContents()).map((p) => p.trim());
  const x = section.xmin;
  const params = paramsOf({ sections: { [slug]: section } }, slug);
  const expected = [
    `x = ${formatNumber(x)}`,
    `f(x) = ${formatNumber(core.evaluate(slug, [x], params)[0])}`,
    `f′(x) = ${formatNumber(core.derivative(slug, [x], params)[0])}`,
  ];
  const endings = [];
  if (spec.parameterDerivativeFormula) endings.push(` = ${formatNumber(core.parameterDerivative(slug, [x], params)[0])}`);
  if (spec.kind === 'pieces') endings.push(`: ${core.argmax(slug, [x], params)[0] + 1}`);
  await page.keyboard.press('Escape');
  const problems = [];
  if (JSON.stringify(parts.slice(0, 3)) !== JSON.stringify(expected)) problems.push(`${slug} readout at x = ${x}: ${parts.join(' | ')}; expected ${expected.join(' | ')}`);
  if (parts.length !== 3 + endings.length) problems.push(`${slug} readout has ${parts.length} parts: ${parts.join(' | ')}`);
  endings.forEach((end, i) => { if (!parts[3 + i]?.endsWith(end)) problems.push(`${slug} readout part ${4 + i} "${parts[3 + i]}" should end "${end}"`); });
  return problems;
}

/**
 * Selectors of the controls that set field `field` (for locking): a parameter's slider, box
 * and reset; a range's boxes and presets; the first input and the add button of a list; a
 * comparison's curve toggles or its derivatives box.
 */
export function controlsOf(field) {
  const id = field.section;
  const name = field.key.startsWith(`${id}.`) ? field.key.slice(id.length + 1) : field.key; // `framework` has no prefix
  if (field.param !== undefined) return ['slider', 'input', 'reset'].map((part) => `#${id}-${field.param}-${part}`);
  switch (field.kind) {
    case 'number': return [`#${id}-${name}`, `#${id}-range-3`];
    case 'pieces': return [`#${id}-piece-0-w`, `#${id}-add-piece`];
    case 'numberList': return [`#${id}-logit-0`, `#${id}-add-logit`];
    case 'slugSet': return field.values.map((slug) => `#${id}-curve-${slug}`);
    case 'bool': return [`#${id}-${name}`];
    case 'enum': return field.values.map((slug) => `#${id}-${name}-${slug}`); // a picker's chips
    default: throw new Error(`no controls known for ${field.key} (${field.kind})`);
  }
}

/**
 * The site's pages, each opened (with `options`) when a test first needs a section on it and
 * kept open: `pageFor(id)` gives the page holding section `id`; `close()` closes them all.
 */
export function pagesOf(site, options = {}) {
  const opened = new Map();
  return {
    async pageFor(id) {
      const path = registry.pageOf(id);
      if (!opened.has(path)) opened.set(path, await site.open({ ...options, path }));
      return opened.get(path).page;
    },
    async close() {
      for (const { close } of opened.values()) await close();
    },
  };
}
