import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadRegistry, pageDictionaries } from '../../build_scripts/build-web.mjs';
import { pageSections, readContent } from '../../build_scripts/lib/content.mjs';
import {
  initialLanguage, pickLanguage, lookup, interpolate, makeTranslator, keysOf, placeholdersOf,
} from '../../web/src/text/i18n.js';

const load = (lang) => JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8'));
const en = load('en');
const ko = load('ko');

test('pickLanguage follows the browser preference list', () => {
  assert.equal(pickLanguage(['ko-KR', 'en-US']), 'ko');
  assert.equal(pickLanguage(['fr-FR', 'ko']), 'ko');
  assert.equal(pickLanguage(['en-GB', 'ko']), 'en');
  assert.equal(pickLanguage(['de']), 'en');
  assert.equal(pickLanguage(undefined), 'en');
});

test('lookup walks dotted keys and ignores non-strings', () => {
  assert.equal(lookup(en, 'app.title'), 'Activation Explorer');
  assert.equal(lookup(en, 'app'), undefined);
  assert.equal(lookup(en, 'app.nope'), undefined);
  assert.equal(lookup(en, 'constructor'), undefined);
});

test('interpolate fills known placeholders and leaves unknown ones', () => {
  assert.equal(interpolate('±{n}', { n: 3 }), '±3');
  assert.equal(interpolate('{a} {b}', { a: 1 }), '1 {b}');
});

test('translator falls back to English, then to the key', () => {
  const t = makeTranslator({ a: { x: 'ko-x' } }, { a: { x: 'en-x', y: 'en-y' } });
  assert.equal(t('a.x'), 'ko-x');
  assert.equal(t('a.y'), 'en-y');
  assert.equal(t('a.z'), 'a.z');
});

test('en.json and ko.json have the same keys, no empty strings, same placeholders', () => {
  assert.deepEqual(keysOf(ko).sort(), keysOf(en).sort());
  for (const key of keysOf(en)) {
    assert.ok(lookup(en, key).trim(), `empty en ${key}`);
    assert.ok(lookup(ko, key).trim(), `empty ko ${key}`);
    assert.deepEqual(placeholdersOf(lookup(ko, key)), placeholdersOf(lookup(en, key)), key);
  }
});

// The page's whole dictionaries: web/i18n plus what the content files add, as the build makes them.
const { list, comparisons, groups } = await loadRegistry();
const sections = pageSections(list, comparisons, groups);
const { meta } = await readContent(sections);
const { dictionaries, content } = await pageDictionaries(sections, meta);

/** Every .js file under web/src except generated code. */
function sourceFiles(dir = new URL('../../web/src/', import.meta.url)) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(new URL(`${entry.name}/`, dir));
    return entry.name.endsWith('.js') ? [readFileSync(new URL(entry.name, dir), 'utf8')] : [];
  });
}

test('every i18n key named in web/src and web/index.html exists', () => {
  const html = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
  const used = new Set();
  for (const text of sourceFiles()) {
    // t('a.b', …) and tr('tag', 'a.b', …): static keys; dynamic ones are checked below.
    for (const m of text.matchAll(/\bt\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/\btr\(\s*[`'][\w${}.]+[`'],\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/(?:aria-label|title):([a-z][\w-]*(?:\.[\w-]+)+)/g)) used.add(m[1]);
  }
  for (const m of html.matchAll(/data-i18n="([\w.-]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="\w+:([\w.-]+)"/g)) used.add(m[1]);
  assert.ok(used.size > 60, `found only ${used.size} keys: is the scan still matching?`);
  for (const key of used) assert.ok(lookup(dictionaries.en, key), `missing key ${key}`);
});

test('every function and section of the registry has its names in both languages', () => {
  for (const lang of ['en', 'ko']) {
    const dict = dictionaries[lang];
    for (const spec of list) {
      assert.ok(lookup(dict, `fn.${spec.slug}`)?.trim(), `${lang} fn.${spec.slug}`);
      for (const p of spec.params) assert.ok(lookup(dict, `paramLabel.${spec.slug}.${p.name}`)?.trim(), `${lang} ${spec.slug} ${p.name}`);
      for (const preset of spec.pieces?.presets ?? []) assert.ok(lookup(dict, `ui.${spec.slug}.preset-${preset.id}`), `${lang} ${spec.slug} ${preset.id}`);
    }
    for (const { id } of sections) assert.ok(lookup(dict, `section.${id}`)?.trim(), `${lang} section.${id}`);
  }
  // The content gives both languages the same keys and placeholders.
  assert.deepEqual(keysOf(content.ko).sort(), keysOf(content.en).sort());
  for (const key of keysOf(content.en)) assert.deepEqual(placeholdersOf(lookup(content.ko, key)), placeholdersOf(lookup(content.en, key)), key);
  for (const v of ['symmetric', 'partial', 'none']) assert.ok(lookup(en, `props.centred.${v}`), v);
  for (const v of ['none', 'left', 'right', 'both']) assert.ok(lookup(en, `props.saturation.${v}`), v);
});

test("web/i18n names no function: the registry and the content files do", () => {
  const slugs = new Set([...list.map((s) => s.slug), ...comparisons.map((c) => c.id)]);
  for (const [lang, dict] of [['en', en], ['ko', ko]]) {
    for (const key of keysOf(dict)) {
      for (const part of key.split('.')) assert.ok(!slugs.has(part), `web/i18n/${lang}.json: ${key} is about one function`);
    }
  }
});

test("the first language: the link's ?lang=, else the browser's preference, else English", () => {
  const nav = (languages, language = languages[0]) => ({ languages, language });
  assert.equal(initialLanguage('?lang=ko', nav(['en-US'])), 'ko');
  assert.equal(initialLanguage('?lang=fr', nav(['ko-KR', 'en'])), 'ko');
  assert.equal(initialLanguage('', nav([], 'ko')), 'ko', 'navigator.language when languages is empty');
  assert.equal(initialLanguage('', nav(['de-DE', 'fr'])), 'en');
});
