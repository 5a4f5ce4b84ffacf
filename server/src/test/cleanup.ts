const cleanups: Array<() => unknown> = [];

/** Registers something to undo after the current test, in reverse order (the server project's setup runs them). */
export const onCleanup = (fn: () => unknown) => {
  cleanups.push(fn);
};

/** Runs every registered cleanup, newest first; the first failure is thrown once all have run. */
export async function runCleanups(): Promise<void> {
  let failure: unknown;
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure !== undefined) throw failure;
}
