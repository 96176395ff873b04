import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  paddedExtent, formatNumber, parseNumber, niceStep, niceTicks, decimalsOf, formatInterval, formatSet, roundTo,
  symmetricTickStep,
} from '../../web/src/text/format.js';

test('formatNumber: significant digits, real minus, no float noise', () => {
  assert.equal(formatNumber(0.25), '0.25');
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
  assert.equal(formatNumber(-1.23456), '\u22121.235');
  assert.equal(formatNumber(12345.6), '12350');
  assert.equal(formatNumber(0), '0');
  assert.equal(formatNumber(-0), '0');
});

test('formatNumber: exponents, infinities and NaN', () => {
  assert.equal(formatNumber(1.5e-7), '1.5e\u22127');
  assert.equal(formatNumber(2e9), '2e9');
  assert.equal(formatNumber(Infinity), '∞');
  assert.equal(formatNumber(-Infinity), '\u2212∞');
  assert.equal(formatNumber(NaN), '—');
  assert.equal(formatNumber(undefined), '—');
});

test('parseNumber accepts a real minus sign and a decimal comma, rejects partial input', () => {
  assert.equal(parseNumber('\u22122.5'), -2.5);
  assert.equal(parseNumber('0,5'), 0.5);
  assert.ok(Number.isNaN(parseNumber('')));
  assert.ok(Number.isNaN(parseNumber('-')));
  assert.ok(Number.isNaN(parseNumber('abc')));
});

test('niceStep picks 1-2-5 steps', () => {
  assert.equal(niceStep(6, 10), 0.5);
  assert.equal(niceStep(20, 10), 2);
  assert.equal(niceStep(1, 10), 0.1);
  assert.equal(niceStep(7, 10), 1);
  assert.equal(niceStep(0, 10), 1);
});

test('niceTicks are round and inside the range', () => {
  assert.deepEqual(niceTicks(-3, 3), [-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3]);
  assert.deepEqual(niceTicks(-10, 10), [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
  const odd = niceTicks(-2.7, 4.1);
  assert.ok(odd.every((v) => v >= -2.7 && v <= 4.1));
  assert.ok(odd.every((v) => Number.isInteger(v * 2)), `not round: ${odd}`);
  assert.ok(niceTicks(0.1, 0.3).every((v) => String(v).length <= 4));
  assert.deepEqual(niceTicks(1, 1), []);
});

test('decimalsOf and roundTo', () => {
  assert.equal(decimalsOf(0.01), 2);
  assert.equal(decimalsOf(0.5), 1);
  assert.equal(decimalsOf(2), 0);
  assert.equal(roundTo(0.1 + 0.2, 2), 0.3);
});

test('intervals and sets', () => {
  assert.equal(formatInterval(0, Infinity, true, false), '[0, ∞)');
  assert.equal(formatInterval(-1, 1, false, false), '(\u22121, 1)');
  assert.equal(formatInterval(-Infinity, Infinity, true, true), '(\u2212∞, ∞)');
  assert.equal(formatSet([0, 1]), '{0, 1}');
});

test('paddedExtent widens ranges and gives flat curves a band', () => {
  assert.deepEqual(paddedExtent(0, 1), { min: -0.06, max: 1.06 });
  assert.deepEqual(paddedExtent(0, 0), { min: -0.5, max: 0.5 });
  assert.deepEqual(paddedExtent(10, 10), { min: 9, max: 11 });
  assert.deepEqual(paddedExtent(Infinity, -Infinity), { min: -1, max: 1 });
});

test('symmetricTickStep divides the axis so 0 and both ends are ticks', () => {
  assert.equal(symmetricTickStep(5, 5), 1);
  assert.equal(symmetricTickStep(5, 2), 2.5);
  assert.equal(symmetricTickStep(5, 1), 5);
  assert.equal(symmetricTickStep(10, 4), 2.5);
  assert.equal(symmetricTickStep(15, 2), 15, 'no round step makes 2 parts of 15');
  assert.equal(symmetricTickStep(15, 3), 5);
  assert.equal(symmetricTickStep(1000, 5), 200);
  assert.equal(symmetricTickStep(5, 0), 5, 'no room: only the ends and 0');
  for (const axis of [5, 10, 15, 20, 35, 100, 1000]) {
    for (let perSide = 1; perSide <= 12; perSide += 1) {
      const step = symmetricTickStep(axis, perSide);
      const parts = axis / step;
      assert.ok(Math.abs(parts - Math.round(parts)) < 1e-9 && parts <= perSide, `axis ${axis}, ${perSide} per side: step ${step}`);
    }
  }
});
