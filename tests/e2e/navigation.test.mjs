// Links into the page land on their section: every table-of-contents link, clicked on a
// freshly loaded page, and a URL with a #fragment. Labs mount as they come near, so the
// sections around a target change height as it lands: it must still end up on screen. The
// page is used as a reader would, without mounting every lab first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitForReady } from './harness.mjs';
import { registry } from './registry-kit.mjs';

const site = useSite();
// The heading may sit below a sticky header, but its top must be near the top of the view.
const LANDS = (top, viewport) => top >= -2 && top <= Math.min(200, viewport.height / 3);

// The kind of each top-level section: a function's, a comparison's, or the intro's and summary's own.
const kindOf = (id) => registry.table.sections.find((s) => s.id === id)?.kind ?? id;
// Per kind, the top-level section of it that comes last: the most lazily rendered content above it.
const lastOfEachKind = [...new Map(registry.topLevelIds.map((id) => [kindOf(id), id])).values()].filter((id) => id !== 'intro');

const sectionTop = (page, id) => page.evaluate((sid) => Math.round(document.getElementById(sid).getBoundingClientRect().top), id);

test('table-of-contents links, each clicked on a fresh page, bring their section to the top', async () => {
  const { page, close } = await site.open({ ready: false });
  await waitForReady(page, { mountAll: false });
  const all = await page.locator('.toc .toc-list a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href').slice(1)));
  assert.deepEqual(all, registry.topLevelIds, 'a link to every top-level section');
  // Targets with lazily rendered sections above them, one of each kind (each costs a page load).
  const ids = lastOfEachKind;
  const missed = [];
  for (const id of ids) {
    await page.goto(site.url);
    await waitForReady(page, { mountAll: false });
    await page.locator(`.toc .toc-list a[href="#${id}"]`).click();
    await page.waitForTimeout(400);
    const top = await sectionTop(page, id);
    if (!LANDS(top, page.viewportSize())) missed.push(`#${id}: its top is at ${top} px in an ${page.viewportSize().height} px view`);
  }
  assert.deepEqual(missed, [], `TOC links that do not show their section:\n  ${missed.join('\n  ')}`);
  await close();
});

test('opening the page at #fragment shows that section once everything has loaded', async () => {
  const { page, close } = await site.open({ ready: false });
  const missed = [];
  // The last function, the first nested one (inside its parent's section), the last comparison, the summary.
  const ids = [registry.functions.at(-1), registry.nested[0]?.id, registry.comparisons.at(-1)?.id, 'summary'].filter(Boolean);
  for (const id of [...new Set(ids)]) {
    await page.goto(new URL(`#${id}`, site.url).href);
    await waitForReady(page, { mountAll: false });
    await page.waitForTimeout(600);
    const top = await sectionTop(page, id);
    if (!LANDS(top, page.viewportSize())) missed.push(`#${id}: its top is at ${top} px`);
  }
  assert.deepEqual(missed, [], `fragments that do not show their section:\n  ${missed.join('\n  ')}`);
  await close();
});
