// Every section the registry defines is on the page, in registry order, and draws what
// core.js computes (1e-12): each function with a curve its f and f′ (and ∂f/∂p where it has a
// learnable parameter) at the default parameters over the section's x-range, with gaps
// exactly at the jumps and kinks its properties list; each vector function its inputs and
// outputs as bars; each comparison exactly its members' curves. The lists come from
// core.list() and core.comparisons() (registry-kit.mjs): a new row is covered here as is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitForChart, buildAllCharts, frames, DESKTOP, PHONE } from './harness.mjs';
import {
  registry, specOf, sectionOf, defaultParams, checkSection, checkReadout, sectionState, translator,
} from './registry-kit.mjs';
import { describeProperties } from '../../web/src/text/properties-format.js';

const site = useSite();
const { core, list, comparisons, pickers } = registry;

test('the sections come from the registry: the first screen, intro, each function (nested ones inside their parent), the comparisons, the summary; the part beyond the article on its own page', async (t) => {
  for (const pg of registry.pages) await t.test(pg.path, () => checkLayout(pg));
});

async function checkLayout(pg) {
  const { page, close } = await site.open({ path: pg.path });
  const layout = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('main section[id]')].map((el) => el.id),
    headings: Object.fromEntries([...document.querySelectorAll('main section[id]')].map((el) => [el.id, {
      level: el.querySelector(':scope > .section-title')?.tagName,
      parent: el.parentElement.closest('section[id]')?.id ?? null,
    }])),
    toc: [...document.querySelectorAll('.toc .toc-list a')].map((a) => a.getAttribute('href')),
    menu: [...document.querySelectorAll('.toc-menu .toc-list a')].map((a) => a.getAttribute('href')),
    labs: Object.fromEntries([...document.querySelectorAll('[data-lab]')].map((el) => [el.dataset.lab, el.dataset.kind])),
  }));
  assert.deepEqual(layout.ids, pg.sectionIds, 'sections in registry order');
  const nestedIds = new Map(pg.nested.map((n) => [n.id, n.parent]));
  for (const id of pg.sectionIds) {
    const want = nestedIds.has(id) ? { level: 'H3', parent: nestedIds.get(id) } : { level: 'H2', parent: null };
    assert.deepEqual(layout.headings[id], want, `section ${id}: heading level and enclosing section`);
  }
  const otherPages = registry.pages.filter((other) => other !== pg).map((other) => other.path);
  assert.deepEqual(layout.toc, [...pg.topLevelIds.map((id) => `#${id}`), ...otherPages], 'the contents list the top-level sections, then the other parts\' pages');
  assert.deepEqual(layout.menu, layout.toc, 'the header menu (phones) lists the same');
  const kinds = Object.fromEntries([
    ...pg.pickers.map((c) => [c.id, 'picker']), ...pg.functions.map((slug) => [slug, specOf(slug).kind]), ...pg.comparisons.map((c) => [c.id, 'compare']),
    ...pg.frameworkSections.map((c) => [c.id, 'frameworks']),
    ...(pg.sectionIds.includes('summary') ? [['summary', 'summary']] : []),
  ]);
  assert.deepEqual(layout.labs, kinds, 'one lab per function, comparison and the summary, of its kind');

  const canvases = await buildAllCharts(page);
  assert.deepEqual(canvases, pg.canvasIds.map((id) => `#${id}`), 'a chart for every function and comparison');
  await close();
}

test('every function with a curve plots f and f′ (and ∂f/∂p) at its defaults exactly as core.js, gaps exactly at its kinks', async (t) => {
  for (const pg of registry.pages) await t.test(pg.path, (tp) => checkCurves(pg, tp));
});

async function checkCurves(pg, t) {
  const { page, close } = await site.open({ path: pg.path });
  for (const spec of pg.curveFunctions) {
    await t.test(spec.slug, async () => {
      const section = await sectionState(page, spec.slug);
      assert.deepEqual({ xmin: section.xmin, xmax: section.xmax }, { xmin: -spec.halfRange, xmax: spec.halfRange }, 'the default x-range');
      const { pieces, ...params } = defaultParams(spec);
      assert.deepEqual(section.params, params, 'at the default parameters');
      if (pieces) assert.deepEqual(section.pieces, pieces, 'with the default pieces');
      assert.deepEqual(await checkSection(page, spec.slug), []);
      assert.deepEqual(await checkReadout(page, spec.slug), [], 'the keyboard readout at the left end');
    });
  }
  await close();
}

test('every vector function draws its inputs and core.js outputs as bars, and its Jacobian table', async (t) => {
  for (const spec of registry.vectorFunctions) {
    await t.test(spec.slug, async () => {
      const { page, close } = await site.open({ path: registry.pageOf(spec.slug) });
      const section = await sectionState(page, spec.slug);
      assert.deepEqual(section.logits, spec.logits.default, 'the default inputs');
      assert.deepEqual(section.params, defaultParams(spec), 'at the default parameters');
      assert.deepEqual(await checkSection(page, spec.slug), []);
      const outputs = await waitForChart(page, `#${spec.slug}-chart`);
      for (const v of outputs.datasets[0].data) assert.ok(v >= outputs.yMin && v <= outputs.yMax, `output ${v} within the axis ${outputs.yMin} … ${outputs.yMax}`);
      await close();
    });
  }
});

test('the logits axis labels 0 and both ends, on a phone and with a large logit', async (t) => {
  for (const spec of registry.vectorFunctions) {
    await t.test(spec.slug, async () => {
      const large = [12, ...spec.logits.default.slice(1)].join(',');
      for (const [viewport, query] of [[PHONE, ''], [DESKTOP, `?${spec.slug}.logits=${large}`]]) {
        const { page, close } = await site.open({ viewport, path: `${registry.pageOf(spec.slug)}${query}` });
        await waitForChart(page, `#${spec.slug}-logits-chart`);
        const ticks = await page.evaluate((id) => {
          const chart = window.__e2e.chartOf(document.getElementById(id));
          return { labelled: chart.scales.y.ticks.map((tick) => tick.value), min: chart.scales.y.min, max: chart.scales.y.max };
        }, `${spec.slug}-logits-chart`);
        const what = `${viewport.width} px${query}: ticks ${ticks.labelled}`;
        assert.ok(ticks.labelled.includes(0), `${what} include 0`);
        assert.ok(ticks.labelled.includes(ticks.min) && ticks.labelled.includes(ticks.max), `${what} include both ends`);
        await close();
      }
    });
  }
});

test('the first screen\'s chart: every function of its page, the featured one highlighted; each chip highlights its function and links to it', async (t) => {
  for (const picker of pickers) {
    const { id } = picker;
    await t.test(id, async () => {
      const pg = registry.pages.find((p) => p.path === registry.pageOf(id));
      const { page, close } = await site.open({ path: pg.path });
      const { slugs } = sectionOf(id);
      assert.deepEqual(slugs, picker.members.length ? picker.members : pg.curveFunctions.map((s) => s.slug));
      assert.equal((await sectionState(page, id)).pick, picker.featured);
      assert.deepEqual(await checkSection(page, id), []);
      for (const slug of slugs) {
        await page.locator(`#${id}-pick-${slug}`).click();
        await frames(page, 2);
        assert.equal((await sectionState(page, id)).pick, slug);
        const pressed = await page.locator(`#${id}-lab .chip[aria-pressed="true"]`).evaluateAll((els) => els.map((el) => el.id));
        assert.deepEqual(pressed, [`${id}-pick-${slug}`], 'exactly the picked chip is pressed');
        assert.equal(await page.locator(`#${id}-more`).getAttribute('href'), `#${slug}`);
        assert.deepEqual(await checkSection(page, id), [], `${slug} picked`);
      }
      await close();
    });
  }
});

test('every comparison draws exactly its members\' curves at their defaults, the hidden ones off; its toggles work', async (t) => {
  for (const comparison of comparisons) {
    const { id } = comparison;
    await t.test(id, async () => {
      const { page, close } = await site.open({ path: registry.pageOf(id) });
      const members = sectionOf(id).slugs;
      const expectedMembers = comparison.members.length ? comparison.members : registry.curveFunctions.map((s) => s.slug);
      assert.deepEqual(members, expectedMembers, 'its members: the listed ones, or every function with a curve');
      const section = await sectionState(page, id);
      const here = (s) => registry.pageOf(s) === registry.pageOf(id);
      assert.deepEqual(section.shown, members.filter((s) => !comparison.hidden.includes(s) && here(s)),
        'shown: the members but the hidden ones and those of another page');
      assert.equal(section.derivatives, true);
      assert.deepEqual([section.xmin, section.xmax], [-comparison.halfRange, comparison.halfRange]);
      assert.deepEqual(await checkSection(page, id), []);
      const checked = await page.locator(`#${id}-curves input[type=checkbox]`).evaluateAll((els) =>
        els.filter((el) => el.checked).map((el) => el.id.slice(el.id.lastIndexOf('-curve-') + 7)));
      assert.deepEqual(checked, section.shown, 'the toggles (the legend) show what is drawn');

      // The toggles are the legend: a shown curve can be hidden, a hidden one shown.
      const [first] = section.shown;
      const hidden = members.find((s) => !section.shown.includes(s));
      if (first) await page.locator(`#${id}-curve-${first}`).uncheck();
      if (hidden) await page.locator(`#${id}-curve-${hidden}`).check();
      const toggled = await sectionState(page, id);
      assert.deepEqual(toggled.shown, members.filter((s) => (s === first ? false : s === hidden || section.shown.includes(s))));
      assert.deepEqual(await checkSection(page, id), [], 'after toggling');
      if (first) await page.locator(`#${id}-curve-${first}`).check();
      if (hidden) await page.locator(`#${id}-curve-${hidden}`).uncheck();
      await close();
    });
  }
});

test('the summary table lists every function, grouped as the pages are, with its properties at the defaults, as core.js gives them', async () => {
  const { page, close } = await site.open({ path: registry.pageOf('summary') });
  await page.locator('#summary-table').scrollIntoViewIfNeeded();
  const rows = await page.locator('#summary-table tbody tr[data-slug]').evaluateAll((trs) => trs.map((tr) => ({
    slug: tr.dataset.slug,
    href: tr.querySelector('th a').getAttribute('href'),
    cells: Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.prop, td.textContent.trim()])),
  })));
  assert.deepEqual(rows.map((r) => r.slug), registry.functions);
  const here = registry.pageOf('summary');
  assert.deepEqual(rows.map((r) => r.href), rows.map((r) => (registry.pageOf(r.slug) === here ? '' : registry.pageOf(r.slug)) + `#${r.slug}`),
    'each name links to its section, on its page');
  const groupsShown = await page.locator('#summary-table tbody tr.summary-group').evaluateAll((trs) => trs.map((tr) => tr.dataset.group));
  const groupsWanted = [...new Set(list.map((s) => s.group))];
  assert.deepEqual(groupsShown, groupsWanted.length > 1 ? groupsWanted : [], 'a heading row per group, in page order');
  const t = translator('en');
  for (const r of rows) {
    const expected = Object.fromEntries(describeProperties(core.properties(r.slug, defaultParams(specOf(r.slug))), t).map((p) => [p.key, p.value]));
    assert.deepEqual(r.cells, expected, `${r.slug}: its row`);
    assert.ok(Object.values(r.cells).every((c) => c && !/undefined|NaN/.test(c)), `${r.slug}: ${Object.values(r.cells).join(' | ')}`);
  }
  // At 1280 px every column fits beside the contents list (phones scroll it sideways).
  for (let i = 0; i < 3; i += 1) await page.evaluate(() => window.__e2e.settleInView(document.getElementById('summary-table'), 3));
  const fit = await page.locator('#summary .table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(fit.scroll <= fit.client, `the table needs ${fit.scroll} px in ${fit.client}`);
  await close();
});
