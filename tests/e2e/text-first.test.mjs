// Issue 10: the article is in the HTML. Without scripts every explanation, formula, property
// table and code sample reads, each chart's place says why it is empty, and links land on
// their sections; the first screen shows a drawn chart on a laptop and a phone; no flash of
// the other language; nothing moves while the page builds; a section prints as a handout;
// each page has its title, description, canonical and hreflang links.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { useSite, waitForReady, frames, DESKTOP, PHONE, SCREENSHOTS } from './harness.mjs';
import { registry, dictionaries, specOf } from './registry-kit.mjs';

const site = useSite();
const PAGES = { en: 'index.html', ko: 'ko/index.html' };
const hangul = /[\uac00-\ud7a3]/;

async function withoutScripts(run, viewport = DESKTOP) {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

for (const pg of registry.pages) {
  for (const lang of ['en', 'ko']) {
    const pagePath = lang === 'en' ? pg.path : pg.koPath;
    test(`scripts off (${pagePath}): every explanation, formula, property table and code sample reads; each chart says it needs scripts`, async () => {
      await withoutScripts(async (page) => {
        await page.goto(new URL(pagePath, site.url).href);
        const state = await page.evaluate(() => {
          const visible = (sel) => [...document.querySelectorAll(sel)].filter((el) => el.checkVisibility());
          return {
            lang: document.documentElement.lang,
            noJs: document.documentElement.classList.contains('no-js'),
            prose: [...document.querySelectorAll('[data-prose]')].map((el) => ({ id: el.dataset.prose, text: el.textContent.trim(), visible: el.checkVisibility() })),
            formulas: visible('.formulas math').length,
            properties: Object.fromEntries([...document.querySelectorAll('.lab-props')].map((el) => [el.closest('[data-lab]').dataset.lab, visible.call(null, `#${el.closest('[data-lab]').dataset.lab}-props dd`).length])),
            summaryRows: visible('#summary-table tbody tr[data-slug]').length,
            code: visible('.prose pre code').length,
            chartNotes: visible('.chart-noscript').map((el) => el.textContent.trim()),
            labs: document.querySelectorAll('[data-lab]').length,
            toggle: (() => { const a = document.getElementById('lang-toggle'); return { tag: a.tagName, href: a.getAttribute('href'), visible: a.checkVisibility() }; })(),
          };
        });
        assert.equal(state.lang, lang);
        assert.equal(state.noJs, true, 'no script ran');
        const explained = new Set(state.prose.map((p) => p.id));
        for (const id of pg.sectionIds.filter((i) => i !== 'summary')) assert.ok(explained.has(id), `${id} explained`);
        for (const p of state.prose) {
          assert.ok(p.visible && p.text.length > 100, `${p.id} readable`);
          if (lang === 'ko') assert.match(p.text, hangul, `${p.id} is in Korean`);
        }
        assert.equal(state.formulas, pg.formulaCount, 'every formula');
        for (const slug of pg.functions) assert.equal(state.properties[slug], 9, `${slug}'s properties`);
        const summaries = pg.sectionIds.includes('summary') ? 1 : 0;
        assert.equal(state.summaryRows, summaries * registry.list.length, 'the summary table, every function');
        assert.ok(state.code >= pg.functions.length - 2, `code samples readable (${state.code})`);
        const note = dictionaries[lang].app.chartNeedsScript;
        assert.equal(state.chartNotes.length, state.labs - summaries, 'a note in each chart\'s place (the summary has none)');
        for (const text of state.chartNotes) assert.equal(text, note);
        const file = pg.path.split('/').pop();
        assert.deepEqual(state.toggle, { tag: 'A', href: lang === 'en' ? `ko/${file}` : `../${file}`, visible: true }, 'a plain link to the other language');
      });
    });
  }
}

// Where a section's top is, against the sticky header's bottom (the page's scroll-padding).
const landing = (page, id) => page.evaluate((sid) => ({
  top: document.getElementById(sid).getBoundingClientRect().top,
  header: document.querySelector('.site-header').getBoundingClientRect().height,
}), id);
const landed = ({ top, header }) => top >= header - 2 && top <= header + 40;

test('scripts off: every section\'s #fragment, opened fresh, and every contents link land on the section (laptop and phone)', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    await withoutScripts(async (page) => {
      const missed = [];
      for (const id of registry.sectionIds) {
        await page.goto('about:blank');
        await page.goto(new URL(`${registry.pageOf(id)}#${id}`, site.url).href);
        const where = await landing(page, id);
        if (!landed(where)) missed.push(`#${id} opened at ${Math.round(where.top)} px (header ${Math.round(where.header)} px)`);
      }
      // The contents: the sidebar on a laptop, the header's menu (a <details>, no script needed) on a phone.
      for (const id of registry.sectionIds.filter((i) => !registry.nested.some((n) => n.id === i))) {
        await page.goto(new URL(registry.pageOf(id), site.url).href);
        if (viewport === PHONE) await page.locator('#toc-menu > summary').click();
        await page.locator(`${viewport === PHONE ? '#toc-menu' : 'nav.toc'} a[href="#${id}"]`).click();
        await page.waitForTimeout(50);
        const where = await landing(page, id);
        if (!landed(where)) missed.push(`contents → #${id} at ${Math.round(where.top)} px (header ${Math.round(where.header)} px)`);
      }
      assert.deepEqual(missed, [], `at ${viewport.width} px`);
    }, viewport);
  }
});

test('the text does not wait for the core: with the wasm held back, every explanation is on screen and the first lines read', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, close } = await site.open({
    viewport: PHONE,
    ready: false,
    route: (context) => context.route('**/*.wasm', async (route) => { await held; await route.continue(); }),
  });
  await page.waitForLoadState('domcontentloaded');
  await frames(page, 2);
  const before = await page.evaluate(() => ({
    mounted: document.querySelectorAll('[data-mounted]').length,
    prose: [...document.querySelectorAll('[data-prose]')].filter((el) => el.checkVisibility() && el.textContent.trim().length > 100).length,
    all: document.querySelectorAll('[data-prose]').length,
    lede: (() => { const r = document.querySelector('[data-prose] p').getBoundingClientRect(); return r.top < innerHeight && r.height > 0; })(),
    hidden: [...document.querySelectorAll('main, main .section')].filter((el) => {
      const style = getComputedStyle(el);
      return style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 1;
    }).length,
  }));
  assert.equal(before.mounted, 0, 'the core is still on its way');
  assert.equal(before.prose, before.all, 'every explanation is there and visible');
  assert.ok(before.lede, 'the first lines are on the first screen');
  assert.equal(before.hidden, 0, 'nothing is hidden while the core loads');
  release();
  await waitForReady(page, { mountAll: false });
  await close();
});

for (const [name, viewport] of [['1280×800', DESKTOP], ['390×844', PHONE]]) {
  for (const [lang, pagePath] of Object.entries(PAGES)) {
    test(`the first screen at ${name} (${lang}): the title, the opening lines and a drawn chart`, async () => {
      const { page, close } = await site.open({ path: pagePath, viewport, ready: false, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      await waitForReady(page, { mountAll: false });
      const picker = registry.pickers[0].id;
      const screen = await page.evaluate((id) => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height }; };
        const chart = window.activationExplorer.chart(`${id}-chart`);
        return {
          height: innerHeight,
          title: box(document.querySelector('.page-title')),
          lede: box(document.querySelector(`[data-prose="${id}"] p`)),
          canvas: box(document.getElementById(`${id}-chart`)),
          curves: chart.$curves.filter((c) => !c.hidden && c.data.length > 1).length,
        };
      }, picker);
      const inView = (b) => b.top >= 0 && b.bottom <= screen.height;
      assert.ok(inView(screen.title), `the title on screen ${JSON.stringify(screen.title)}`);
      assert.ok(screen.lede.top < screen.height, `the opening lines begin on screen ${JSON.stringify(screen.lede)}`);
      assert.ok(inView(screen.canvas) && screen.canvas.height > 120, `the chart on screen ${JSON.stringify(screen.canvas)}`);
      const first = registry.pages[0];
      assert.ok(screen.curves >= first.curveFunctions.length - registry.pickers[0].hidden.length, `the chart is drawn (${screen.curves} curves)`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `e2e-first-screen-${lang}-${viewport.width}.png`) });
      await close();
    });
  }
}

// Each document of the site that unloads writes what it drew into sessionStorage, which the
// next page of the same origin reads: a page that redirects must never have painted content.
const recordPaints = () => {
  if (location.protocol !== 'http:') return;
  addEventListener('pagehide', () => {
    const fcp = performance.getEntriesByName('first-contentful-paint').length;
    sessionStorage.setItem('paints', `${sessionStorage.getItem('paints') ?? ''}${location.pathname}:${fcp};`);
  });
};

test('no flash of the other language: ?lang=ko and a Korean browser open the Korean page before anything is drawn', async () => {
  for (const [locale, query] of [['en-US', '?lang=ko&elu.alpha=0.5'], ['ko-KR', '']]) {
    const { page, close } = await site.open({ path: `index.html${query}#elu`, locale, ready: false, initScripts: [recordPaints] });
    await page.waitForURL(/\/ko\/index\.html/);
    await waitForReady(page, { mountAll: false });
    const url = new URL(page.url());
    assert.equal(url.pathname.endsWith('/ko/index.html'), true);
    assert.equal(url.search, query, 'the query is kept');
    assert.equal(url.hash, '#elu', 'the section is kept');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    const record = await page.evaluate(() => sessionStorage.getItem('paints'));
    assert.match(record, /\/index\.html:0;/, `the English page painted nothing (${record})`);
    await close();
  }
  // An English browser without ?lang= stays on the English page; ?lang=en on the Korean one moves.
  const { page, close } = await site.open({ path: 'ko/index.html?lang=en', locale: 'ko-KR', ready: false });
  await page.waitForURL(/\/index\.html\?lang=en$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await close();
});

test('nothing moves while the page builds: layout shift on load at most 0.02, laptop and phone', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, close } = await site.open({
      viewport,
      ready: false,
      initScripts: [() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      }],
    });
    await waitForReady(page, { mountAll: false });
    await page.waitForTimeout(1500);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.02, `layout shift ${shift.toFixed(4)} at ${viewport.width} px`);
    await close();
  }
});

test('a section prints as a handout: its chart and legend, no controls or buttons, nothing cut at the edges', async () => {
  const { page, close } = await site.open({ colorScheme: 'dark' });
  const spec = registry.curveFunctions.find((s) => s.params.length);
  const id = spec.slug;
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  // window.print() does nothing headless; the button marks what prints, then print media applies.
  await page.evaluate(() => { window.print = () => window.dispatchEvent(new Event('beforeprint')); });
  await page.locator(`#${id}-print`).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.printSection), id);
  await page.emulateMedia({ media: 'print' });
  await frames(page, 2);
  const printed = await page.evaluate((sid) => {
    const shown = (el) => el && el.checkVisibility();
    const sections = [...document.querySelectorAll('main > .section')].filter(shown).map((el) => el.id);
    const canvas = document.getElementById(`${sid}-chart`).getBoundingClientRect();
    return {
      sections,
      controls: [...document.querySelectorAll('.lab-controls, .section-tools, .site-header, .toc, button, input')].filter(shown).length,
      legend: [...document.querySelectorAll(`#${sid}-curves .curve-toggle`)].filter(shown).length,
      caption: [...document.querySelectorAll(`#${sid} .chart-caption`)].filter(shown).map((el) => el.textContent),
      canvas: { width: canvas.width, height: canvas.height },
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      chartColour: window.activationExplorer.chart(`${sid}-chart`).$curves.find((c) => c.label === 'f').borderColor,
    };
  }, id);
  assert.deepEqual(printed.sections, [id], 'only the section prints');
  assert.equal(printed.controls, 0, 'no controls, buttons or navigation on paper');
  assert.ok(printed.legend >= 2, 'the legend names the curves');
  const label = await page.locator(`#${id}-chart`).getAttribute('aria-label');
  assert.deepEqual(printed.caption, [label], 'the chart\'s description, with its settings, prints under it');
  assert.ok(label.includes(spec.params[0].symbol), `the settings are in it: ${label}`);
  assert.ok(printed.canvas.width > 300 && printed.canvas.height > 150, `the chart prints (${JSON.stringify(printed.canvas)})`);
  assert.ok(printed.overflow <= 0, `nothing wider than the page (${printed.overflow} px)`);
  const light = await page.evaluate(() => { document.documentElement.classList.add('printing'); return getComputedStyle(document.documentElement).getPropertyValue('--c-f').trim(); });
  assert.equal(printed.chartColour, light, 'the chart is drawn in the light colours for paper');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `e2e-print-${id}.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, `e2e-print-${id}.pdf`) });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 4, `a handout of a few pages (${pages})`);
  await close();
});

test('"Print the page" draws every chart first, then prints every section without controls', async () => {
  const { page, close } = await site.open({ ready: false });
  await waitForReady(page, { mountAll: false });
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.locator('#print-page').click();
  await page.waitForFunction(() => window.__printed === true);
  const drawn = await page.evaluate(() => [...document.querySelectorAll('[data-lab] canvas')]
    .filter((canvas) => !window.__e2e.hasData(canvas)).map((canvas) => canvas.id));
  assert.deepEqual(drawn, [], 'every chart has its curves when the print dialog opens');
  await page.emulateMedia({ media: 'print' });
  await frames(page, 2);
  const printed = await page.evaluate(() => ({
    sections: [...document.querySelectorAll('main section[id]')].filter((el) => el.checkVisibility()).length,
    all: document.querySelectorAll('main section[id]').length,
    controls: [...document.querySelectorAll('.lab-controls, .section-tools, .site-header, .toc, button, input')].filter((el) => el.checkVisibility()).length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  assert.equal(printed.sections, printed.all, 'every section prints');
  assert.equal(printed.controls, 0, 'no controls, buttons or navigation on paper');
  assert.ok(printed.overflow <= 0, `nothing wider than the page (${printed.overflow} px)`);
  await close();
});

test('each page: its title and description in its language, absolute canonical and hreflang links', async () => {
  for (const [lang, pagePath] of Object.entries(PAGES)) {
    const { page, close } = await site.open({ path: pagePath, ready: false, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    const head = await page.evaluate(() => ({
      title: document.title,
      description: document.querySelector('meta[name="description"]').content,
      canonical: document.querySelector('link[rel="canonical"]').getAttribute('href'),
      alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.getAttribute('href')])),
    }));
    const dict = dictionaries[lang];
    assert.equal(head.title, dict.app.pageTitle);
    assert.equal(head.description, dict.app.description);
    assert.equal(head.canonical, new URL(pagePath, site.url).href, 'the canonical address, absolute');
    assert.deepEqual(head.alternates, {
      en: new URL(PAGES.en, site.url).href, ko: new URL(PAGES.ko, site.url).href, 'x-default': new URL(PAGES.en, site.url).href,
    });
    await close();
  }
  // The other parts' pages: their introduction's title and description, their own addresses.
  for (const pg of registry.pages.slice(1)) {
    for (const [lang, pagePath] of [['en', pg.path], ['ko', pg.koPath]]) {
      const { page, close } = await site.open({ path: pagePath, ready: false, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      const head = await page.evaluate(() => ({
        title: document.title,
        canonical: document.querySelector('link[rel="canonical"]').getAttribute('href'),
        alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.getAttribute('href')])),
      }));
      const dict = dictionaries[lang];
      assert.equal(head.title, `${dict.section[pg.part]} · ${dict.app.title}`);
      assert.equal(head.canonical, new URL(pagePath, site.url).href);
      assert.deepEqual(head.alternates, {
        en: new URL(pg.path, site.url).href, ko: new URL(pg.koPath, site.url).href, 'x-default': new URL(pg.path, site.url).href,
      });
      await close();
    }
  }
});

test('the language link carries the view: settings, the section in view, the other language', async () => {
  const slug = registry.curveFunctions.find((s) => s.params.length).slug;
  const param = specOf(slug).params[0].name;
  const { page, close } = await site.open({ path: `index.html?${slug}.${param}=${specOf(slug).params[0].max}#${slug}` });
  await page.locator('#lang-toggle').hover();
  const href = new URL(await page.locator('#lang-toggle').getAttribute('href'));
  assert.equal(href.pathname.endsWith('/ko/index.html'), true);
  assert.equal(href.searchParams.get('lang'), 'ko');
  assert.equal(Number(href.searchParams.get(`${slug}.${param}`)), specOf(slug).params[0].max);
  await page.locator('#lang-toggle').click();
  await page.waitForURL(/\/ko\/index\.html/);
  await waitForReady(page);
  assert.equal((await page.evaluate(() => window.activationExplorer.state())).sections[slug].params[param], specOf(slug).params[0].max);
  await close();
});
