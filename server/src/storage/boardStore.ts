/**
 * What the server persists, behind one interface so the embedded SQLite store, the in-memory store and a
 * future networked store pass the same contract suite (boardStore.contract.ts).
 *
 * The interface is synchronous on purpose: an accepted Yjs update must be durable *before* it is relayed,
 * and the relay happens inside Yjs's synchronous update event. A networked store would hold relays
 * behind its acknowledgement instead.
 */

export interface BoardRecord {
  boardId: string;
  title: string;
  createdAt: number;
}

export interface StoredUpdate {
  /** Monotonic per store; orders a board's log. */
  seq: number;
  update: Uint8Array;
  /** The authenticated identity of the connection that sent it, or `server` for server-authored changes. */
  author: string;
  at: number;
}

export interface StoredSnapshot {
  /** The snapshot contains every update of the board with `seq <= upToSeq`. */
  upToSeq: number;
  state: Uint8Array;
  at: number;
}

export interface NewUpdate {
  update: Uint8Array;
  author: string;
  at: number;
}

export interface StoredAsset {
  assetId: string;
  mimeType: string;
  bytes: Uint8Array;
  createdAt: number;
  /**
   * Who the asset belongs to and is deleted with: `class:<classId>` (any board of the class, or its
   * template) or `board:<boardId>` (a board outside any class). Null for assets stored before owners.
   */
  owner: string | null;
  /** The board it was uploaded for (null: a class's template). */
  boardId: string | null;
}

/** The owner of a class's assets (uploaded for its boards or its template). */
export const classAssetOwner = (classId: string) => `class:${classId}`;
/** The owner of the assets of a board outside any class: they go when the board goes. */
export const boardAssetOwner = (boardId: string) => `board:${boardId}`;

export interface BoardStore {
  createBoard(board: BoardRecord): void;
  getBoard(boardId: string): BoardRecord | undefined;
  /** Runs `fn` as one atomic, durable unit (appends inside it commit together). */
  transaction<T>(fn: () => T): T;
  /** Appends updates atomically and durably, in order; returns their sequence numbers. */
  appendUpdates(boardId: string, updates: readonly NewUpdate[]): number[];
  /** The latest snapshot, if any. */
  latestSnapshot(boardId: string): StoredSnapshot | undefined;
  /** The log after `afterSeq` (exclusive), in order. The full log stays: it is the board's history. */
  updatesAfter(boardId: string, afterSeq: number): StoredUpdate[];
  writeSnapshot(boardId: string, snapshot: StoredSnapshot): void;
  /** When the board's last update was stored (undefined: none yet); what "last active" is read from. */
  lastUpdateAt(boardId: string): number | undefined;
  /** Bytes stored for a board's latest snapshot plus the updates after it: what loading reads. */
  loadBytes(boardId: string): number;
  /** Deletes a board with its whole log and snapshots — and the assets it owns (`board:<id>`) — for good. */
  deleteBoard(boardId: string): void;
  putAsset(asset: StoredAsset): void;
  getAsset(assetId: string): StoredAsset | undefined;
  /** The assets an owner holds (without their bytes), with the board each was uploaded for. */
  assetsOwnedBy(owner: string): Array<{ assetId: string; boardId: string | null }>;
  /** Deletes assets for good (unknown ids are ignored). */
  deleteAssets(assetIds: readonly string[]): void;
  /** Makes deletions final on disk (SQLite: checkpoints the WAL so no copy of deleted pages remains there). */
  compact(): void;
  /** Flushes and releases resources; the store is unusable afterwards. */
  close(): void;
}

export class UnknownBoardError extends Error {
  constructor(readonly boardId: string) {
    super(`unknown board ${boardId}`);
  }
}
