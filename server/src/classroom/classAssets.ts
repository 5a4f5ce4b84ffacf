import type { BoardRooms } from '../boards/boardRooms.js';
import { classAssetOwner } from '../storage/boardStore.js';
import type { ClassroomStore } from './classroomStore.js';

/**
 * An asset record's URL names the asset it shows: `/api/assets/<id>` (as the upload answered), with the
 * load balancer's `?shard=<n>` when scaled out.
 */
const ASSET_URL = /\/api\/assets\/([A-Za-z0-9_-]{10,64})(?:\?shard=\d+)?$/;

function assetIdOf(record: unknown): string | undefined {
  const { typeName, props } = (record ?? {}) as { typeName?: unknown; props?: { src?: unknown } };
  if (typeName !== 'asset' || typeof props?.src !== 'string') return undefined;
  return ASSET_URL.exec(props.src)?.[1];
}

/**
 * The images a class owns (uploaded for its boards and its template). They go with the class; an image
 * uploaded for a group's board goes with that group, unless another board of the class (a copy pasted
 * there, a posted draft) or the template still shows it.
 */
export class ClassAssets {
  constructor(private readonly deps: { store: ClassroomStore; rooms: BoardRooms }) {}

  /** Everything the class owns, for good (the class is being deleted). */
  deleteClass(classId: string): void {
    const assets = this.deps.rooms.store;
    assets.deleteAssets(assets.assetsOwnedBy(classAssetOwner(classId)).map((a) => a.assetId));
  }

  /**
   * After a group's board was deleted: the images uploaded for it that nothing else in the class shows.
   * Reading the other boards loads them; deleting a group is rare, and its images are the class's data.
   */
  deleteBoardUploads(classId: string, boardId: string): void {
    const assets = this.deps.rooms.store;
    const uploads = assets.assetsOwnedBy(classAssetOwner(classId)).filter((a) => a.boardId === boardId);
    if (uploads.length === 0) return;
    const inUse = this.assetsInUse(classId, boardId);
    assets.deleteAssets(uploads.map((a) => a.assetId).filter((id) => !inUse.has(id)));
  }

  /** Assets the class's other boards and its template show. */
  private assetsInUse(classId: string, exceptBoardId: string): Set<string> {
    const { store, rooms } = this.deps;
    const inUse = new Set<string>();
    const add = (record: unknown) => {
      const id = assetIdOf(record);
      if (id) inUse.add(id);
    };
    for (const record of store.getClass(classId)?.templateRecords ?? []) add(record);
    const boardIds = [...store.groupsOf(classId), ...store.draftsOf(classId)].map((b) => b.boardId);
    for (const boardId of boardIds) {
      if (boardId === exceptBoardId || !rooms.getBoard(boardId)) continue;
      rooms.transact(boardId, (room) => {
        for (const key of room.records.keys()) if (key.startsWith('asset:')) add(room.records.get(key));
      });
    }
    return inUse;
  }
}
