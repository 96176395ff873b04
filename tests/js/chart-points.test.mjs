// toPoints and the sample counts from web/src/charts/charts.js: what a chart is given to draw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleCount, toPoints } from '../../web/src/charts/charts.js';

const xs = Float64Array.from([-1, -0.5, 0.25, 0.75]);
const relu = (x) => Math.max(0, x);

test('a kink between two samples becomes an exact point, in order', () => {
  const points = toPoints(xs, xs.map(relu), [], { x: [0], y: [0] });
  assert.deepEqual(points.map((p) => [p.x, p.y]), [[-1, 0], [-0.5, 0], [0, 0], [0.25, 0.25], [0.75, 0.75]]);
});

test('a kink on a sample replaces it; kinks outside the range or not finite are ignored', () => {
  const on = toPoints(xs, xs.map(relu), [], { x: [-0.5], y: [42] });
  assert.equal(on.length, xs.length);
  assert.deepEqual(on[1], { x: -0.5, y: 42 });
  const outside = toPoints(xs, xs.map(relu), [], { x: [-5, 5, 0], y: [1, 1, NaN] });
  assert.equal(outside.length, xs.length);
});

test('breaks still cut the line after corners are added, and non-finite values are gaps', () => {
  const ys = Float64Array.from([0, 0, 1, Infinity]);
  const points = toPoints(xs, ys, [0], { x: [0.5], y: [1] });
  const gap = points.find((p) => p.x === 0);
  assert.ok(gap && Number.isNaN(gap.y), 'a NaN point at the jump');
  assert.ok(Number.isNaN(points.at(-1).y), 'Infinity becomes a gap');
  assert.deepEqual(points.map((p) => p.x), [-1, -0.5, 0, 0.25, 0.5, 0.75]);
});

test('about one sample per two pixels of plot, at least 64 and at most 800', () => {
  const chart = (width) => ({ chartArea: { left: 40, right: 40 + width } });
  assert.equal(sampleCount(chart(500)), 250);
  assert.equal(sampleCount(chart(50)), 64);
  assert.equal(sampleCount(chart(4000)), 800);
});
