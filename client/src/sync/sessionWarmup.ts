/**
 * Sessions opened ahead of the component that will own them. A class page learns its board from `/me`
 * while tldraw (the board editor's chunk) is still loading and compiling; opening the board's connection
 * right then lets the socket handshake and first sync overlap that work instead of following it. The
 * editor then takes the open session instead of making its own; a session nobody takes is destroyed by
 * the page that opened it.
 */
export interface SessionWarmup<S> {
  /** Opens a session for `key` now (if none is waiting); returns the release to call when the page is done. */
  warm(key: string): () => void;
  /** The waiting session for `key`, handed over for good (the taker destroys it), or null. */
  take(key: string): S | null;
  /** The waiting session for `key`, only to read (its owner is still the warmup or its taker), or null. */
  peek(key: string): S | null;
}

export function sessionWarmup<S extends { destroy(): void }>(open: (key: string) => S): SessionWarmup<S> {
  const waiting = new Map<string, S>();
  return {
    warm(key) {
      if (waiting.has(key)) return () => {};
      const session = open(key);
      waiting.set(key, session);
      return () => {
        // Taken: the taker owns it now. Still waiting: nobody will, so close it.
        if (waiting.get(key) !== session) return;
        waiting.delete(key);
        session.destroy();
      };
    },
    take(key) {
      const session = waiting.get(key) ?? null;
      waiting.delete(key);
      return session;
    },
    peek: (key) => waiting.get(key) ?? null,
  };
}
