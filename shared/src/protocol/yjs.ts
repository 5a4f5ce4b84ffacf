import { z } from 'zod';
import { UserIdSchema } from './ids.js';
import { lazySchema } from '../lazySchema.js';

/**
 * The Yjs endpoint speaks the standard y-websocket protocol at `ws(s)://<host>/yjs/<boardId>`, so the stock
 * `new WebsocketProvider('ws://host/yjs', boardId, doc, { params })` is a valid client. Query parameters:
 *   - `token`: a session token (a class's group boards; the teacher's browser sends its cookie instead);
 *   - `user`: the opaque user id, on boards outside any class (no accounts there);
 *   - `mode=view`: ask for a read-only connection (the server may also decide one on its own).
 */
export const YJS_PATH = '/yjs';

/** Close codes the Yjs endpoint uses (4000–4999 is the application range of RFC 6455). */
export const YjsCloseCode = {
  unknownBoard: 4404,
  unauthorized: 4401,
  forbidden: 4403,
  /** The student was moved to another group: connect to that group's board instead. */
  moved: 4409,
  /** The student was removed from the class, or the class was deleted. */
  removed: 4410,
  /** An update, or one with more items (structs, values, deleted ranges) than a room applies at once. */
  tooLarge: 4413,
  rateLimited: 4429,
  /**
   * The user already holds as many connections to this board as they may (`MAX_CONNECTIONS_PER_BOARD`):
   * close one (a tab) and connect again. In 4400–4499, so a stock y-websocket client stops reconnecting.
   */
  tooManyConnections: 4430,
  /**
   * The client's address already holds as many connections to boards outside any class as it may
   * (`MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS`): a class behind one school address shares the cap, which frees
   * as others close, so connect again later. Not the user's doing (closing a tab here would not help), hence
   * not 4430; still in 4400–4499, so a stock client stops rather than retry every 2.5 s in step with the
   * class, and ours comes back with a jittered backoff instead.
   */
  tooManyFromAddress: 4431,
  /** The update refers to, or deletes, another user's changes that the board does not have. */
  incompleteUpdate: 4412,
  /** The update writes under a Yjs client id that another user's connection owns. */
  clientIdTaken: 4423,
  /** The connection kept sending content the board refuses (each piece was reverted). */
  rejectedContent: 4422,
  malformed: 4400,
  boardFull: 4507,
  shuttingDown: 4503,
} as const;

/**
 * Why the server undid part of a client's update, sent to that client alone as y-protocols' "permission
 * denied" auth message (stock clients log it; ours tell the student). The words are the client's to choose.
 */
export const YjsRefusal = {
  /** More of what others made deleted, emptied or rewritten at once than a student may (a wipe of the group's work): undone. */
  othersDeleted: 'others-deleted',
  /**
   * A record over the board's size bounds (a huge text, an endless stroke, an outline too long to draw):
   * taken back.
   */
  tooLarge: 'too-large',
  /** More new records at once than a student may add (a huge paste, a script's flood): taken back. */
  tooMany: 'too-many',
  /**
   * A shape faded or shrunk out of everyone's sight (drawn fainter than 0.1, a scale, size or note text far
   * smaller than tldraw makes): taken back.
   */
  outOfSight: 'out-of-sight',
  /**
   * A shape left wholly outside the frames that hold it (a frame draws only what lies inside it), after the
   * change that left it so settled: moved out of them onto the page, where it stood.
   */
  hiddenInFrame: 'hidden-in-frame',
  /** A record the teacher removed, written again (a student's undo): taken back. */
  removedByTeacher: 'removed-by-teacher',
  /**
   * Any other change the board does not accept (a locked item; a record this server's version of the board
   * cannot hold, as after an update of the app): taken back.
   */
  notAccepted: 'not-accepted',
} as const;
export type YjsRefusalReason = (typeof YjsRefusal)[keyof typeof YjsRefusal];

/**
 * The document layout every side agrees on (server, client, e2e, bench): tldraw records in a YKeyValue over
 * the records array, and a meta map beside it.
 */
export const YDOC_RECORDS_KEY = 'tldraw';
export const YDOC_META_KEY = 'meta';
/** The meta map's keys: only the server writes them. */
export const YDOC_META = {
  /** Schema versions of the stored records, so a client can migrate a board written by an older build. */
  schema: 'schema',
  /** Ids of the records the server placed locked (template, question cards): no client may change them. */
  locked: 'locked',
  /** Ids of the records the teacher removed (the latest, bounded): no student may write them again. */
  removedByTeacher: 'removedByTeacher',
} as const;

/**
 * The user ids that are not a student's: authorship, attribution and awareness use them. The server's own
 * writes (seed, template, question cards, critique threads) are authored by `server`.
 */
export const WELL_KNOWN_USERS = { server: 'server', teacher: 'teacher', projector: 'projector' } as const;

/**
 * The `user` a connection claims on a board outside any class (no accounts there): any opaque id but one of
 * the app's own. The write policy gates everyone but the server and the teacher, and attribution reads these
 * ids as theirs, so a claim of one would write ungated (a wipe of the board in one change) and as them.
 */
export const ClaimedUserIdSchema = lazySchema(() =>
  UserIdSchema.refine(
    (id) => !(Object.values(WELL_KNOWN_USERS) as string[]).includes(id),
    'a user id of the app’s own, which no client may claim',
  ),
);

/** What a client publishes over awareness. Ids only: each viewer resolves names itself. */
export const PresenceStateSchema = lazySchema(() =>
  z.object({
    user: z.object({ id: UserIdSchema, color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
    // tldraw's instance presence record (cursor, selection, camera), JSON-serialisable
    presence: z.record(z.string(), z.unknown()).nullable().optional(),
  }),
);
export type PresenceState = z.infer<typeof PresenceStateSchema>;
