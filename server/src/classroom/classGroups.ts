import type { Group, Result } from '@conjecture/shared';
import {
  fail,
  findGroupNameClash,
  nextDefaultGroupName,
  ok,
  pickColorIndex,
  YjsCloseCode,
} from '@conjecture/shared';
import type { ClassRow, GroupRow } from './classroomStore.js';
import type { ClassroomDeps, ClassroomEventSink, StudentMove } from './classroomTypes.js';
import type { BoardAccessPolicy } from './boardAccess.js';
import type { ClassAssets } from './classAssets.js';
import type { ClassTemplate } from './classTemplate.js';
import type { ClassTaskCard } from './classTaskCard.js';
import { describeWork, groupWork, hasWork } from './groupWork.js';
import type { LivePresence } from './livePresence.js';
import { attemptReused, idOf, randomId } from './tokens.js';

export const toGroup = (g: GroupRow): Group => ({ groupId: g.groupId, name: g.name, boardId: g.boardId });

/** A class's groups, each with its own board, and which group each student is in. */
export class ClassGroups {
  constructor(
    private readonly deps: Pick<ClassroomDeps, 'store' | 'rooms' | 'now'> & {
      events: ClassroomEventSink;
      /** Places the class's template on each new group's board. */
      template: ClassTemplate;
      /** Places the class's task card on each new group's board. */
      taskCard: ClassTaskCard;
      /** Both keep per-board memory that a deleted group's board must not leave behind. */
      presence: LivePresence;
      boards: BoardAccessPolicy;
      /** A deleted group's board takes the images uploaded for it that nothing else shows. */
      assets: ClassAssets;
    },
  ) {}

  /**
   * The teacher's "New group": a name given must be free in the class (as on rename); without one the group
   * takes the first free "Group N".
   */
  createGroup(classId: string, name?: string, attemptId?: string): Result<Group> {
    // The same click's request again (a lost answer, a retry): the group it made, not a second one.
    const groupId = idOf(`${classId}:group`, attemptId);
    const made = this.deps.store.getGroup(groupId);
    if (made?.classId === classId)
      // Without a name the request takes any: the group it made answers it.
      return name === undefined || name === made.name
        ? ok(toGroup(made))
        : attemptReused(`group "${made.name}"`);
    if (name === undefined) return ok(this.createAutoNamedGroup(classId, groupId));
    const taken = this.refuseTakenGroupName(classId, name, null);
    return taken ?? ok(this.addGroup(classId, name, groupId));
  }

  /** A group named with the first free "Group N", which no group of the class can have yet. */
  createAutoNamedGroup(classId: string, groupId = randomId(9)): Group {
    return this.addGroup(classId, nextDefaultGroupName(this.deps.store.groupsOf(classId)), groupId);
  }

  /** Group names are unique in a class regardless of case (`groupNameKey`): create and rename refuse alike. */
  private refuseTakenGroupName(classId: string, name: string, exceptGroupId: string | null) {
    const clash = findGroupNameClash(this.deps.store.groupsOf(classId), name, exceptGroupId);
    return clash ? fail('conflict', `another group is already called "${clash.name}"`) : null;
  }

  private addGroup(classId: string, groupName: string, groupId: string): Group {
    const board = this.deps.rooms.createBoard(groupName);
    const row: GroupRow = {
      groupId,
      classId,
      name: groupName,
      boardId: board.boardId,
      createdAt: this.deps.now(),
    };
    this.deps.store.addGroup(row);
    this.deps.taskCard.placeOnNewBoard(classId, board.boardId);
    this.deps.template.placeOnNewBoard(classId, board.boardId);
    this.deps.events.emit('rosterChanged', classId);
    return toGroup(row);
  }

  /** `move` says who moves the student (listeners tell the teacher's moves from a grouping's), and why. */
  assignStudent(classId: string, studentId: string, groupId: string | null, move: StudentMove): Result<null> {
    const student = this.deps.store.getStudent(studentId);
    if (!student || student.classId !== classId) return fail('not_found', 'no such student in this class');
    const group = groupId ? this.deps.store.getGroup(groupId) : undefined;
    if (groupId && (!group || group.classId !== classId))
      return fail('not_found', 'no such group in this class');
    if (student.groupId === groupId) return ok(null);
    this.deps.store.setStudentGroup(studentId, groupId);
    if (groupId) {
      // A colour no one else in the new group has (the student's own if it is free there): cursors and
      // "colour by author" tell the members apart. Set before anyone hears of the move.
      const others = this.deps.store
        .studentsOf(classId)
        .filter((s) => s.groupId === groupId && s.studentId !== studentId)
        .map((s) => s.colorIndex);
      const colorIndex = pickColorIndex(others, student.colorIndex);
      if (colorIndex !== student.colorIndex) this.deps.store.setStudentColor(studentId, colorIndex);
    }
    this.deps.events.emit('studentMoved', classId, studentId, group ? toGroup(group) : null, move);
    this.deps.events.emit('rosterChanged', classId);
    return ok(null);
  }

  /** Renames a group; its members' pages hear the new name at once (`groupRenamed`). */
  renameGroup(classId: string, groupId: string, name: string): Result<Group> {
    const group = this.deps.store.getGroup(groupId);
    if (!group || group.classId !== classId) return fail('not_found', 'no such group in this class');
    const taken = this.refuseTakenGroupName(classId, name, groupId);
    if (taken) return taken;
    if (group.name === name) return ok(toGroup(group));
    this.deps.store.renameGroup(groupId, name);
    const renamed = toGroup({ ...group, name });
    const members = this.deps.store
      .studentsOf(classId)
      .filter((s) => s.groupId === groupId)
      .map((s) => s.studentId);
    this.deps.events.emit('groupRenamed', classId, renamed, members);
    // The projector captions its boards with group names: it hears the rename with a fresh view.
    this.deps.events.emit('projectionChanged', classId);
    this.deps.events.emit('rosterChanged', classId);
    return ok(renamed);
  }

  /**
   * Deletes a group. Its students are never deleted: each is unassigned exactly as a move to "no group"
   * would (their board connection closes with the move code and their page shows the waiting screen). The
   * board goes with the group — keeping an orphan board no one can open would only keep data the teacher
   * believes deleted — so a group holding work (items on its board, answers to its questions) is refused
   * unless `force` says the teacher saw what will be lost. An empty group's board is nothing to lose.
   */
  deleteGroup(classId: string, groupId: string, options: { force: boolean }): Result<null> {
    const group = this.deps.store.getGroup(groupId);
    if (!group || group.classId !== classId) return fail('not_found', 'no such group in this class');
    const work = groupWork(this.deps.store, this.deps.rooms, group);
    if (hasWork(work) && !options.force) {
      return fail('conflict', `${group.name} has ${describeWork(work)}: deleting the group deletes them too`);
    }
    for (const s of this.deps.store.studentsOf(classId))
      if (s.groupId === groupId)
        this.assignStudent(classId, s.studentId, null, { cause: 'hand', deletedBoardId: group.boardId });
    const c = this.deps.store.getClass(classId) as ClassRow;
    const spotlit = c.spotlight?.boardId === group.boardId;
    if (c.projectedBoardIds.includes(group.boardId) || spotlit) {
      this.deps.store.updateClass(classId, {
        projectedBoardIds: c.projectedBoardIds.filter((id) => id !== group.boardId),
        ...(spotlit ? { spotlight: null } : {}),
      });
      this.deps.events.emit('projectionChanged', classId);
    }
    this.deps.store.deleteGroup(groupId);
    // Viewers still on the board (the teacher's thumbnails, the projector) are cut off with "removed".
    this.deps.rooms.deleteBoard(group.boardId, YjsCloseCode.removed, 'the group was deleted');
    this.deps.assets.deleteBoardUploads(classId, group.boardId);
    this.deps.presence.forgetBoard(group.boardId);
    this.deps.boards.forgetBoard(group.boardId);
    this.deps.events.emit('rosterChanged', classId);
    return ok(null);
  }
}
