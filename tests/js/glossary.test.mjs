// One Korean term per concept (web/content/ko/glossary.json), across the interface
// (web/i18n/ko.json) and the explanations (web/content/ko/*.md): no avoided variant or calque
// appears, an English term is glossed in parentheses at most once per section, and always
// after its Korean term. Code, TeX and phrases quoted from the article ('…') are not prose.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KO = path.join(ROOT, 'web/content/ko');
const glossary = JSON.parse(readFileSync(path.join(KO, 'glossary.json'), 'utf8'));

/**
 * Prose only: fenced code, inline code and TeX blanked (line numbers kept), and with
 * `quotes`, phrases quoted from the article ('…') too.
 */
export function proseOf(markdown, { quotes = true } = {}) {
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  const text = markdown
    .replace(/^```[\s\S]*?^```/gm, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\$(?:\\.|[^$\\\n])+\$/g, blank);
  return quotes ? text.replace(/'[^'\n]*'|‘[^’\n]*’|「[^」\n]*」/g, blank) : text;
}

/** Every string of a JSON dictionary, with its dotted key. */
function stringsOf(node, prefix = '') {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node).flatMap(([k, v]) => stringsOf(v, prefix ? `${prefix}.${k}` : k));
}

/** Texts to check: [where, text] — each content file whole, each interface string. */
function koreanTexts(options) {
  const files = readdirSync(KO).filter((f) => f.endsWith('.md'))
    .map((f) => [`web/content/ko/${f}`, proseOf(readFileSync(path.join(KO, f), 'utf8'), options)]);
  const ui = stringsOf(JSON.parse(readFileSync(path.join(ROOT, 'web/i18n/ko.json'), 'utf8')))
    .map(([key, text]) => [`web/i18n/ko.json ${key}`, proseOf(text, options)]);
  return [...files, ...ui];
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** Avoided words found: ["where:line: word"]. */
export function avoided(texts, words) {
  const found = [];
  for (const [where, text] of texts) {
    for (const word of words) {
      for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) found.push(`${where}:${lineOf(text, i)}: ${word}`);
    }
  }
  return found;
}

// An English gloss: parentheses holding a word of three or more Latin letters (not "(x)" or
// "(s - y)"), e.g. "(vanishing gradient)".
const GLOSS = /\(([A-Za-z][A-Za-z' -]*[A-Za-z])\)/g;
const isGloss = (inner) => /[A-Za-z]{3,}/.test(inner);

/** Glosses written more than once in one text: ["where: (gloss) ×n"]. */
export function repeatedGlosses(texts) {
  const out = [];
  for (const [where, text] of texts) {
    const counts = new Map();
    for (const m of text.matchAll(GLOSS)) if (isGloss(m[1])) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    for (const [gloss, n] of counts) if (n > 1) out.push(`${where}: (${gloss}) ×${n}`);
  }
  return out;
}

/** A glossary term's English in parentheses not right after its Korean term. */
export function misplacedGlosses(texts, terms) {
  const out = [];
  for (const [where, text] of texts) {
    for (const { en, ko } of terms) {
      const gloss = `(${en})`;
      for (let i = text.indexOf(gloss); i !== -1; i = text.indexOf(gloss, i + 1)) {
        const before = text.slice(Math.max(0, i - ko.length - 4), i).replace(/[*_\s]+$/, '');
        if (!before.endsWith(ko)) out.push(`${where}:${lineOf(text, i)}: ${gloss} follows "${before.slice(-ko.length)}", not ${ko}`);
      }
    }
  }
  return out;
}

test('no avoided variant in the Korean interface or explanations (quoting the article is allowed)', () => {
  assert.deepEqual(avoided(koreanTexts(), glossary.terms.flatMap((t) => t.avoid ?? [])), []);
});

test('no calque, quoted or not', () => {
  assert.deepEqual(avoided(koreanTexts({ quotes: false }), glossary.calques.avoid), []);
});

test('an English term is glossed at most once per section', () => {
  assert.deepEqual(repeatedGlosses(koreanTexts()), []);
});

test('a glossed English term follows its Korean term', () => {
  assert.deepEqual(misplacedGlosses(koreanTexts(), glossary.terms), []);
});

test('the checks catch what they are for', () => {
  const texts = [['a.md', '활성 함수는 …\n기울기 소실(vanishing gradient)과 기울기 소실(vanishing gradient)\n경사 소실(vanishing gradient)']];
  assert.deepEqual(avoided(texts, ['활성 함수']), ['a.md:1: 활성 함수']);
  assert.deepEqual(repeatedGlosses(texts), ['a.md: (vanishing gradient) ×3']);
  assert.equal(misplacedGlosses(texts, [{ en: 'vanishing gradient', ko: '기울기 소실' }]).length, 1);
  // Code, TeX and a phrase quoted from the article are not prose.
  const quiet = [['b.md', proseOf("원문은 '탄젠트 함수'라고 씁니다. `활성 함수` $(vanishing gradient)$\n```\n활성 함수\n```\n")]];
  assert.deepEqual(avoided(quiet, ['탄젠트 함수', '활성 함수']), []);
  assert.deepEqual(repeatedGlosses([['c.md', '(x)와 (x), (s - y)와 (s - y)']]), []);
});

test('every glossary term has a Korean and an English form', () => {
  for (const t of glossary.terms) {
    assert.ok(t.en && t.ko, JSON.stringify(t));
    for (const a of t.avoid ?? []) assert.ok(!t.ko.includes(a), `${t.ko} avoids ${a}, which it contains`);
  }
});
