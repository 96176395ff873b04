import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeTranslator } from '../../web/src/text/i18n.js';
import { describeContinuity, describeProperties, describeMax, describeRange } from '../../web/src/text/properties-format.js';

const en = JSON.parse(readFileSync(new URL('../../web/i18n/en.json', import.meta.url), 'utf8'));
const ko = JSON.parse(readFileSync(new URL('../../web/i18n/ko.json', import.meta.url), 'utf8'));
const t = makeTranslator(en);
const tk = makeTranslator(ko, en);

const sigmoid = {
  range: { min: 0, max: 1, minInclusive: false, maxInclusive: false }, f0: 0.5, monotonic: 'nonDecreasing',
  zeroCentred: 'none', continuity: Infinity, nonDifferentiableAt: [],
  maxAbsDerivative: { value: 0.25, from: 0, to: 0, attained: true }, saturates: 'both', usesExp: true,
};

test('sigmoid reads naturally', () => {
  const rows = Object.fromEntries(describeProperties(sigmoid, t).map((r) => [r.key, r.value]));
  assert.equal(rows.range, '(0, 1)');
  assert.equal(rows.f0, '0.5');
  assert.equal(rows.maxAbsDerivative, '0.25 at x = 0');
  assert.equal(rows.monotonic, 'yes');
  assert.equal(rows.smoothness, 'smooth (C∞): every derivative exists');
  assert.equal(rows.nonDifferentiableAt, 'nowhere');
  assert.equal(rows.saturates, 'both ends');
  assert.equal(rows.usesExp, 'yes');
});

test('max |f′| wording covers intervals, limits, everywhere and vector functions', () => {
  assert.equal(describeMax({ value: 1, from: 0, to: Infinity, attained: true }, t), '1 for x in (0, ∞)');
  assert.equal(describeMax({ value: 1, from: 5e-324, to: Infinity, attained: true }, t), '1 for x in (0, ∞)');
  assert.equal(describeMax({ value: 1, from: Infinity, to: Infinity, attained: false }, t), 'approaches 1 as x → ∞');
  assert.equal(describeMax({ value: 1, from: -Infinity, to: Infinity, attained: true }, t), '1 everywhere');
  assert.equal(describeMax({ value: 0.25, from: NaN, to: NaN, attained: true }, t), '0.25 (largest |∂sᵢ/∂zⱼ|)');
  assert.equal(describeMax({ value: 0.25, from: null, to: null, attained: true }, t), '0.25 (largest |∂sᵢ/∂zⱼ|)');
});

test('each continuity class says what fails: only C∞ is called smooth', () => {
  assert.equal(describeContinuity(-1, t), 'discontinuous: f jumps');
  assert.equal(describeContinuity(0, t), 'continuous (C⁰), with a kink: f′ jumps');
  assert.equal(describeContinuity(1, t), 'continuously differentiable (C¹), not smooth: f″ jumps');
  assert.equal(describeContinuity(Infinity, t), 'smooth (C∞): every derivative exists');
  const smoothKo = describeContinuity(Infinity, tk);
  for (const order of [-1, 0, 1]) {
    for (const [translate, smooth] of [[t, /\bsmooth\b/], [tk, /매끄러움/]]) {
      const words = describeContinuity(order, translate);
      assert.doesNotMatch(words.replace('not smooth', '').replace('매끄럽지는 않음', ''), smooth, `C${order}: ${words}`);
    }
  }
  assert.match(smoothKo, /^매끄러움 \(C∞\)/);
});

test('monotonic: never decreasing, not, or (a vector function) in its own input only', () => {
  const row = (monotonic, translate = t) => describeProperties({ ...sigmoid, monotonic }, translate)
    .find((r) => r.key === 'monotonic').value;
  assert.equal(row('nonDecreasing'), 'yes');
  assert.equal(row('none'), 'no');
  assert.equal(row('own'), 'in its own input only: sᵢ rises with zᵢ and falls as any other zⱼ rises');
  assert.match(row('own', tk), /^자기 입력에 대해서만 증가/);
});

test('a discrete range prints as a set', () => {
  assert.equal(describeRange({ min: 0, max: 1, minInclusive: true, maxInclusive: true, values: [0, 1] }), '{0, 1}');
  assert.equal(describeRange({ min: 0, max: Infinity, minInclusive: true, maxInclusive: false }), '[0, ∞)');
});

test('a vector function: f(0) is not applicable (null from core.js)', () => {
  const rows = describeProperties({ ...sigmoid, f0: null }, t);
  assert.equal(rows.find((r) => r.key === 'f0').value, '—');
});

test('every row has a label and a value, in Korean too', () => {
  for (const variant of [{ saturates: 'right', continuity: -1 }, { monotonic: 'own', continuity: 1 }, { monotonic: 'none', continuity: 0 }]) {
    for (const row of describeProperties({ ...sigmoid, ...variant }, tk)) {
      assert.ok(row.label && row.value && !row.value.includes('props.'), JSON.stringify(row));
    }
  }
});
