// Korean and English: the default follows the browser's language, the toggle switches
// every visible string (text, aria-label, title), `lang` is set, and switching back gives
// exactly the English page again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSite, buildAllCharts, visibleStrings, frames, ROOT } from './harness.mjs';
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
    assert.equal(await page.title(), dict.app.title, `${locale}: document title`);
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

test('the language toggle switches every visible string, and back', async () => {
  const { page, close } = await site.open({ locale: 'en-US' });
  await buildAllCharts(page);
  // Leave a warning hint and a readout on screen: dynamic strings must switch too.
  await page.locator(`#${PARAM}-input`).fill(String(registry.paramFields[0].max + 99));
  await page.locator(`#${PARAM}-input`).press('Tab');
  await frames(page, 2);
  const english = await visibleStrings(page);
  assert.deepEqual(koreanInEnglish(english), [], `Korean text in the English page:\n${show(koreanInEnglish(english))}`);

  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ko'
    && [...document.querySelectorAll('[data-prose]')].every((el) => el.lang === 'ko' && el.childElementCount > 0));
  await frames(page, 2);
  assert.equal(await page.title(), ko.app.title);
  const korean = await visibleStrings(page);
  const left = untranslated(korean);
  assert.deepEqual(left, [], `strings still in English after switching to Korean:\n${show(left)}`);
  // Nothing vanished or appeared: the Korean page shows as many strings as the English one.
  assert.ok(Math.abs(korean.length - english.length) <= english.length * 0.02,
    `${english.length} strings in English, ${korean.length} in Korean`);
  const englishSet = new Set(english.map((s) => s.text));
  const same = korean.filter((s) => englishSet.has(s.text) && s.text.match(LATIN_WORD)
    && !untranslated([s]).length && s.text.match(HANGUL));
  assert.deepEqual(same, [], `identical mixed strings in both languages:\n${show(same)}`);
  const hint = await page.locator(`#${PARAM}-hint`).textContent();
  assert.match(hint, HANGUL, `the clamping hint is translated: "${hint}"`);

  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en'
    && [...document.querySelectorAll('[data-prose]')].every((el) => el.lang === 'en'));
  await frames(page, 2);
  const again = await visibleStrings(page);
  const before = new Set(english.map((s) => s.text));
  const after = new Set(again.map((s) => s.text));
  const lost = [...before].filter((s) => !after.has(s));
  const gained = [...after].filter((s) => !before.has(s));
  assert.deepEqual({ lost, gained }, { lost: [], gained: [] }, 'switching back restores the English page exactly');
  await close();
});

test('the toggle is a real button reachable by keyboard', async () => {
  const { page, close } = await site.open({ locale: 'en-US' });
  // A few Tabs from the top reach it (after the skip link and any header buttons).
  let tabs = 0;
  while (tabs < 8 && await page.evaluate(() => document.activeElement?.id) !== 'lang-toggle') {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-toggle', 'the toggle is in the tab order near the top');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await close();
});
