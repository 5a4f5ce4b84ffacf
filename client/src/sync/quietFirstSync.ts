import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for the sync protocol (its first handler). */
const MESSAGE_SYNC = 0;

/** The update a sync message carries, and whether it is the answer to our state vector (step 2) or a plain
 * update; null for anything else (the server's state vector, step 1). The decoder is not moved. */
export function syncUpdate(decoder: decoding.Decoder): { update: Uint8Array; step2: boolean } | null {
  const peek = decoding.clone(decoder);
  const type = decoding.readVarUint(peek);
  if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return null;
  return { update: decoding.readVarUint8Array(peek), step2: type === messageYjsSyncStep2 };
}

/**
 * Runs `apply` with the doc's `update` observers detached. While any is attached, Yjs encodes each
 * transaction's update again to hand it to them: for a board's first sync that is the whole board, decoded
 * and then encoded back in the same task (~170 ms of a 5,000-shape board's longest task).
 */
export function withoutUpdateObservers(doc: Y.Doc, apply: () => void): void {
  const observers = doc._observers.get('update') as Set<unknown> | undefined;
  doc._observers.delete('update');
  try {
    apply();
  } finally {
    const added = doc._observers.get('update') as Set<unknown> | undefined;
    if (observers) {
      added?.forEach((observer) => observers.add(observer));
      doc._observers.set('update', observers);
    }
  }
}

/**
 * Applies the server's first answer (sync step 2: the board, or what this browser's copy lacks) without the
 * doc's `update` observers, and hands the bytes as received to `applied` instead — for the local copy to
 * store and the session to refresh its state. A big answer comes in parts, as updates before a last part
 * that is the step 2 (the server's `encodeStateInParts`), each in a message and so a task of its own; those
 * updates, and any edit relayed meanwhile, are taken the same way. The provider's own observer is skipped
 * safely: it never sends back what came from the server. Only the decoding runs without observers: the
 * provider is marked synced after they are back, since what its listeners do (load the store, migrate
 * records) may write to the doc, and those writes must reach the server and the local copy. Later messages,
 * and reconnections' answers, go through y-websocket's own handler.
 */
export function applyFirstSyncQuietly(
  provider: Pick<WebsocketProvider, 'messageHandlers' | 'doc' | 'synced'>,
  applied: (update: Uint8Array) => void,
): void {
  const handlers = provider.messageHandlers;
  const usual = handlers[MESSAGE_SYNC];
  if (!usual) throw new Error('y-websocket has no sync message handler');
  handlers[MESSAGE_SYNC] = (encoder, decoder, from, emitSynced, messageType) => {
    const carried = syncUpdate(decoder);
    if (!carried) return usual(encoder, decoder, from, emitSynced, messageType);
    if (carried.step2) handlers[MESSAGE_SYNC] = usual;
    // What y-websocket's handler does for a step 2 or an update, with the observers detached around the
    // update alone (the message's bytes are read, so the provider sees it handled; nothing is answered).
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    decoding.readVarUint(decoder);
    decoding.readVarUint8Array(decoder);
    let ok = true;
    try {
      withoutUpdateObservers(provider.doc, () => Y.applyUpdate(provider.doc, carried.update, from));
    } catch (error) {
      ok = false; // as y-websocket: logged, and the session goes on (nothing unreadable is kept locally)
      console.error('Caught error while handling a Yjs update', error);
    }
    if (ok) applied(carried.update);
    if (carried.step2 && emitSynced && !from.synced) from.synced = true;
  };
}
