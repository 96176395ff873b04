// What a section's lab holds before its script runs, and all a reader without scripts gets:
// a place for the chart that says charts need JavaScript, the function's properties at its
// defaults, the summary table, and the first screen's chart with its functions as links.
// The markup is the same as the scripts' (web/src/sections/), so nothing moves when they
// replace it; the browser tests measure that.
import { PROPERTY_ROWS, describeProperties } from '../../web/src/text/properties-format.js';
import { summaryGroups } from '../../web/src/text/summary-groups.js';
import { escapeHtml } from './html.mjs';

const attrs = (pairs) => Object.entries(pairs).filter(([, v]) => v !== undefined)
  .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
// An element whose text the page translates at run time (the single file switches in place).
const text = (tag, key, t, more = {}) => `<${tag}${attrs({ ...more, 'data-i18n': key })}>${escapeHtml(t(key))}</${tag}>`;

/** The chart's place: the chart's shape, and a line for readers without scripts. */
export function chartPlaceholder(t, small = false) {
  return `<div class="lab-chart"><div class="chart-placeholder${small ? ' chart-placeholder-small' : ''}">`
    + `<noscript>${text('p', 'app.chartNeedsScript', t, { class: 'chart-noscript' })}</noscript></div></div>`;
}

/** A function's properties at its defaults, as sections/kit.js's createPropertiesBlock draws them. */
export function propertiesBlock({ id, properties, t, level, titleKey }) {
  const rows = describeProperties(properties, t);
  const heading = `h${Math.min(6, level)}`;
  return `<div class="lab-props" role="group" aria-labelledby="${id}-props-title">`
    + text(heading, titleKey, t, { class: 'lab-heading', id: `${id}-props-title` })
    + `<dl id="${id}-props" data-testid="${id}-props" class="props">`
    + rows.map((r) => `<dt data-prop="${r.key}">${escapeHtml(r.label)}</dt><dd data-prop="${r.key}">${escapeHtml(r.value)}</dd>`).join('')
    + '</dl></div>';
}

/**
 * The summary table, as sections/summary.js draws it: with more than one group, a heading
 * row before each group's functions. Links are to #slug (pageMarkup points a function on
 * another page there).
 */
export function summaryTable({ id, list, groups, t }) {
  const head = PROPERTY_ROWS.map((key) => `<th scope="col">${escapeHtml(t(`props.${key}`))}</th>`).join('');
  const grouped = summaryGroups(list, groups);
  const body = grouped.map(({ id: group, nameKey, specs }) => (grouped.length > 1
    ? `<tr class="summary-group" data-group="${group}"><th scope="colgroup" colspan="${PROPERTY_ROWS.length + 1}">${escapeHtml(t(nameKey))}</th></tr>`
    : '') + specs.map((spec) => {
    const values = Object.fromEntries(describeProperties(spec.properties, t).map((r) => [r.key, r.value]));
    return `<tr data-slug="${spec.slug}"><th scope="row"><a href="#${spec.slug}">${escapeHtml(t(`fn.${spec.slug}`))}</a></th>`
      + PROPERTY_ROWS.map((key) => `<td data-prop="${key}">${escapeHtml(values[key])}</td>`).join('') + '</tr>';
  }).join('')).join('');
  return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}-caption">`
    + `<table id="${id}-table" data-testid="${id}-table" class="summary-table">`
    + `<caption id="${id}-caption">${escapeHtml(t('summary.caption'))}</caption>`
    + `<thead><tr><th scope="col">${escapeHtml(t('summary.function'))}</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * The first screen's chart, as sections/picker.js draws it: the chart card, the functions
 * (here links to their sections; the script makes them buttons that highlight), the link on.
 */
export function pickerSkeleton({ id, slugs, featured, slotOf, t }) {
  const card = '<figure class="chart-card"><div class="chart-box chart-box-small">'
    + `<noscript>${text('p', 'app.chartNeedsScript', t, { class: 'chart-noscript' })}</noscript></div>`
    + `<output class="readout" aria-live="polite">${text('span', 'chart.readoutIdle', t, { class: 'readout-idle' })}</output>`
    + `<details class="values">${text('summary', 'chart.values', t)}</details></figure>`;
  const chips = slugs.map((slug) => `<li><a class="chip" href="#${slug}" data-slot="${slotOf(slug)}">`
    + `<span class="chip-swatch" aria-hidden="true"></span>${text('span', `fn.${slug}`, t)}</a></li>`).join('');
  return `<div class="lab-chart">${card}</div>`
    + `<div class="picker" role="group" aria-labelledby="${id}-picker-label">`
    + text('p', 'picker.label', t, { class: 'picker-label', id: `${id}-picker-label` })
    + `<ul class="picker-list">${chips}</ul></div>`
    + `<p class="picker-more-line"><a class="picker-more" href="#${featured}">${escapeHtml(t('picker.readAbout', { name: t(`fn.${featured}`) }))}</a></p>`;
}

/**
 * The frameworks section's table: a row per function and parameter whose default differs
 * between frameworks, a column per framework, each cell the value and where it is defined
 * (— where the framework has no such function). The script keeps it and marks the column
 * of the framework chosen; the chart's place follows.
 */
export function frameworksLab({ id, data, list, t }) {
  const { frameworks, defaults } = data;
  const symbolOf = (slug, param) => list.find((s) => s.slug === slug).params.find((p) => p.name === param).symbol;
  const head = frameworks.map((f) => `<th scope="col" data-framework="${f.id}">${escapeHtml(f.name)}</th>`).join('');
  const body = defaults.map(({ slug, param, values }) => `<tr data-slug="${slug}" data-param="${param}">`
    + `<th scope="row">${text('span', `fn.${slug}`, t)}, ${escapeHtml(symbolOf(slug, param))}</th>`
    + frameworks.map((f) => {
      const v = values[f.id];
      const entries = v ? [v, ...v.more] : [];
      return `<td data-framework="${f.id}">${entries.length ? entries.map((e) => `<span class="framework-default">`
        + `<span class="framework-value">${escapeHtml(formatValue(e.value))}</span> <code>${escapeHtml(e.api)}</code></span>`).join('') : '—'}</td>`;
    }).join('') + '</tr>').join('');
  return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}-defaults-caption">`
    + `<table id="${id}-defaults" data-testid="${id}-defaults" class="frameworks-table">`
    + `<caption id="${id}-defaults-caption" data-i18n="frameworks.caption">${escapeHtml(t('frameworks.caption'))}</caption>`
    + `<thead><tr>${text('th', 'frameworks.function', t, { scope: 'col' })}${head}</tr></thead><tbody>${body}</tbody></table></div>`
    + chartPlaceholder(t);
}

// 1/6 reads better as a fraction than as 0.16666666666666666.
function formatValue(v) {
  if (String(v).length <= 6) return String(v);
  for (let d = 2; d <= 12; d += 1) if (Math.abs(v * d - Math.round(v * d)) < 1e-9) return `${Math.round(v * d)}/${d}`;
  return String(v);
}
