// A tiny store around the plain state object: updates are pure functions of the state,
// listeners watch a slice and run only when that slice changes (by identity, which
// state.js's copy-on-write updates make meaningful). So a slider in one section wakes
// only that section's listeners.

export function createStore(initial) {
  let state = initial;
  const listeners = new Set();
  return {
    get: () => state,
    /** Apply `fn(state) → state`; listeners run only if something changed. */
    update(fn) {
      const next = fn(state);
      if (next === state || next === undefined) return;
      const previous = state;
      state = next;
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Call `listener(slice, state)` whenever `select(state)` returns something new. */
export function watch(store, select, listener) {
  return store.subscribe((state, previous) => {
    const now = select(state);
    if (now !== select(previous)) listener(now, state);
  });
}
