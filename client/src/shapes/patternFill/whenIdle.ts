/** However busy the page, an idle job runs within this long (as an ordinary task if need be). */
const IDLE_TIMEOUT_MS = 2_000;
/** Where there is no idle callback (Safari), the job waits this long instead. */
const FALLBACK_DELAY_MS = 50;

/** Runs `job` when the page is next idle; the returned function cancels it if it has not run yet. */
export function whenIdle(job: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(job, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(job, FALLBACK_DELAY_MS);
  return () => clearTimeout(handle);
}
