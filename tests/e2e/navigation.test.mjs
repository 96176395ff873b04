// Links into the page land on their section: every table-of-contents link, clicked on a
// freshly loaded page, and a URL with a #fragment. Labs mount as they come near, so the
// sections around a target change height as it lands: it must still end up on screen. The
// page is used as a reader would, without mounting every lab first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, useSite, waitForReady } from './harness.mjs';
import { dictionaries, registry } from './registry-kit.mjs';

const site = useSite();
// The heading may sit below a sticky header, but its top must be near the top of the view.
const LANDS = (top, viewport) => top >= -2 && top <= Math.min(200, viewport.height / 3);

// The kind of each top-level section: a function's, a comparison's, or the intro's and summary's own.
const kindOf = (id) => registry.table.sections.find((s) => s.id === id)?.kind ?? id;
// Per kind, the top-level section of it that comes last on a page: the most lazily rendered content above it.
const lastOfEachKind = (pg) => [...new Map(pg.topLevelIds.map((id) => [kindOf(id), id])).values()].filter((id) => id !== pg.topLevelIds[0]);

const sectionTop = (page, id) => page.evaluate((sid) => Math.round(document.getElementById(sid).getBoundingClientRect().top), id);

test('table-of-contents links, each clicked on a fresh page, bring their section to the top', async (t) => {
  for (const pg of registry.pages) await t.test(pg.path, () => checkContentsLinks(pg));
});

async function checkContentsLinks(pg) {
  const { page, close } = await site.open({ ready: false, path: pg.path });
  await waitForReady(page, { mountAll: false });
  const all = await page.locator('.toc .toc-list a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href').slice(1)));
  assert.deepEqual(all, pg.topLevelIds, 'a link to every top-level section');
  // Targets with lazily rendered sections above them, one of each kind (each costs a page load).
  const ids = lastOfEachKind(pg);
  const missed = [];
  for (const id of ids) {
    await page.goto(new URL(pg.path, site.url).href);
    await waitForReady(page, { mountAll: false });
    await page.locator(`.toc .toc-list a[href="#${id}"]`).click();
    await page.waitForTimeout(400);
    const top = await sectionTop(page, id);
    if (!LANDS(top, page.viewportSize())) missed.push(`#${id}: its top is at ${top} px in an ${page.viewportSize().height} px view`);
  }
  assert.deepEqual(missed, [], `TOC links that do not show their section:\n  ${missed.join('\n  ')}`);
  await close();
}

test('opening the page at #fragment shows that section once everything has loaded', async () => {
  const { page, close } = await site.open({ ready: false });
  const missed = [];
  // Per page: its last function, its first nested one (inside its parent's section), its last comparison, the summary.
  const ids = registry.pages.flatMap((pg) => [pg.functions.at(-1), pg.nested[0]?.id, pg.comparisons.at(-1)?.id, pg.sectionIds.includes('summary') && 'summary']).filter(Boolean);
  for (const id of [...new Set(ids)]) {
    await page.goto(new URL(`${registry.pageOf(id)}#${id}`, site.url).href);
    await waitForReady(page, { mountAll: false });
    await page.waitForTimeout(600);
    const top = await sectionTop(page, id);
    if (!LANDS(top, page.viewportSize())) missed.push(`#${id}: its top is at ${top} px`);
  }
  assert.deepEqual(missed, [], `fragments that do not show their section:\n  ${missed.join('\n  ')}`);
  await close();
});

test('the finder: any name in either language narrows the list, Enter opens the first, Escape closes (laptop and phone)', async () => {
  const ko = dictionaries.ko.fn;
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, close } = await site.open({ ready: false, viewport });
    await waitForReady(page, { mountAll: false });
    const finder = page.locator('details.finder');
    const input = finder.locator('.finder-input');
    const shown = () => finder.locator('.finder-list > li:not([hidden]) a').evaluateAll((links) => links.map((a) => a.hash.slice(1)));
    await finder.locator('summary').click();
    await expectFocus(page, '.finder-input');
    assert.deepEqual(await shown(), registry.functions, `${viewport.width} px: every function, in page order`);
    const inView = await input.evaluate((el) => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; });
    assert.ok(inView, `${viewport.width} px: the field is inside the screen`);

    // The English page finds a function by its Korean name, and ignores case, spaces and hyphens.
    const target = registry.functions.find((slug) => /[가-힣]/.test(ko[slug] ?? ''));
    await input.fill(ko[target]);
    assert.deepEqual(await shown(), [target]);
    await input.fill(target.toUpperCase().replace(/-/g, ' '));
    assert.ok((await shown()).includes(target), 'the slug, upper-cased, with spaces');
    await input.fill('no such function at all');
    assert.deepEqual(await shown(), []);
    assert.equal(await finder.locator('.finder-none').isVisible(), true, 'says nothing matches');

    await input.fill(ko[target]);
    await input.press('Enter');
    await page.waitForTimeout(500);
    assert.equal(await finder.evaluate((el) => el.open), false, 'the panel closes');
    assert.equal(new URL(page.url()).hash, `#${target}`);
    const top = await sectionTop(page, target);
    assert.ok(LANDS(top, viewport), `${viewport.width} px: #${target} lands (top ${top} px)`);

    await finder.locator('summary').click();
    await page.keyboard.press('Escape');
    assert.equal(await finder.evaluate((el) => el.open), false, 'Escape closes');
    await expectFocus(page, 'details.finder > summary');
    await close();
  }
});

async function expectFocus(page, selector) {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), selector, { timeout: 2000 });
}
