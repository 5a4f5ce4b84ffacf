import { z } from 'zod';
import { BoardIdSchema } from './ids.js';
import type { Result } from './result.js';

/**
 * socket.io contract. Each client→server event has a payload schema here; the typed event maps below are
 * derived from these schemas, and the server validates every payload against them in one helper
 * (types are not validation: a client can send anything).
 */

// The handshake: `io(url, { auth: HandshakeAuth })`.
export const HandshakeAuthSchema = z.object({
  protocolVersion: z.number().int(),
  userId: z.string().optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

/** Base64 of `Y.encodeStateVector(doc)` on the server: what it has stored durably. */
export const StateVectorSchema = z.string().max(64 * 1024);

export const WatchBoardSchema = z.object({ boardId: BoardIdSchema }).strict();
export type WatchBoard = z.infer<typeof WatchBoardSchema>;

export const BoardStateVectorSchema = z.object({ boardId: BoardIdSchema, stateVector: StateVectorSchema });
export type BoardStateVector = z.infer<typeof BoardStateVectorSchema>;

/** Payload schemas of client→server events, keyed like the event map (a missing one is a compile error). */
export const clientEventSchemas = {
  /** Subscribe to the server's durable state vector of a board; answered with the current one. */
  watchBoard: WatchBoardSchema,
  unwatchBoard: WatchBoardSchema,
} as const;

type Ack<T> = (result: Result<T>) => void;
type ClientPayloads = { [K in keyof typeof clientEventSchemas]: z.infer<(typeof clientEventSchemas)[K]> };

export interface ClientToServerEvents {
  watchBoard: (payload: ClientPayloads['watchBoard'], ack: Ack<BoardStateVector>) => void;
  unwatchBoard: (payload: ClientPayloads['unwatchBoard'], ack: Ack<null>) => void;
}

export interface ServerToClientEvents {
  /** The server stored (durably) updates up to this state vector: local changes it covers are confirmed. */
  boardStateVector: (payload: BoardStateVector) => void;
}

// Compile-time check: every client event has a schema and vice versa.
type _SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
export const _eventSchemasCoverEvents: _SameKeys<ClientToServerEvents, typeof clientEventSchemas> = true;
