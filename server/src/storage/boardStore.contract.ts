import { describe, expect, it } from 'vitest';
import type { BoardStore } from './boardStore.js';
import { UnknownBoardError } from './boardStore.js';

/**
 * The contract every BoardStore passes. `open` makes a fresh store; `reopen`, where the store persists,
 * closes it and opens the same data again (null for stores that keep nothing); it may be async, for a
 * store whose data lives in another process.
 */
export function boardStoreContract(
  name: string,
  open: () => BoardStore,
  reopen: ((store: BoardStore) => BoardStore | Promise<BoardStore>) | null,
): void {
  const bytes = (...n: number[]) => new Uint8Array(n);
  const board = (boardId: string) => ({ boardId, title: `Board ${boardId}`, createdAt: 1_700_000_000_000 });

  describe(`${name} (BoardStore contract)`, () => {
    it('creates and reads boards; unknown boards are undefined', () => {
      const store = open();
      store.createBoard(board('board-1'));
      expect(store.getBoard('board-1')).toEqual(board('board-1'));
      expect(store.getBoard('nope-00')).toBeUndefined();
      store.close();
    });

    it('refuses a second board with the same id', () => {
      const store = open();
      store.createBoard(board('board-1'));
      expect(() => store.createBoard(board('board-1'))).toThrow();
      store.close();
    });

    it('appends updates in order with author and time, and returns increasing sequence numbers', () => {
      const store = open();
      store.createBoard(board('board-1'));
      const seqs = store.appendUpdates('board-1', [
        { update: bytes(1, 2), author: 'alice', at: 10 },
        { update: bytes(3), author: 'server', at: 11 },
      ]);
      const more = store.appendUpdates('board-1', [{ update: bytes(4), author: 'bob', at: 12 }]);
      expect(seqs).toHaveLength(2);
      expect(seqs[0]).toBeLessThan(seqs[1] as number);
      expect(seqs[1]).toBeLessThan(more[0] as number);
      const log = store.updatesAfter('board-1', 0);
      expect(log.map((u) => [Array.from(u.update), u.author, u.at])).toEqual([
        [[1, 2], 'alice', 10],
        [[3], 'server', 11],
        [[4], 'bob', 12],
      ]);
      expect(store.updatesAfter('board-1', seqs[1] as number).map((u) => u.author)).toEqual(['bob']);
      expect(store.lastUpdateAt('board-1')).toBe(12);
      store.createBoard(board('board-2'));
      expect(store.lastUpdateAt('board-2')).toBeUndefined();
      expect(store.lastUpdateAt('nope-00')).toBeUndefined();
      store.close();
    });

    it('commits appends to several boards in one transaction, and one board’s failure spares the others', () => {
      const store = open();
      store.createBoard(board('board-1'));
      store.createBoard(board('board-2'));
      const results = store.transaction(() => {
        const a = store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
        let ghost: unknown = null;
        try {
          store.appendUpdates('ghost-1', [{ update: bytes(9), author: 'x', at: 1 }]);
        } catch (err) {
          ghost = err;
        }
        const b = store.appendUpdates('board-2', [{ update: bytes(2), author: 'b', at: 1 }]);
        return { a, b, ghost };
      });
      expect(results.ghost).toBeInstanceOf(UnknownBoardError);
      expect(store.updatesAfter('board-1', 0)).toHaveLength(1);
      expect(store.updatesAfter('board-2', 0)).toHaveLength(1);
      expect(results.a[0]).toBeLessThan(results.b[0] as number);
      store.close();
    });

    it('keeps boards apart', () => {
      const store = open();
      store.createBoard(board('board-1'));
      store.createBoard(board('board-2'));
      store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
      store.appendUpdates('board-2', [{ update: bytes(2), author: 'b', at: 2 }]);
      expect(store.updatesAfter('board-1', 0).map((u) => Array.from(u.update))).toEqual([[1]]);
      expect(store.updatesAfter('board-2', 0).map((u) => Array.from(u.update))).toEqual([[2]]);
      store.close();
    });

    it('refuses updates and snapshots for an unknown board', () => {
      const store = open();
      expect(() => store.appendUpdates('ghost-1', [{ update: bytes(1), author: 'a', at: 1 }])).toThrow(
        UnknownBoardError,
      );
      expect(() => store.writeSnapshot('ghost-1', { upToSeq: 1, state: bytes(1), at: 1 })).toThrow(
        UnknownBoardError,
      );
      store.close();
    });

    it('returns the latest snapshot and keeps the whole log behind it', () => {
      const store = open();
      store.createBoard(board('board-1'));
      expect(store.latestSnapshot('board-1')).toBeUndefined();
      const [s1] = store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
      store.writeSnapshot('board-1', { upToSeq: s1 as number, state: bytes(9, 9), at: 5 });
      const [s2] = store.appendUpdates('board-1', [{ update: bytes(2, 2, 2), author: 'a', at: 6 }]);
      store.writeSnapshot('board-1', { upToSeq: s2 as number, state: bytes(8, 8, 8, 8), at: 7 });
      store.appendUpdates('board-1', [{ update: bytes(3), author: 'b', at: 8 }]);
      const snap = store.latestSnapshot('board-1');
      expect(snap?.upToSeq).toBe(s2);
      expect(Array.from(snap?.state ?? [])).toEqual([8, 8, 8, 8]);
      expect(store.updatesAfter('board-1', snap?.upToSeq ?? 0).map((u) => Array.from(u.update))).toEqual([
        [3],
      ]);
      expect(store.updatesAfter('board-1', 0)).toHaveLength(3);
      expect(store.loadBytes('board-1')).toBe(4 + 1);
      store.close();
    });

    it('does not alias the caller’s buffers', () => {
      const store = open();
      store.createBoard(board('board-1'));
      const u = bytes(1, 2, 3);
      store.appendUpdates('board-1', [{ update: u, author: 'a', at: 1 }]);
      u[0] = 42;
      expect(Array.from(store.updatesAfter('board-1', 0)[0]?.update ?? [])).toEqual([1, 2, 3]);
      store.close();
    });

    it('deletes a board with its log and snapshots, leaving others alone', () => {
      const store = open();
      store.createBoard(board('board-1'));
      store.createBoard(board('board-2'));
      const [s1] = store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
      store.writeSnapshot('board-1', { upToSeq: s1 as number, state: bytes(1), at: 1 });
      store.appendUpdates('board-2', [{ update: bytes(2), author: 'b', at: 2 }]);
      store.deleteBoard('board-1');
      expect(store.getBoard('board-1')).toBeUndefined();
      expect(() => store.updatesAfter('board-1', 0)).toThrow(UnknownBoardError);
      expect(store.updatesAfter('board-2', 0)).toHaveLength(1);
      store.close();
    });

    it('stores and reads assets', () => {
      const store = open();
      store.putAsset({
        assetId: 'asset-0000001',
        mimeType: 'image/png',
        bytes: bytes(137, 80),
        createdAt: 3,
        owner: 'class:c1',
        boardId: 'board-1',
      });
      const a = store.getAsset('asset-0000001');
      expect(a?.mimeType).toBe('image/png');
      expect(Array.from(a?.bytes ?? [])).toEqual([137, 80]);
      expect(a).toMatchObject({ owner: 'class:c1', boardId: 'board-1' });
      expect(store.getAsset('asset-missing')).toBeUndefined();
      store.close();
    });

    it('lists and deletes assets by owner, and deletes a board’s own assets with the board', () => {
      const store = open();
      store.createBoard(board('board-1'));
      const asset = (assetId: string, owner: string, boardId: string | null) =>
        store.putAsset({ assetId, mimeType: 'image/png', bytes: bytes(1), createdAt: 1, owner, boardId });
      asset('asset-class-a', 'class:c1', 'board-1');
      asset('asset-class-t', 'class:c1', null);
      asset('asset-other-c', 'class:c2', 'board-9');
      asset('asset-board-1', 'board:board-1', 'board-1');
      expect(store.assetsOwnedBy('class:c1')).toEqual([
        { assetId: 'asset-class-a', boardId: 'board-1' },
        { assetId: 'asset-class-t', boardId: null },
      ]);
      store.deleteAssets(['asset-class-a', 'asset-class-t', 'asset-unknown']);
      expect(store.getAsset('asset-class-a')).toBeUndefined();
      expect(store.assetsOwnedBy('class:c1')).toEqual([]);
      // A class's board going does not take the class's assets; a board outside any class takes its own.
      store.deleteBoard('board-1');
      expect(store.getAsset('asset-board-1')).toBeUndefined();
      expect(store.getAsset('asset-other-c')).toBeDefined();
      store.close();
    });

    it('keeps a board’s sequence numbers increasing after another board holding the highest ones is deleted', () => {
      const store = open();
      store.createBoard(board('board-1'));
      store.createBoard(board('board-2'));
      const [s1] = store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
      store.appendUpdates('board-2', [{ update: bytes(2), author: 'b', at: 2 }]);
      store.writeSnapshot('board-1', { upToSeq: s1 as number, state: bytes(1), at: 3 });
      store.deleteBoard('board-2');
      store.compact();
      const [s2] = store.appendUpdates('board-1', [{ update: bytes(3), author: 'a', at: 4 }]);
      expect(s2).toBeGreaterThan(s1 as number);
      // a load from the snapshot finds the update written after it
      expect(store.updatesAfter('board-1', s1 as number).map((u) => u.seq)).toEqual([s2]);
      store.close();
    });

    if (reopen) {
      it('keeps sequence numbers increasing per board across deletions, compaction and a reopen', async () => {
        let store = open();
        store.createBoard(board('board-1'));
        store.createBoard(board('board-2'));
        const [s1] = store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
        store.appendUpdates('board-2', [
          { update: bytes(2), author: 'b', at: 2 },
          { update: bytes(3), author: 'b', at: 3 },
        ]);
        store.writeSnapshot('board-1', { upToSeq: s1 as number, state: bytes(1), at: 4 });
        store.deleteBoard('board-2');
        store.compact();
        store = await reopen(store);
        const [s2] = store.appendUpdates('board-1', [{ update: bytes(4), author: 'a', at: 5 }]);
        expect(s2).toBeGreaterThan(s1 as number);
        expect(store.updatesAfter('board-1', s1 as number).map((u) => Array.from(u.update))).toEqual([[4]]);
        store.createBoard(board('board-3'));
        const [s3] = store.appendUpdates('board-3', [{ update: bytes(5), author: 'c', at: 6 }]);
        const [s4] = store.appendUpdates('board-3', [{ update: bytes(6), author: 'c', at: 7 }]);
        expect(s4).toBeGreaterThan(s3 as number);
        store.close();
      });

      it('keeps boards, logs, snapshots and assets across a reopen', async () => {
        let store = open();
        store.createBoard(board('board-1'));
        const [s1] = store.appendUpdates('board-1', [{ update: bytes(1), author: 'a', at: 1 }]);
        store.writeSnapshot('board-1', { upToSeq: s1 as number, state: bytes(7), at: 2 });
        store.appendUpdates('board-1', [{ update: bytes(2), author: 'b', at: 3 }]);
        store.putAsset({
          assetId: 'asset-0000001',
          mimeType: 'image/gif',
          bytes: bytes(71),
          createdAt: 3,
          owner: 'board:board-1',
          boardId: 'board-1',
        });
        store = await reopen(store);
        expect(store.getBoard('board-1')).toEqual(board('board-1'));
        expect(store.latestSnapshot('board-1')?.upToSeq).toBe(s1);
        expect(store.updatesAfter('board-1', 0).map((u) => u.author)).toEqual(['a', 'b']);
        expect(store.getAsset('asset-0000001')?.mimeType).toBe('image/gif');
        // sequence numbers keep increasing after a reopen
        const [s3] = store.appendUpdates('board-1', [{ update: bytes(3), author: 'c', at: 4 }]);
        expect(s3).toBeGreaterThan(s1 as number);
        store.close();
      });
    }
  });
}
