import * as Y from 'yjs';

/** The server's state vector arrives as base64 (see `StateVectorSchema`); decoded without Node's Buffer. */
export function decodeStateVectorBase64(base64: string): Map<number, number> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return Y.decodeStateVector(bytes);
}

/**
 * Local changes are unconfirmed while the doc holds, for any client id this browser wrote under, more than
 * the server says it has stored durably. The ids are this session's `doc.clientID` and those of earlier
 * sessions whose offline edits came back from IndexedDB: a reload must not hide changes never uploaded.
 * Other clients' ids are not ours to confirm (the server may relay an update a moment before it reports
 * having stored it). With no state vector from the server yet, anything we wrote counts as unconfirmed.
 */
export function hasUnconfirmedChanges(
  local: Map<number, number>,
  server: Map<number, number> | null,
  ownClientIds: Iterable<number>,
): boolean {
  for (const clientId of ownClientIds) {
    const written = local.get(clientId) ?? 0;
    if (written > (server?.get(clientId) ?? 0)) return true;
  }
  return false;
}
