// Sections far below the fold are laid out lazily (content-visibility: auto) and their
// charts and explanations arrive after load, so a jump to #section first lands where the
// section was only estimated to be. These helpers follow the target until it settles.

const SETTLE_MS = 2000;
const STABLE_FRAMES = 3;

/** Scroll `id` into view, and keep it there while the layout above it settles. */
export function settleOnAnchor(id) {
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  const start = performance.now();
  let lastTop = NaN;
  let stable = 0;
  const step = () => {
    target.scrollIntoView();
    const top = target.getBoundingClientRect().top;
    stable = Math.abs(top - lastTop) < 1 ? stable + 1 : 0;
    lastTop = top;
    if (stable < STABLE_FRAMES && performance.now() - start < SETTLE_MS) requestAnimationFrame(step);
  };
  step();
}

/** The fragment of a URL or link as an element id; '' when it is missing or malformed. */
export function fragmentId(hash) {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return ''; // a hand-edited link with a malformed %-escape
  }
}

/**
 * After every in-page link is followed (the table of contents) or the fragment is changed
 * by hand or by a link from outside, settle on the target.
 */
export function keepInPageLinksOnTarget(root = document) {
  window.addEventListener('hashchange', () => settleOnAnchor(fragmentId(location.hash)));
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link || event.defaultPrevented) return;
    // After the browser's own jump (the default action) has happened.
    setTimeout(() => settleOnAnchor(fragmentId(link.hash)));
  });
}
