import type {
  BoardRecord,
  BoardStore,
  NewUpdate,
  StoredAsset,
  StoredSnapshot,
  StoredUpdate,
} from './boardStore.js';
import { boardAssetOwner, UnknownBoardError } from './boardStore.js';

interface MemoryBoard {
  record: BoardRecord;
  log: StoredUpdate[];
  snapshots: StoredSnapshot[];
}

/** Keeps everything in process memory: for tests and throwaway demos (`STORAGE=memory`). */
export class MemoryStore implements BoardStore {
  private readonly boards = new Map<string, MemoryBoard>();
  private readonly assets = new Map<string, StoredAsset>();
  private seq = 0;

  createBoard(board: BoardRecord): void {
    if (this.boards.has(board.boardId)) throw new Error(`board ${board.boardId} exists`);
    this.boards.set(board.boardId, { record: { ...board }, log: [], snapshots: [] });
  }

  getBoard(boardId: string): BoardRecord | undefined {
    const b = this.boards.get(boardId);
    return b && { ...b.record };
  }

  transaction<T>(fn: () => T): T {
    return fn();
  }

  appendUpdates(boardId: string, updates: readonly NewUpdate[]): number[] {
    const board = this.require(boardId);
    return updates.map((u) => {
      const seq = ++this.seq;
      board.log.push({ seq, update: u.update.slice(), author: u.author, at: u.at });
      return seq;
    });
  }

  latestSnapshot(boardId: string): StoredSnapshot | undefined {
    return this.require(boardId).snapshots.at(-1);
  }

  updatesAfter(boardId: string, afterSeq: number): StoredUpdate[] {
    return this.require(boardId).log.filter((u) => u.seq > afterSeq);
  }

  lastUpdateAt(boardId: string): number | undefined {
    return this.boards.get(boardId)?.log.at(-1)?.at;
  }

  writeSnapshot(boardId: string, snapshot: StoredSnapshot): void {
    const board = this.require(boardId);
    board.snapshots.push({ ...snapshot, state: snapshot.state.slice() });
    board.snapshots.sort((a, b) => a.upToSeq - b.upToSeq);
  }

  loadBytes(boardId: string): number {
    const snap = this.latestSnapshot(boardId);
    const tail = this.updatesAfter(boardId, snap?.upToSeq ?? 0);
    return (snap?.state.byteLength ?? 0) + tail.reduce((n, u) => n + u.update.byteLength, 0);
  }

  deleteBoard(boardId: string): void {
    this.boards.delete(boardId);
    this.deleteAssets(this.assetsOwnedBy(boardAssetOwner(boardId)).map((a) => a.assetId));
  }

  putAsset(asset: StoredAsset): void {
    this.assets.set(asset.assetId, { ...asset, bytes: asset.bytes.slice() });
  }

  getAsset(assetId: string): StoredAsset | undefined {
    return this.assets.get(assetId);
  }

  assetsOwnedBy(owner: string): Array<{ assetId: string; boardId: string | null }> {
    return [...this.assets.values()]
      .filter((a) => a.owner === owner)
      .map((a) => ({ assetId: a.assetId, boardId: a.boardId }));
  }

  deleteAssets(assetIds: readonly string[]): void {
    for (const id of assetIds) this.assets.delete(id);
  }

  compact(): void {}

  close(): void {}

  private require(boardId: string): MemoryBoard {
    const b = this.boards.get(boardId);
    if (!b) throw new UnknownBoardError(boardId);
    return b;
  }
}
