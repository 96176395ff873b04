// "Same name, different function": the framework switch sets every framework default on
// the page, in both parts, and a link's `framework` key does the same under the values the
// link sets itself; the chart overlays the function at each framework's defaults. Expected
// values come from the explanations' front matter as the build wrote them (frameworksData).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frames, useSite, waitForReady } from './harness.mjs';
import { registry, frameworksData, checkSection, sectionState, specOf } from './registry-kit.mjs';

const site = useSite();
const [section] = registry.frameworkSections;
const id = section.id;
const defaultOf = (slug, param) => specOf(slug).params.find((p) => p.name === param).default;
// What each parameter the frameworks set should be with framework `fid` ('none': the page's defaults).
const expectedFor = (fid) => Object.fromEntries(frameworksData.defaults.map(({ slug, param, values }) =>
  [`${slug}.${param}`, values[fid]?.value ?? defaultOf(slug, param)]));
const paramsNow = (page) => page.evaluate((rows) => {
  const { sections } = window.activationExplorer.state();
  return Object.fromEntries(rows.map(({ slug, param }) => [`${slug}.${param}`, sections[slug].params[param]]));
}, frameworksData.defaults);

test('the switch sets every framework default on the page, and "this page" restores the page\'s own', async () => {
  const { page, close } = await site.open({ path: registry.pageOf(id) });
  assert.deepEqual(await paramsNow(page), expectedFor('none'), 'the page starts at its own defaults');
  for (const { id: fid } of frameworksData.frameworks) {
    await page.locator(`#${id}-framework-${fid}`).check();
    await frames(page, 2); // the table and chart follow on the next frame
    assert.deepEqual(await paramsNow(page), expectedFor(fid), `${fid}'s defaults`);
    assert.equal((await sectionState(page, id)).framework, fid);
    const marked = await page.locator(`#${id}-defaults .framework-chosen`).evaluateAll((cells) => [...new Set(cells.map((c) => c.dataset.framework))]);
    assert.deepEqual(marked, [fid], 'the table marks its column');
    for (const slug of section.members) {
      await page.locator(`#${id}-show-${slug}`).click();
      await frames(page, 2);
      assert.deepEqual(await checkSection(page, id), [], `${slug} overlaid at every framework's default`);
    }
  }
  await page.waitForFunction(() => new URL(location.href).searchParams.has('framework'));
  await page.locator(`#${id}-framework-none`).check();
  assert.deepEqual(await paramsNow(page), expectedFor('none'));
  await close();
});

test('a link with framework=<id> opens either page at that framework\'s defaults, under the values it sets itself', async () => {
  const [fid] = frameworksData.frameworks.map((f) => f.id).filter((f) => JSON.stringify(expectedFor(f)) !== JSON.stringify(expectedFor('none')));
  const { page, close } = await site.open({ ready: false, goto: false });
  for (const pg of registry.pages) {
    await page.goto(new URL(`${pg.path}?framework=${fid}`, site.url).href);
    await waitForReady(page);
    assert.deepEqual(await paramsNow(page), expectedFor(fid), `${pg.path}: ${fid}'s defaults`);
  }
  // A value the link gives wins over the framework's.
  const [{ slug, param }] = frameworksData.defaults;
  const own = specOf(slug).params.find((p) => p.name === param).max;
  await page.goto(new URL(`${registry.pageOf(slug)}?framework=${fid}&${slug}.${param}=${own}#${slug}`, site.url).href);
  await waitForReady(page);
  assert.deepEqual(await paramsNow(page), { ...expectedFor(fid), [`${slug}.${param}`]: own });
  assert.deepEqual(await checkSection(page, slug), [], `${slug} draws the link's value`);
  // An unknown framework: a notice, the page's own defaults.
  await page.goto(new URL(`${registry.pageOf(id)}?framework=nonsense`, site.url).href);
  await waitForReady(page);
  await page.locator('#url-notice').waitFor();
  assert.match(await page.locator('#url-notice').textContent(), /framework/);
  assert.deepEqual(await paramsNow(page), expectedFor('none'));
  await close();
});
