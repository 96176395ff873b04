import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initialLanguage, pickLanguage, lookup, interpolate, makeTranslator, keysOf, placeholdersOf,
} from '../../web/src/i18n.js';

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

test('every i18n key named in web/src and web/index.html exists', async () => {
  const { readdirSync } = await import('node:fs');
  const dir = new URL('../../web/src/', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const html = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
  const used = new Set();
  for (const text of sources) {
    // t('a.b', …) and tr('tag', 'a.b', …): static keys; dynamic ones are checked below.
    for (const m of text.matchAll(/\bt\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/\btr\(\s*[`'][\w${}.]+[`'],\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/(?:aria-label|title):([a-z][\w-]*(?:\.[\w-]+)+)/g)) used.add(m[1]);
  }
  for (const m of html.matchAll(/data-i18n="([\w.-]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="\w+:([\w.-]+)"/g)) used.add(m[1]);
  assert.ok(used.size > 60, `found only ${used.size} keys: is the scan still matching?`);
  for (const key of used) assert.ok(lookup(en, key), `missing key ${key}`);
});

test('keys built from slugs and parameter names exist for the whole registry', () => {
  const slugs = ['step', 'sigmoid', 'tanh', 'relu', 'softplus', 'leaky-relu', 'prelu', 'elu', 'maxout', 'softmax'];
  for (const slug of slugs) {
    assert.ok(lookup(en, `fn.${slug}`), `fn.${slug}`);
    assert.ok(lookup(en, `section.${slug}`), `section.${slug}`);
  }
  for (const id of ['intro', 'compare-relu-family', 'compare-all', 'summary']) assert.ok(lookup(en, `section.${id}`), id);
  for (const name of ['alpha', 'a', 'beta', 'temperature']) assert.ok(lookup(en, `param.${name}`), name);
  for (const v of ['symmetric', 'partial', 'none']) assert.ok(lookup(en, `props.centred.${v}`), v);
  for (const v of ['none', 'left', 'right', 'both']) assert.ok(lookup(en, `props.saturation.${v}`), v);
});

test("the first language: the link's ?lang=, else the browser's preference, else English", () => {
  const nav = (languages, language = languages[0]) => ({ languages, language });
  assert.equal(initialLanguage('?lang=ko', nav(['en-US'])), 'ko');
  assert.equal(initialLanguage('?lang=fr', nav(['ko-KR', 'en'])), 'ko');
  assert.equal(initialLanguage('', nav([], 'ko')), 'ko', 'navigator.language when languages is empty');
  assert.equal(initialLanguage('', nav(['de-DE', 'fr'])), 'en');
});
