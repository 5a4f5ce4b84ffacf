import { WELL_KNOWN_USERS, type GroupActivity } from '@conjecture/shared';
import type { ClassroomDeps, ClassroomEventSink } from './classroomTypes.js';

/**
 * Live signals of a lesson — raised hands, who is online, when each author last changed a board. They are
 * not records: they live in memory only and start empty after a restart.
 */
export class LivePresence {
  private readonly hands = new Map<string, Set<string>>();
  /** Open socket.io connections per student, for the roster's online/offline. */
  private readonly online = new Map<string, Map<string, number>>();
  /** Last change to each board by each author, for the dashboard. */
  private readonly activity = new Map<string, Map<string, number>>();

  constructor(private readonly deps: Pick<ClassroomDeps, 'store'> & { events: ClassroomEventSink }) {}

  setHand(classId: string, studentId: string, raised: boolean): void {
    const set = this.hands.get(classId) ?? new Set<string>();
    if (set.has(studentId) === raised) return;
    if (raised) set.add(studentId);
    else set.delete(studentId);
    // A class with no hand up holds no entry: nothing is kept for classes that come and go.
    if (set.size > 0) this.hands.set(classId, set);
    else this.hands.delete(classId);
    this.deps.events.emit('handsChanged', classId, this.raisedHands(classId), studentId);
  }

  raisedHands(classId: string): string[] {
    return [...(this.hands.get(classId) ?? [])];
  }

  /**
   * Forgets a deleted class's hands. Its connection counts stay: they drain as its sockets disconnect,
   * which is what announces those students offline.
   */
  clearHands(classId: string): void {
    this.hands.delete(classId);
  }

  studentConnected(classId: string, studentId: string, delta: 1 | -1): void {
    const counts = this.online.get(classId) ?? new Map<string, number>();
    const before = counts.get(studentId) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) counts.delete(studentId);
    else counts.set(studentId, after);
    // Dropped with the class's last socket (a late disconnect makes none), so no class leaves an entry.
    if (counts.size > 0) this.online.set(classId, counts);
    else this.online.delete(classId);
    if (before > 0 !== after > 0)
      this.deps.events.emit('presenceChanged', classId, this.onlineStudents(classId));
  }

  onlineStudents(classId: string): string[] {
    return [...(this.online.get(classId)?.keys() ?? [])];
  }

  recordActivity(boardId: string, authors: string[], at: number): void {
    const perAuthor = this.activity.get(boardId) ?? new Map<string, number>();
    for (const a of authors) perAuthor.set(a, at);
    this.activity.set(boardId, perAuthor);
  }

  /** A deleted group's board leaves no activity behind. */
  forgetBoard(boardId: string): void {
    this.activity.delete(boardId);
  }

  /** Classes with a raised hand or a student online: what presence holds in memory for classes. */
  get classesHeld(): number {
    return new Set([...this.hands.keys(), ...this.online.keys()]).size;
  }

  groupActivity(classId: string): GroupActivity[] {
    const students = this.deps.store.studentsOf(classId);
    const online = new Set(this.onlineStudents(classId));
    return this.deps.store.groupsOf(classId).map((g) => {
      const perAuthor = this.activity.get(g.boardId) ?? new Map<string, number>();
      const members = students
        .filter((s) => s.groupId === g.groupId)
        .map((s) => ({
          studentId: s.studentId,
          lastContributionAt: perAuthor.get(s.studentId) ?? null,
          online: online.has(s.studentId),
        }));
      const times = [...perAuthor.entries()].filter(([a]) => a !== WELL_KNOWN_USERS.server).map(([, t]) => t);
      return { groupId: g.groupId, lastActivityAt: times.length > 0 ? Math.max(...times) : null, members };
    });
  }
}
