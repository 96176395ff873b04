// Whole-page screenshots at 1280×800 and 390×844 in both languages, every chart built,
// saved to screenshots/ (git-ignored) for a person to look at. Also checks what can be
// checked mechanically at those sizes: nothing wider than the viewport.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { useSite, buildAllCharts, frames, SCREENSHOTS, DESKTOP, PHONE } from './harness.mjs';
import { registry } from './registry-kit.mjs';

const site = useSite();
mkdirSync(SCREENSHOTS, { recursive: true });

const SIZES = [['1280', DESKTOP], ['390', PHONE]];
const LANGS = [['en', 'en-US'], ['ko', 'ko-KR']];

for (const pg of registry.pages) {
  for (const [size, viewport] of SIZES) {
    for (const [lang, locale] of LANGS) {
      const pagePath = lang === 'en' ? pg.path : pg.koPath;
      const name = pg.part === registry.pages[0].part ? '' : `${pg.part}-`;
      test(`full-page screenshot of ${pagePath} at ${size} px; nothing overflows sideways`, async () => {
        const { page, close } = await site.open({ locale, viewport, path: pagePath });
        await buildAllCharts(page);
        // Sections use content-visibility: auto, which a full-page capture does not render
        // (they come out blank at their estimated height). Render them all, as scrolling would.
        // (Through the CSSOM: the page's Content-Security-Policy forbids injected <style>.)
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('.section')) el.style.setProperty('content-visibility', 'visible', 'important');
        });
        await page.evaluate(() => document.fonts.ready);
        await frames(page, 2);
        const file = path.join(SCREENSHOTS, `e2e-page-${name}${lang}-${size}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > width + 1 || r.left < -1) && el.checkVisibility()
                && !el.closest('.table-scroll, .math-display, .formulas dd, pre');
            })
            .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el))) // outermost only
            .slice(0, 8)
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
          return { scrollWidth: document.documentElement.scrollWidth, width, wide };
        });
        assert.ok(overflow.scrollWidth <= overflow.width,
          `the page is ${overflow.scrollWidth} px wide in a ${overflow.width} px viewport; too wide: ${overflow.wide.join(', ')}`);
        await close();
      });
    }
  }
}
