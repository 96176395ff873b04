import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataExtent, fitRange, liveRange } from '../../web/src/charts/y-range.js';

const curve = (ys, hidden = false) => ({ hidden, data: ys.map((y, i) => ({ x: i, y })) });

test('dataExtent spans the visible curves only and skips gaps', () => {
  assert.deepEqual(dataExtent([curve([0, 2, NaN]), curve([-1, 1]), curve([-50, 50], true)]), { lo: -1, hi: 2 });
  assert.deepEqual(dataExtent([curve([1], true)]), { lo: Infinity, hi: -Infinity });
});

test('fitRange is the data with a small margin', () => {
  assert.deepEqual(fitRange({ lo: 0, hi: 1 }), { min: -0.06, max: 1.06 });
  assert.deepEqual(fitRange({ lo: Infinity, hi: -Infinity }), { min: -1, max: 1 });
});

test('liveRange holds the range on screen while the data stays inside it', () => {
  const held = { min: -2, max: 4 };
  assert.equal(liveRange(held, { lo: -1, hi: 3 }), held);
  assert.equal(liveRange(held, { lo: 0, hi: 0.5 }), held, 'it does not shrink while dragging');
  assert.deepEqual(liveRange(null, { lo: 0, hi: 1 }), fitRange({ lo: 0, hi: 1 }), 'no range yet: fit');
});

test('liveRange grows to round ends around both the old range and the data', () => {
  const grown = liveRange({ min: -0.24, max: 3.18 }, { lo: -0.6, hi: 3 });
  assert.ok(grown.min <= -0.6 * 1.06 && grown.max >= 3.18, JSON.stringify(grown));
  assert.deepEqual(grown, { min: -1, max: 4 });
});

test('a curve moving steadily outwards needs a new range only every so often', () => {
  // Leaky ReLU on [−3, 3] as α goes from 0 to 1 in slider steps of 0.01: f reaches −3α.
  let range = fitRange({ lo: 0, hi: 3 });
  let changes = 0;
  for (let i = 1; i <= 100; i += 1) {
    const extent = { lo: -3 * (i / 100), hi: 3 };
    const next = liveRange(range, extent);
    assert.ok(next.min <= extent.lo && next.max >= extent.hi, `α = ${i / 100}: the data fits`);
    if (next !== range) changes += 1;
    range = next;
  }
  assert.ok(changes <= 5, `${changes} range changes in 100 steps`);
});
