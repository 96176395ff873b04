// Keeps the address bar equal to the view: the state as the query (url-state.js) and the
// section in view as the fragment. Writes go through history.replaceState, so dragging a
// slider never adds history entries, at most WRITES_PER_SECOND times a second with the last
// change always written.

import { stateQuery, withQuery } from './embed-options.js';

export const WRITE_INTERVAL_MS = 250; // at most 4 writes a second

/**
 * Run `run` at most once per `interval` ms: the first request runs at once, later ones
 * within the interval are folded into one trailing run, which always happens.
 * The clock and timers are injectable for tests.
 */
export function createThrottle(run, interval, {
  now = () => performance.now(), setTimer = setTimeout, clearTimer = clearTimeout,
} = {}) {
  let last = -Infinity;
  let timer = null;
  const fire = () => {
    timer = null;
    last = now();
    run();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = last + interval - now();
      if (wait <= 0) fire();
      else timer = setTimer(fire, wait);
    },
    /** Run a pending trailing call now. */
    flush() {
      if (timer === null) return;
      clearTimer(timer);
      fire();
    },
    pending: () => timer !== null,
  };
}

/**
 * The id of the section a reader is looking at: the innermost section crossing a line 30%
 * down the viewport (a nested section comes after its parent in document order).
 */
export function sectionInView(doc = document) {
  const line = doc.defaultView.innerHeight * 0.3;
  let found = null;
  for (const section of doc.querySelectorAll('main section[id]')) {
    const r = section.getBoundingClientRect();
    if (r.top <= line && r.bottom > line) found = section.id;
  }
  return found;
}

// The fragment starts following the scroll position only once the reader scrolls or types
// themselves: until then the browser (and main.js) are still bringing #fragment into view
// while sections above it change height.
const USER_INPUT = ['wheel', 'touchmove', 'keydown', 'pointerdown'];

/**
 * Start writing the view into the URL. Options:
 *   prefix()   query text written before the state (the embed page's fn/hide/lock)
 *   fragments  follow the section in view (the main page) or keep the current fragment
 * Returns { url(hash?) → the view's URL with that fragment, viewUrl() → with the section in view, flush() }.
 */
export function startUrlSync({ store, table, prefix = () => '', fragments = true, win = window }) {
  let following = false;
  const query = () => [prefix(), stateQuery(store.get(), table)].filter(Boolean).join('&');
  const url = (hash = win.location.hash) => withQuery(win.location.href, query(), hash);

  const viewHash = () => {
    const id = following ? sectionInView(win.document) : null;
    return id ? `#${id}` : win.location.hash;
  };
  const write = () => {
    const next = url(viewHash());
    if (next === win.location.href) return;
    try {
      win.history.replaceState(win.history.state, '', next);
    } catch (error) {
      // Some file:// and sandboxed documents refuse; the copy buttons still give the link.
      console.warn('could not update the address:', error.message);
    }
  };
  const throttle = createThrottle(write, WRITE_INTERVAL_MS);
  store.subscribe(() => throttle.request());

  if (fragments) {
    const follow = () => {
      following = true;
      for (const type of USER_INPUT) win.removeEventListener(type, follow, true);
    };
    for (const type of USER_INPUT) win.addEventListener(type, follow, { capture: true, passive: true });
    win.addEventListener('scroll', () => { if (following) throttle.request(); }, { passive: true });
  }
  // Leaving the page (or going to the background) writes a pending change at once.
  win.addEventListener('pagehide', () => throttle.flush());
  win.document.addEventListener('visibilitychange', () => throttle.flush());

  return { url, query, viewUrl: () => url(viewHash()), flush: () => throttle.flush(), write };
}
