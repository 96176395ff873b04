// The summary table: every function's properties at its defaults, straight from the core
// (core.list() carries them), grouped as the page is, re-rendered when the language changes.

import { h } from '../ui/dom.js';
import { watch } from '../model/store.js';
import { describeProperties, PROPERTY_ROWS } from '../text/properties-format.js';
import { summaryGroups } from '../text/summary-groups.js';
import { sectionHref } from '../model/page-paths.js';

export function mountSummarySection(lab, { slug: id }, ctx) {
  const { store, table, t } = ctx;
  const grouped = summaryGroups([...table.specs.values()], table.groups);
  const partOf = new Map(table.sections.map((s) => [s.id, s.part]));
  const here = document.documentElement.dataset.part; // none in the single file: every part is here
  const tableEl = h('table', { id: `${id}-table`, 'data-testid': `${id}-table`, className: 'summary-table' });
  const scroller = h('div', { className: 'table-scroll', role: 'region', tabindex: 0, 'aria-labelledby': `${id}-caption` }, tableEl);
  lab.replaceChildren(scroller);

  function render() {
    const labels = Object.fromEntries(PROPERTY_ROWS.map((key) => [key, t(`props.${key}`)]));
    tableEl.replaceChildren(
      h('caption', { id: `${id}-caption` }, t('summary.caption')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('summary.function')),
        PROPERTY_ROWS.map((key) => h('th', { scope: 'col' }, labels[key])))),
      h('tbody', {}, grouped.flatMap(({ id: group, nameKey, specs }) => [
        grouped.length > 1 ? h('tr', { className: 'summary-group', dataset: { group } },
          h('th', { scope: 'colgroup', colspan: PROPERTY_ROWS.length + 1 }, t(nameKey))) : [],
        ...specs.map((spec) => {
          const values = Object.fromEntries(describeProperties(spec.properties, t).map((r) => [r.key, r.value]));
          return h('tr', { dataset: { slug: spec.slug } },
            h('th', { scope: 'row' }, h('a', { href: sectionHref(spec.slug, partOf.get(spec.slug), here) }, t(`fn.${spec.slug}`))),
            PROPERTY_ROWS.map((key) => h('td', { dataset: { prop: key } }, values[key])));
        }),
      ])));
  }

  watch(store, (s) => s.lang, render);
  render();
  return { element: lab, createChart() {} };
}
