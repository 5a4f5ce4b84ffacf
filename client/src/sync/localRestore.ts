import type * as Y from 'yjs';

/**
 * Watches whether a local copy (its stored updates are applied under the copy as the transaction origin,
 * see localCopy.ts) brought anything the doc did not hold. A board may open from its local copy before the server has
 * answered (offline), but not from what the server's first answer has delivered so far: a big board's answer
 * comes in parts, and on a slow machine the local copy can finish opening (empty) between two parts.
 */
export function watchLocalRestore(doc: Y.Doc, origin: unknown): { restored(): boolean; stop(): void } {
  let restored = false;
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === origin && transaction.changed.size > 0) restored = true;
  };
  doc.on('afterTransaction', onTransaction);
  return { restored: () => restored, stop: () => doc.off('afterTransaction', onTransaction) };
}
