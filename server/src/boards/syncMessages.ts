import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';

/** y-websocket's outer message types. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** y-protocols' sync sub-types. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

export type IncomingMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  // Sync step 2 or a later update: both carry an update. `relayable` is the message itself when it is a
  // plain update message, which peers can be sent as it is.
  | { kind: 'update'; update: Uint8Array; relayable: Uint8Array | null }
  // `message` is the frame itself: once checked, peers are sent it as it is.
  | { kind: 'awareness'; update: Uint8Array; message: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' };

export class MalformedMessageError extends Error {}

/** Parses one websocket frame of the y-websocket protocol, refusing anything truncated or unknown. */
export function parseMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: IncomingMessage;
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SyncType.step1) message = { kind: 'syncStep1', stateVector: payload };
        else if (sub === SyncType.step2) message = { kind: 'update', update: payload, relayable: null };
        else if (sub === SyncType.update) message = { kind: 'update', update: payload, relayable: data };
        else throw new MalformedMessageError(`unknown sync message type ${sub}`);
        break;
      }
      case MessageType.awareness:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder), message: data };
        break;
      case MessageType.queryAwareness:
        message = { kind: 'queryAwareness' };
        break;
      case MessageType.auth:
        message = { kind: 'auth' };
        return message;
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message');
    return message;
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(`truncated or malformed message: ${(err as Error).message}`);
  }
}

function encodeSync(subType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, subType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncType.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncType.step2, update);
export const encodeUpdate = (update: Uint8Array) => encodeSync(SyncType.update, update);

/** y-protocols' auth message "permission denied", with a reason (see `YjsRefusal`). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** The entries of an awareness update, parsed without applying it. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown; // null removes the client's state
}

export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (err) {
    throw new MalformedMessageError(`malformed awareness update: ${(err as Error).message}`);
  }
}
