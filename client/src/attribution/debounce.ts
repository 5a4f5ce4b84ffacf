/** The timer functions a debouncer uses: the browser's by default, a test's own clock in tests. */
export interface Timers {
  setTimeout: (run: () => void, delayMs: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Debouncer {
  /** Asks for a run `delayMs` after the last call; each call pushes the run back. */
  trigger(): void;
  /** Runs now if a run is pending (e.g. before a toggle needs fresh data); otherwise does nothing. */
  flush(): void;
  cancel(): void;
}

/** Runs `run` once, `delayMs` after the last of a burst of triggers (a board refetch after typing stops). */
export function createDebouncer(run: () => void, delayMs: number, timers: Timers = realTimers): Debouncer {
  let pending: unknown = null;
  const cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return {
    trigger() {
      cancel();
      pending = timers.setTimeout(() => {
        pending = null;
        run();
      }, delayMs);
    },
    flush() {
      if (pending === null) return;
      cancel();
      run();
    },
    cancel,
  };
}
