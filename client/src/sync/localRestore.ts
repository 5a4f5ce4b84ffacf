import type * as Y from 'yjs';

/**
 * Watches whether a local copy (its stored updates are applied under the copy as the transaction origin,
 * see localCopy.ts) brought anything the doc did not hold. A board may open from its local copy before the server has
 * answered (offline), but not from what the server's first answer has delivered so far: a big board's answer
 * comes in parts, and on a slow machine the local copy can finish opening (empty) between two parts.
 * `restoredClients`: the client ids whose edits the copy brought and the doc did not yet hold — this
 * browser's earlier sessions, and others whose edits an earlier visit stored (when the copy opened first).
 */
export function watchLocalRestore(
  doc: Y.Doc,
  origin: unknown,
): { restored(): boolean; restoredClients(): ReadonlySet<number>; stop(): void } {
  let restored = false;
  const clients = new Set<number>();
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin) return;
    if (transaction.changed.size > 0) restored = true;
    for (const [clientId, clock] of transaction.afterState)
      if (clock > (transaction.beforeState.get(clientId) ?? 0)) clients.add(clientId);
  };
  doc.on('afterTransaction', onTransaction);
  return {
    restored: () => restored,
    restoredClients: () => clients,
    stop: () => doc.off('afterTransaction', onTransaction),
  };
}
