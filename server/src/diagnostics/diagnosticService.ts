import { EventEmitter } from 'node:events';
import type {
  DiagnosticRow,
  DiagnosticResponse,
  GroupingPreview,
  GroupingPreviewBody,
  GroupDraw,
  GroupingScore,
  ItemBank,
  PublishedGrouping,
  Result,
  StudentDiagnostic,
} from '@conjecture/shared';
import {
  DEFAULT_ITEM_BANK,
  distanceMatrix,
  profileFeatures,
  withinGroupSum,
  explainGroups,
  fail,
  groupByProfiles,
  ok,
  parseItemBank,
  placeLateStudent,
  portrait,
  scoreDiagnostic,
  shownAsDrawn,
  studentSummary,
} from '@conjecture/shared';
import type { ClassroomService, Principal } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import { refusalNow } from '../classroom/classPhase.js';
import type { DiagnosticStore } from './diagnosticStore.js';
import { groupDraw } from './groupDraw.js';

export interface DiagnosticEvents {
  /** A student answered an item: the teacher's completion view updates live. */
  progress: [classId: string, studentId: string, answered: number, total: number];
  /** The teacher chose, replaced or skipped the diagnostic: students waiting fetch theirs again. */
  changed: [classId: string];
  /**
   * The teacher published groups (`drawnAt` when they are shown to the class as drawn at random), or moved a
   * student of a draw by hand (`drawnAt` null: the groups are no longer chance alone).
   */
  published: [classId: string, drawnAt: number | null];
  /** A late arrival was placed into groups still shown as drawn (at `drawnAt`): the draw on show grew by one. */
  drawJoined: [classId: string, studentId: string, drawnAt: number];
}

/**
 * The class diagnostic and what it feeds: the teacher picks a bank (ours, a pasted one, or none), students
 * answer one item at a time with a confidence rating (resumable: answers are stored as given), a profile is
 * stored on completion, and the grouping engine proposes groups from the profiles, with explanations; the
 * teacher publishes them and students' boards move live. A student who joins after that is placed in a group
 * as the groups were published (mode and pairs), nobody else moving: at once in a class without a
 * diagnostic, on finishing it in a class with one.
 */
export class DiagnosticService extends EventEmitter<DiagnosticEvents> {
  constructor(
    private readonly deps: {
      store: DiagnosticStore;
      classrooms: ClassroomStore;
      classroom: ClassroomService;
      now: () => number;
    },
  ) {
    super();
    deps.classroom.on('studentJoined', (classId, studentId) => {
      if (!this.bank(classId)) this.placeLateStudent(classId, studentId);
    });
    deps.classroom.on('studentMoved', (classId, _studentId, _group, { cause }) => {
      if (cause === 'hand') this.endDraw(classId);
    });
  }

  /** A student of a draw moved by hand (or a group deleted): the class is no longer shown it as chance. */
  private endDraw(classId: string): void {
    const publication = this.deps.store.publicationOf(classId);
    if (!publication || !shownAsDrawn(publication.grouping)) return;
    this.deps.store.setGrouping(
      classId,
      { ...publication.grouping, asDrawn: false },
      publication.publishedAt,
    );
    this.emit('published', classId, null);
  }

  setBank(
    classId: string,
    choice: 'default' | null | Record<string, unknown>,
  ): Result<{ items: number } | null> {
    if (choice === null) {
      this.deps.store.setBank(classId, null);
      this.deps.store.clearClass(classId);
      this.emit('changed', classId);
      return ok(null);
    }
    const parsed =
      choice === 'default'
        ? ({ ok: true, bank: DEFAULT_ITEM_BANK as ItemBank } as const)
        : parseItemBank(choice);
    if (!parsed.ok)
      return fail(
        'bad_request',
        'the item bank is not valid',
        parsed.errors.map((message) => ({ path: ['bank'], message })),
      );
    this.deps.store.setBank(classId, parsed.bank);
    this.deps.store.clearClass(classId);
    this.emit('changed', classId);
    return ok({ items: parsed.bank.items.length });
  }

  /** The bank in use: undefined before the teacher chose, null when skipped. */
  bank(classId: string): ItemBank | null | undefined {
    return this.deps.store.bankOf(classId) as ItemBank | null | undefined;
  }

  forStudent(classId: string, studentId: string): StudentDiagnostic {
    const bank = this.bank(classId);
    if (!bank) return { title: null, items: [], answered: [], complete: false, summary: null };
    const answered = this.deps.store.responsesOf(studentId);
    const complete = bank.items.every((i) => answered.some((a) => a.itemId === i.id));
    return {
      title: bank.title,
      // What a student sees: stems and options, never which option is right or what it reveals.
      items: bank.items.map((i) => ({
        itemId: i.id,
        stem: i.stem,
        stemLatex: i.stemLatex ?? null,
        options: i.options.map((o) => ({ optionId: o.id, text: o.text, latex: o.latex ?? null })),
      })),
      answered,
      complete,
      summary: complete ? studentSummary(bank, scoreDiagnostic(bank, answered)) : null,
    };
  }

  answer(classId: string, studentId: string, response: DiagnosticResponse): Result<StudentDiagnostic> {
    const cls = this.deps.classrooms.getClass(classId);
    if (!cls) return fail('not_found', 'no such class');
    const refused = refusalNow('student', 'diagnostic.take', cls);
    if (refused) return refused;
    const bank = this.bank(classId);
    if (!bank) return fail('conflict', 'there is no diagnostic in this class');
    const item = bank.items.find((i) => i.id === response.itemId);
    if (!item || !item.options.some((o) => o.id === response.optionId))
      return fail('not_found', 'no such item or option');
    const before = this.deps.store.responsesOf(studentId);
    const finished = (itemIds: ReadonlySet<string>) => bank.items.every((i) => itemIds.has(i.id));
    const itemsBefore = new Set(before.map((a) => a.itemId));
    const wasComplete = finished(itemsBefore);
    this.deps.store.answer(classId, studentId, response, this.deps.now());
    const completed = finished(itemsBefore.add(response.itemId));
    // Read again only to score: the stored answers are what the profile is made of.
    const answered = completed ? this.deps.store.responsesOf(studentId) : null;
    const count = answered?.length ?? itemsBefore.size;
    if (answered)
      this.deps.store.saveProfile(classId, studentId, scoreDiagnostic(bank, answered), this.deps.now());
    this.emit('progress', classId, studentId, count, bank.items.length);
    // On finishing, not on a later change of answer: a student the teacher took out of the groups since
    // stays out.
    if (completed && !wasComplete) this.placeLateStudent(classId, studentId);
    return ok(this.forStudent(classId, studentId));
  }

  /** The class table: every student's progress and, once complete, profile. */
  classTable(classId: string): DiagnosticRow[] {
    const bank = this.bank(classId);
    const total = bank?.items.length ?? 0;
    const profiles = this.deps.store.profilesOf(classId);
    return this.deps.classrooms.studentsOf(classId).map((s) => {
      const answered = this.deps.store.responsesOf(s.studentId).length;
      return {
        studentId: s.studentId,
        answered,
        total,
        complete: profiles.has(s.studentId),
        profile: profiles.get(s.studentId) ?? null,
        portrait: bank && profiles.has(s.studentId) ? portrait(bank, profiles.get(s.studentId)!) : null,
      };
    });
  }

  /** Proposed groups for every student of the class, from their profiles (students without one are placed too). */
  preview(classId: string, body: GroupingPreviewBody): Result<GroupingPreview> {
    const bank = this.bank(classId) ?? (DEFAULT_ITEM_BANK as ItemBank);
    const profiles = this.deps.store.profilesOf(classId);
    const students = this.deps.classrooms
      .studentsOf(classId)
      .map((s) => ({ id: s.studentId, profile: profiles.get(s.studentId) ?? null }));
    if (students.length === 0) return fail('conflict', 'no students have joined yet');
    const result = groupByProfiles({ bank, students, ...body });
    if (!result.ok) {
      const issues = [...result.errors, ...result.conflicts.map((c) => JSON.stringify(c))].map((message) => ({
        path: [],
        message,
      }));
      return fail('conflict', 'these constraints cannot all be met', issues);
    }
    const explanations = explainGroups({
      bank,
      mode: body.mode,
      groups: result.groups,
      profiles: new Map(students.map((s) => [s.id, s.profile])),
      keepApart: body.keepApart,
      keepTogether: body.keepTogether,
    });
    return ok({ groups: result.groups, objective: result.objective, explanations });
  }

  /**
   * The objective (sum of within-group distances between profile vectors, as the engine computes it) of any
   * grouping of the class's students: the preview shows how a hand-made move changes it.
   */
  score(classId: string, groups: string[][], mode: GroupingPreviewBody['mode']): Result<GroupingScore> {
    const bank = this.bank(classId) ?? (DEFAULT_ITEM_BANK as ItemBank);
    const profiles = this.deps.store.profilesOf(classId);
    const students = this.deps.classrooms.studentsOf(classId);
    const index = new Map(students.map((s, i) => [s.studentId, i] as const));
    const asIndices: number[][] = [];
    for (const group of groups) {
      const members: number[] = [];
      for (const id of group) {
        const i = index.get(id);
        if (i === undefined) return fail('not_found', `student ${id} is not in this class`);
        members.push(i);
      }
      asIndices.push(members);
    }
    const features = profileFeatures(
      bank,
      students.map((s) => profiles.get(s.studentId) ?? null),
    );
    return ok({
      objective: withinGroupSum(distanceMatrix(features), students.length, asIndices),
      // Summaries and reasons for the groups as they are now, not as proposed.
      explanations: explainGroups({
        bank,
        mode,
        groups,
        profiles: new Map(students.map((s) => [s.studentId, profiles.get(s.studentId) ?? null])),
      }),
    });
  }

  /**
   * Makes these groups the class's: the class's existing groups are reused in order (their boards stay),
   * new ones are made as needed, and every student is assigned — their open boards move live.
   */
  publish(
    classId: string,
    groups: string[][],
    grouping: PublishedGrouping = { mode: 'mix', keepApart: [], keepTogether: [] },
  ): Result<{ groupIds: string[] }> {
    const students = new Set(this.deps.classrooms.studentsOf(classId).map((s) => s.studentId));
    const seen = new Set<string>();
    for (const id of groups.flat()) {
      if (!students.has(id)) return fail('not_found', `student ${id} is not in this class`);
      if (seen.has(id)) return fail('bad_request', `student ${id} is in two groups`);
      seen.add(id);
    }
    const existing = this.deps.classrooms.groupsOf(classId);
    const groupIds = groups.map(
      (_, i) => existing[i]?.groupId ?? this.deps.classroom.createAutoNamedGroup(classId).groupId,
    );
    groups.forEach((members, i) => {
      for (const studentId of members)
        this.deps.classroom.assignStudent(classId, studentId, groupIds[i] as string, { cause: 'grouping' });
    });
    const at = this.deps.now();
    this.deps.store.setGrouping(classId, grouping, at);
    this.emit('published', classId, shownAsDrawn(grouping) ? at : null);
    return ok({ groupIds });
  }

  /** The class's groups as drawn at random, for this viewer; null unless the last publication was a draw as drawn. */
  draw(viewer: Principal): GroupDraw {
    return groupDraw(this.deps, viewer);
  }

  /**
   * Places a student still without a group in one of the class's groups, if the groups were published (a
   * class grouped by hand, or not yet, is the teacher's to arrange) and the class runs. A student no group
   * can take (all full, or kept apart from someone in each) stays waiting, as the teacher's strip shows.
   */
  private placeLateStudent(classId: string, studentId: string): void {
    const publication = this.deps.store.publicationOf(classId);
    const c = this.deps.classrooms.getClass(classId);
    if (!publication || !c || c.ended) return;
    const { grouping, publishedAt } = publication;
    const students = this.deps.classrooms.studentsOf(classId);
    if (students.find((s) => s.studentId === studentId)?.groupId !== null) return;
    const profiles = this.deps.store.profilesOf(classId);
    const placement = placeLateStudent({
      bank: this.bank(classId) ?? (DEFAULT_ITEM_BANK as ItemBank),
      students: students.map((s) => ({
        id: s.studentId,
        groupId: s.groupId,
        profile: profiles.get(s.studentId) ?? null,
      })),
      groupIds: this.deps.classrooms.groupsOf(classId).map((g) => g.groupId),
      arrival: studentId,
      ...grouping,
      seed: students.length,
    });
    if (!placement.ok) return;
    this.deps.classroom.assignStudent(classId, studentId, placement.groupId, { cause: 'grouping' });
    if (shownAsDrawn(grouping)) this.emit('drawJoined', classId, studentId, publishedAt);
  }
}
