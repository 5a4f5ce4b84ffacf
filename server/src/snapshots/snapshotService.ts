import type { Result, Snapshot, SnapshotSummary, TakeSnapshotBody } from '@conjecture/shared';
import { can, fail, ok, TakeSnapshotBodySchema } from '@conjecture/shared';
import { BoardThumbnail, snapshotRecords, type ThumbnailRecord } from '@conjecture/shared/board/index';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { Principal } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import { attemptReused, idOf } from '../classroom/tokens.js';
import type { SnapshotStore } from './snapshotStore.js';

export interface SnapshotDeps {
  store: SnapshotStore;
  classrooms: ClassroomStore;
  rooms: BoardRooms;
  now: () => number;
}

/** What a viewer who sees the class anonymized reads instead of a group's name. */
const ANONYMOUS_GROUP = 'A group';

/**
 * Select, in Smith and Stein's sense: the teacher captures a group's board (or a framed region of it) at a
 * moment, from the records the server holds — never from what a client sends — and the lesson keeps a
 * gallery of them. A snapshot is immutable and readable only by its class's teacher and projector; the
 * projector of an anonymized class reads no group names.
 */
export class SnapshotService {
  constructor(private readonly deps: SnapshotDeps) {}

  take(classId: string, input: TakeSnapshotBody): Result<Snapshot> {
    const body = TakeSnapshotBodySchema.parse(input);
    const group = this.deps.classrooms.getGroup(body.groupId);
    if (!group || group.classId !== classId) return fail('not_found', 'no such group in this class');
    // The same click's request again (a lost answer, a retry): the snapshot it took, not a second one.
    const snapshotId = idOf(`${classId}:snapshot`, body.attemptId, 12);
    const taken = this.deps.store.get(classId, snapshotId);
    if (taken) return sameSnapshotAsked(taken, body) ? ok(taken) : attemptReused(`snapshot "${taken.title}"`);
    const records = this.deps.rooms.transact(group.boardId, (room) => {
      // The group's work: what the server placed locked (the task card, the template, question cards) is
      // the lesson's, on every board alike, not what the group is showing.
      const locked = room.records.lockedKeys();
      const work = room.records.keys().filter((key) => !locked.has(key));
      return snapshotRecords(
        work.map((key) => room.records.get(key) as Snapshot['records'][number]),
        body.region,
      );
    });
    const snapshot: Snapshot = {
      snapshotId,
      groupId: group.groupId,
      groupName: group.name,
      boardId: group.boardId,
      title: body.title || group.name,
      region: body.region,
      shapeCount: records.filter((r) => r.typeName === 'shape').length,
      takenAt: this.deps.now(),
      // A deep copy: what is stored can share nothing with the live room.
      records: structuredClone(records),
    };
    this.deps.store.add(classId, snapshot, renderImage(snapshot.records));
    return ok(snapshot);
  }

  /** The snapshot's image as SVG, rendered from its records when it was taken (and stored with it). */
  image(viewer: Principal, snapshotId: string): Result<string> {
    const stored = this.deps.store.image(viewer.classId, snapshotId);
    if (!stored) return fail('not_found', 'no such snapshot');
    // Taken before images were stored: the same renderer over the same immutable records gives the same image.
    return ok(stored.svg ?? renderImage(stored.records));
  }

  list(viewer: Principal): SnapshotSummary[] {
    return this.deps.store.list(viewer.classId).map((s) => this.asSeenBy(viewer, s));
  }

  get(viewer: Principal, snapshotId: string): Result<Snapshot> {
    const snapshot = this.deps.store.get(viewer.classId, snapshotId);
    return snapshot ? ok(this.asSeenBy(viewer, snapshot)) : fail('not_found', 'no such snapshot');
  }

  private asSeenBy<S extends SnapshotSummary>(viewer: Principal, s: S): S {
    // The projector's switch: those who read the roster (the teacher, a coach) see the real names.
    const anonymized =
      !can(viewer.role, 'roster.view') && this.deps.classrooms.getClass(viewer.classId)?.anonymize;
    if (!anonymized) return s;
    return { ...s, groupName: ANONYMOUS_GROUP, title: s.title === s.groupName ? ANONYMOUS_GROUP : s.title };
  }
}

const renderImage = (records: Snapshot['records']) =>
  new BoardThumbnail(records as unknown as ThumbnailRecord[]).toSvg();

/** Whether `body` asks for the snapshot `taken` is (a title left out takes the group's name, whatever it was). */
function sameSnapshotAsked(
  taken: Snapshot,
  body: { groupId: string; region: Snapshot['region']; title?: string | undefined },
): boolean {
  return (
    taken.groupId === body.groupId &&
    JSON.stringify(taken.region) === JSON.stringify(body.region) &&
    (!body.title || body.title === taken.title)
  );
}
