import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, watch } from '../../web/src/model/store.js';
import { setIn } from '../../web/src/model/state.js';

test('watch fires only when its slice changes', () => {
  const store = createStore({ sections: { a: { v: 1 }, b: { v: 1 } } });
  const seen = [];
  watch(store, (s) => s.sections.a, (a) => seen.push(a.v));
  store.update((s) => setIn(s, ['sections', 'b', 'v'], 2));
  assert.deepEqual(seen, []);
  store.update((s) => setIn(s, ['sections', 'a', 'v'], 3));
  assert.deepEqual(seen, [3]);
  store.update((s) => s); // no change, no call
  assert.deepEqual(seen, [3]);
});

test('unsubscribe stops notifications', () => {
  const store = createStore({ n: 0 });
  let calls = 0;
  const stop = store.subscribe(() => { calls += 1; });
  store.update(() => ({ n: 1 }));
  stop();
  store.update(() => ({ n: 2 }));
  assert.equal(calls, 1);
  assert.equal(store.get().n, 2);
});
