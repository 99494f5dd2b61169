/**
 * Runs `task` in a task after the next frame, so what was just rendered is on screen before it starts;
 * after `latestMs` at the latest, for a page that produces no frames (hidden). Returns a cancel.
 */
export function afterPaint(task: () => void, latestMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    cancel();
    task();
  };
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run);
  });
  timer = setTimeout(run, latestMs);
  function cancel() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  return cancel;
}
