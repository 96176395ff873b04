// Tells the page hosting an embed how tall the embed's content is, so the host can size
// its <iframe> (README: "Share links and embeds"). Sent on start, on load, and whenever the
// content's height changes. The height is not secret, so any host may read it ('*'):
// sandboxed embeds have no origin to check against anyway.

export const RESIZE_MESSAGE = 'activation-explorer:resize';

/** Height in CSS px of the document down to the bottom of `root`. */
export function contentHeight(root, win = window) {
  const rect = root.getBoundingClientRect();
  const margin = parseFloat(win.getComputedStyle(root).marginBottom) || 0;
  return Math.ceil(rect.bottom + win.scrollY + margin);
}

/** Start reporting; returns a function that stops. Does nothing outside a frame. */
export function startResizeReporter(root, { win = window, target = win.parent } = {}) {
  if (!target || target === win) return () => {};
  let last = -1;
  const post = (always) => {
    const height = contentHeight(root, win);
    if (!always && height === last) return;
    last = height;
    target.postMessage({ type: RESIZE_MESSAGE, height }, '*');
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => post(false)) : null;
  observer?.observe(root);
  const onLoad = () => post(true);
  win.addEventListener('load', onLoad);
  post(true);
  return () => {
    observer?.disconnect();
    win.removeEventListener('load', onLoad);
  };
}
