// Korean and English: the default page follows the browser's language, the Korean page shows
// every visible string (text, aria-label, title) in Korean, `lang` is set, the toggle (a link
// to the other language's page) goes there and back, and coming back gives exactly the
// English page again. The single file switches in place (offline.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSite, buildAllCharts, visibleStrings, frames, waitForReady, ROOT } from './harness.mjs';
import { registry, dictionaries } from './registry-kit.mjs';

const site = useSite();
const en = JSON.parse(readFileSync(path.join(ROOT, 'web/i18n/en.json'), 'utf8'));
const ko = JSON.parse(readFileSync(path.join(ROOT, 'web/i18n/ko.json'), 'utf8'));

const HANGUL = /[\uac00-\ud7a3]/g;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]{2,}/g;
// Proper nouns and code-like words that stay in Latin letters in Korean text, plus every
// function's Korean name where the field writes it in Latin letters (ReLU, ELU, tanh …: from
// the content files, for each function of core.list()). Anything else in Latin letters
// without a single Hangul syllable next to it is an untranslated string.
const TECHNICAL_TERMS = [
  'ReLU', 'ELU', 'PReLU', 'Leaky', 'GELU', 'SELU', 'Softplus', 'Softmax', 'Maxout', 'tanh', 'sigmoid', 'softmax',
  'PyTorch', 'Keras', 'TensorFlow', 'TF.js', 'NumPy', 'WebAssembly', 'JavaScript', 'Chart.js', 'KaTeX',
  'exp', 'log', 'max', 'min', 'English',
];
const KOREAN_NAMES_IN_LATIN = registry.functions.flatMap((slug) => dictionaries.ko.fn[slug].match(LATIN_WORD) ?? []);
const KEEP_LATIN = new Set([...TECHNICAL_TERMS, ...KOREAN_NAMES_IN_LATIN]);

/** Strings shown in Korean mode that are still (Latin-letter) English. */
function untranslated(strings) {
  return strings.filter(({ text, lang }) => {
    if (lang === 'en') return false; // marked as English on purpose (the toggle's own label)
    if (text.match(HANGUL)) return false;
    const words = (text.match(LATIN_WORD) ?? []).filter((w) => !KEEP_LATIN.has(w.replace(/[’'-]+$/, '')));
    return words.length > 0;
  });
}

/** Strings shown in English mode that are mostly Hangul, outside elements marked lang="ko". */
function koreanInEnglish(strings) {
  return strings.filter(({ text, lang }) => lang !== 'ko'
    && (text.match(HANGUL)?.length ?? 0) > (text.match(/[A-Za-z]/g)?.length ?? 0));
}

// The first parameter on the page: its clamping hint is a dynamic string.
const PARAM = `${registry.paramFields[0].section}-${registry.paramFields[0].param}`;

const show = (list) => list.map((s) => `  ${s.where}: ${s.text.slice(0, 160)}`).join('\n');

test('the default language follows the browser: Korean for ko-KR, English for en-US', async () => {
  for (const [locale, lang, dict] of [['ko-KR', 'ko', ko], ['en-US', 'en', en]]) {
    const { page, close } = await site.open({ locale });
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${locale}: <html lang>`);
    assert.equal(await page.title(), dict.app.pageTitle, `${locale}: document title`);
    assert.equal((await page.locator('#lang-toggle').textContent()).trim(), dict.app.switchTo);
    const toggle = page.locator('#lang-toggle');
    const label = (await toggle.getAttribute('aria-label')) ?? (await toggle.getAttribute('title'));
    assert.equal(label, dict.app.switchToLabel, `${locale}: the toggle's aria-label or title`);
    // Its visible label is the other language's name, so it is marked with that language.
    assert.equal(await toggle.getAttribute('lang'), lang === 'ko' ? 'en' : 'ko', `${locale}: lang of the toggle's label`);
    const proseLangs = await page.locator('[data-prose]').evaluateAll((els) => [...new Set(els.map((el) => el.closest('[lang]').lang))]);
    assert.deepEqual(proseLangs, [lang], `${locale}: explanations in ${lang}`);
    await close();
  }
});

/** Every chart drawn and a warning hint on screen (a dynamic string), then every visible string. */
async function stringsOf(page) {
  await waitForReady(page);
  await buildAllCharts(page);
  await page.locator(`#${PARAM}-input`).fill(String(registry.paramFields[0].max + 99));
  await page.locator(`#${PARAM}-input`).press('Tab');
  await frames(page, 2);
  return visibleStrings(page);
}

test('the Korean page shows every string in Korean, as many as the English one; the toggle goes there and back', async () => {
  const { page, close } = await site.open({ locale: 'en-US' });
  const english = await stringsOf(page);
  assert.deepEqual(koreanInEnglish(english), [], `Korean text in the English page:\n${show(koreanInEnglish(english))}`);

  await page.locator('#lang-toggle').click();
  await page.waitForURL(/\/ko\/index\.html/);
  const korean = await stringsOf(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await page.title(), ko.app.pageTitle);
  const left = untranslated(korean);
  assert.deepEqual(left, [], `strings in English on the Korean page:\n${show(left)}`);
  // Nothing vanished or appeared: the Korean page shows as many strings as the English one.
  assert.ok(Math.abs(korean.length - english.length) <= english.length * 0.02,
    `${english.length} strings in English, ${korean.length} in Korean`);
  const englishSet = new Set(english.map((s) => s.text));
  const same = korean.filter((s) => englishSet.has(s.text) && s.text.match(LATIN_WORD)
    && !untranslated([s]).length && s.text.match(HANGUL));
  assert.deepEqual(same, [], `identical mixed strings in both languages:\n${show(same)}`);
  const hint = await page.locator(`#${PARAM}-hint`).textContent();
  assert.match(hint, HANGUL, `the clamping hint is in Korean: "${hint}"`);

  await page.locator('#lang-toggle').click();
  await page.waitForURL((url) => !url.pathname.includes('/ko/'));
  const again = await stringsOf(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const before = new Set(english.map((s) => s.text));
  const after = new Set(again.map((s) => s.text));
  const lost = [...before].filter((s) => !after.has(s));
  const gained = [...after].filter((s) => !before.has(s));
  assert.deepEqual({ lost, gained }, { lost: [], gained: [] }, 'coming back gives the English page exactly');
  await close();
});

test('the toggle is a link reachable by keyboard, to the other language and back', async () => {
  const { page, close } = await site.open({ locale: 'en-US' });
  // A few Tabs from the top reach it (after the skip link and the header's other buttons).
  const tabTo = async () => {
    let tabs = 0;
    while (tabs < 8 && await page.evaluate(() => document.activeElement?.id) !== 'lang-toggle') {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-toggle', 'the toggle is in the tab order near the top');
  };
  await tabTo();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/ko\/index\.html/);
  await waitForReady(page, { mountAll: false });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  // The link kept the section in view (#overview), where keyboard focus now starts: back up.
  for (let steps = 0; await page.evaluate(() => document.activeElement?.id) !== 'lang-toggle'; steps += 1) {
    assert.ok(steps < 40, 'Shift+Tab from the section reaches the toggle');
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.includes('/ko/'));
  await waitForReady(page, { mountAll: false });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await close();
});
