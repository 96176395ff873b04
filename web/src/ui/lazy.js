// Run a section's expensive set-up (its chart) only when it comes near the viewport.

// Build about a screen ahead of scrolling so the chart is ready when it arrives.
const AHEAD = '100% 0px';

export function whenNear(elements, callback) {
  if (typeof IntersectionObserver !== 'function') {
    for (const el of elements) callback(el);
    return () => {};
  }
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      callback(entry.target);
    }
  }, { rootMargin: AHEAD });
  for (const el of elements) observer.observe(el);
  return () => observer.disconnect();
}
