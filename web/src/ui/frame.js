// Coalesce many requests (every slider input event) into one run per animation frame.

export function createFrameTask(run) {
  let pending = 0;
  return {
    request() {
      if (!pending) pending = requestAnimationFrame(() => { pending = 0; run(); });
    },
    cancel() {
      if (pending) cancelAnimationFrame(pending);
      pending = 0;
    },
  };
}
