/** A fresh task: the browser paints, handles input and the sockets' messages before the next stage runs. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A loader that imports `stages` one after another, each in a task of its own, then `last`. A module graph
 * imported at once is evaluated in one task; importing the libraries `last` is built on first, each by its
 * own dynamic import, evaluates each library's chunk in a task of its own and leaves `last` only what they
 * have not. Fetching is not staged by this: the chunks should already be on their way (module preloads),
 * or each stage waits for the previous one's fetch. Calls share one load; a failed load (offline, a missing
 * chunk) is forgotten, so the next call tries again.
 */
export function stagedImport<T>(
  stages: readonly (() => Promise<unknown>)[],
  last: () => Promise<T>,
  yieldTask: () => Promise<void> = nextTask,
): () => Promise<T> {
  let loading: Promise<T> | undefined;
  const load = async () => {
    for (const stage of stages) {
      await stage();
      await yieldTask();
    }
    return last();
  };
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
