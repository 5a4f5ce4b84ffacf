import { EventEmitter } from 'node:events';
import type {
  Anticipation,
  AnticipationInput,
  BoardMatch,
  BoardTag,
  GroupMonitoring,
  MonitoringState,
  Result,
  Verdict,
} from '@conjecture/shared';
import {
  AnticipationInputSchema,
  anticipationsForTask,
  fail,
  matchBoard,
  ok,
  prepareAnticipations,
} from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomStore, GroupRow } from '../classroom/classroomStore.js';
import type { Cancel, Scheduler } from '../util/scheduler.js';
import type { AnticipationStore } from './anticipationStore.js';

export interface MonitoringDeps {
  store: AnticipationStore;
  classrooms: ClassroomStore;
  rooms: BoardRooms;
  /** The board's live tags (a teacher's correction wins). */
  tagsOfBoard: (boardId: string) => BoardTag[];
  scheduler: Scheduler;
  /** A board is matched again once nobody has changed it for this long. */
  debounceMs: number;
  now: () => number;
}

export interface MonitoringEvents {
  /** The class's monitoring state changed (a board was matched again, anticipations or verdicts changed). */
  changed: [classId: string];
}

interface Cached {
  match: BoardMatch;
  at: number;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'anticipation';

/** Shape records of a board, not server cards: what a verdict's label keeps. */
const isWork = (key: string) => key.startsWith('shape:') && !key.startsWith('shape:question-');

/**
 * Monitoring: every group board is matched against the class's anticipations whenever its records or its
 * tags change (debounced per board), and the class's teacher gets groups × anticipations with evidence.
 * The teacher's confirm/reject verdicts are stored with what the matcher saw, as labelled data.
 */
export class MonitoringService extends EventEmitter<MonitoringEvents> {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Cancel>();
  /** Shape ids seen per board, to notice a new item; when the board last gained one. */
  private readonly knownShapes = new Map<string, Set<string>>();
  private readonly lastNewItem = new Map<string, number>();

  constructor(private readonly deps: MonitoringDeps) {
    super();
  }

  anticipations(classId: string): Anticipation[] {
    // Seeded on the first read: the sample set for the sample task, none for another (anticipationsForTask).
    const prompt = this.deps.classrooms.getClass(classId)?.taskPrompt ?? '';
    return this.deps.store.list(classId, anticipationsForTask(prompt));
  }

  addAnticipation(classId: string, input: AnticipationInput): Anticipation {
    const taken = new Set(this.anticipations(classId).map((a) => a.id));
    const base = slug(input.title);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    const anticipation = { ...AnticipationInputSchema.parse(input), id };
    this.deps.store.add(classId, anticipation);
    this.rematchClass(classId);
    return anticipation;
  }

  replaceAnticipation(classId: string, id: string, input: AnticipationInput): Result<Anticipation> {
    this.anticipations(classId); // seeds the defaults on first use, so they can be edited
    const anticipation = { ...AnticipationInputSchema.parse(input), id };
    if (!this.deps.store.replace(classId, anticipation)) return fail('not_found', 'no such anticipation');
    this.rematchClass(classId);
    return ok(anticipation);
  }

  removeAnticipation(classId: string, id: string): Result<null> {
    this.anticipations(classId);
    if (!this.deps.store.remove(classId, id)) return fail('not_found', 'no such anticipation');
    this.rematchClass(classId);
    return ok(null);
  }

  /** A board was loaded: what it holds now is not new. */
  boardOpened(boardId: string, keys: readonly string[]): void {
    if (!this.deps.classrooms.groupByBoard(boardId)) return;
    const known = this.knownShapes.get(boardId) ?? new Set<string>();
    for (const key of keys) if (isWork(key)) known.add(key);
    this.knownShapes.set(boardId, known);
  }

  /** A group board's records or tags changed: match it again once it has been quiet for the debounce. */
  boardChanged(boardId: string, keys: readonly string[] = []): void {
    const group = this.deps.classrooms.groupByBoard(boardId);
    if (!group) return;
    this.noticeNewItems(boardId, keys);
    this.pending.get(boardId)?.();
    const cancel = this.deps.scheduler.timeout(this.deps.debounceMs, () => {
      this.pending.delete(boardId);
      // A debounce can fire while the server closes (between the rooms and the timers): nothing to match.
      if (this.deps.rooms.isClosed || !this.deps.classrooms.getGroup(group.groupId)) return;
      this.rematch(group.classId, group.boardId, this.anticipations(group.classId));
      this.emit('changed', group.classId);
    });
    this.pending.set(boardId, cancel);
  }

  /** When the board last gained an item (since the server started watching it), or null. */
  lastNewItemAt(boardId: string): number | null {
    return this.lastNewItem.get(boardId) ?? null;
  }

  state(classId: string): MonitoringState {
    const anticipations = this.anticipations(classId);
    const verdicts = new Map(
      this.deps.store.verdictsOf(classId).map((v) => [`${v.groupId} ${v.anticipationId}`, v.verdict]),
    );
    const groups = this.deps.classrooms.groupsOf(classId).map((g): GroupMonitoring => {
      const cached = this.cache.get(g.boardId) ?? this.rematch(classId, g.boardId, anticipations);
      const matches = cached.match.matches.map((m) => ({
        ...m,
        verdict: verdicts.get(`${g.groupId} ${m.anticipationId}`) ?? null,
      }));
      return {
        groupId: g.groupId,
        name: g.name,
        boardId: g.boardId,
        matches,
        notAnticipated: cached.match.notAnticipated,
        flagged: matches
          .filter(
            (m) =>
              m.kind === 'misconception' &&
              ((m.matched && m.verdict !== 'rejected') || m.verdict === 'confirmed'),
          )
          .map((m) => m.anticipationId),
        updatedAt: cached.at,
      };
    });
    return { classId, anticipations, groups };
  }

  /** The teacher confirms or rejects a match (null clears the verdict); stored with what the matcher saw. */
  setVerdict(
    classId: string,
    groupId: string,
    anticipationId: string,
    verdict: Verdict | null,
  ): Result<null> {
    const group = this.deps.classrooms.getGroup(groupId);
    if (!group || group.classId !== classId) return fail('not_found', 'no such group in this class');
    const anticipations = this.anticipations(classId);
    if (!anticipations.some((a) => a.id === anticipationId)) return fail('not_found', 'no such anticipation');
    if (verdict === null) {
      this.deps.store.clearVerdict(classId, groupId, anticipationId);
    } else {
      const { match, records } = this.matchNow(group, anticipations);
      const m = match.matches.find((x) => x.anticipationId === anticipationId);
      this.deps.store.setVerdict({
        classId,
        groupId,
        anticipationId,
        verdict,
        matched: m?.matched ?? false,
        score: m?.score ?? 0,
        evidence: m?.evidence ?? [],
        records,
        decidedAt: this.deps.now(),
      });
    }
    this.emit('changed', classId);
    return ok(null);
  }

  /**
   * The verdicts as labelled data, one JSON object a line: the anticipation, the board's records when the
   * teacher decided, what the matcher said, and the teacher's verdict — the evaluation set's format plus the
   * matcher's output, so a class's verdicts can be replayed against a later matcher.
   */
  exportLabels(classId: string): string {
    const anticipations = new Map(this.anticipations(classId).map((a) => [a.id, a]));
    return this.deps.store
      .verdictsOf(classId)
      .map((v) =>
        JSON.stringify({
          classId: v.classId,
          groupId: v.groupId,
          anticipation: anticipations.get(v.anticipationId) ?? { id: v.anticipationId },
          verdict: v.verdict,
          matcher: { matched: v.matched, score: v.score, evidence: v.evidence },
          records: v.records,
          decidedAt: v.decidedAt,
        }),
      )
      .map((line) => `${line}\n`)
      .join('');
  }

  /** A deleted group's board leaves nothing behind. */
  forgetBoard(boardId: string): void {
    this.pending.get(boardId)?.();
    this.pending.delete(boardId);
    this.cache.delete(boardId);
    this.knownShapes.delete(boardId);
    this.lastNewItem.delete(boardId);
  }

  private noticeNewItems(boardId: string, keys: readonly string[]): void {
    let known = this.knownShapes.get(boardId);
    if (!known) {
      known = new Set();
      this.knownShapes.set(boardId, known);
    }
    for (const key of keys) {
      if (!isWork(key) || known.has(key)) continue;
      known.add(key);
      this.lastNewItem.set(boardId, this.deps.now());
    }
  }

  private rematchClass(classId: string): void {
    const anticipations = this.anticipations(classId);
    for (const g of this.deps.classrooms.groupsOf(classId)) this.rematch(classId, g.boardId, anticipations);
    this.emit('changed', classId);
  }

  private rematch(classId: string, boardId: string, anticipations: readonly Anticipation[]): Cached {
    const group = this.deps.classrooms.groupByBoard(boardId);
    const cached: Cached = group
      ? { match: this.matchNow(group, anticipations).match, at: this.deps.now() }
      : { match: { matches: [], notAnticipated: [] }, at: this.deps.now() };
    if (group?.classId === classId) this.cache.set(boardId, cached);
    return cached;
  }

  private matchNow(
    group: GroupRow,
    anticipations: readonly Anticipation[],
  ): { match: BoardMatch; records: unknown[] } {
    return this.deps.rooms.transact(group.boardId, (room) => {
      // The students' work only: what the server placed locked (the task card, the template, question
      // cards) would otherwise match the very task it sets.
      const locked = room.records.lockedKeys();
      const keys = room.records.keys().filter((k) => isWork(k) && !locked.has(k));
      const records = keys.map((k) => room.records.get(k));
      for (const key of keys) this.knownShapes.get(group.boardId)?.add(key);
      const match = matchBoard(
        records,
        this.deps.tagsOfBoard(group.boardId),
        prepareAnticipations(anticipations),
      );
      return { match, records };
    });
  }
}
