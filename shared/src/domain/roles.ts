/**
 * Who may do what, in one table. The client greys out or hides a control with `can()`; the server refuses
 * with the same `can()` on REST, socket.io and the Yjs websocket. A capability missing from a role's row is
 * denied.
 */
export const ROLES = ['teacher', 'student', 'projector', 'coach'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'class.manage', // close joining, end, delete, anonymize, rotate the projector link
  'class.pause',
  'groups.manage', // create groups, assign and move students
  'students.remove',
  'questions.pose',
  'questions.answer',
  'hands.raise',
  'hands.clear',
  'projector.control',
  'roster.view', // the class roster with real names
  'joinCode.view', // the code students join with (a coach's link must not carry a way to join)
  'boards.viewAll', // every group's board, read-only (dashboard thumbnails, projector)
  'boards.writeAny', // write on any group's board of the class
  'boards.writeOwnGroup', // write on one's own group's board (unless the class is paused)
  'tags.viewAll', // every contribution's tag, the class summary, the corrections export
  'tags.correct',
  'critique.post', // reply in a critique thread on a board one may write on
  'critique.moderate', // edit or delete anyone's reply, resolve any thread
  'diagnostic.manage', // choose the item bank, see the class's profiles, preview and publish groups
  'diagnostic.take',
  'anticipations.manage', // list, add, edit and delete the task's anticipated strategies and misconceptions
  'monitoring.view', // the monitoring chart, confirm or reject its matches, the alerts, the labels export
  'snapshots.take', // capture a group's board (or a region of it) at a moment
  'snapshots.view', // the lesson's gallery of snapshots (the teacher's dashboard and the projector)
  'discussion.plan', // edit the discussion plan: its steps, rationales, questions and links
  'discussion.view', // read the plan (the projector reads it without the teacher's rationale notes)
  'discussion.present', // move the presented step (the dashboard, and the projector's arrow keys)
  'discussion.follow', // bring every student's screen to the presented step or a snapshot, and release them
  'evidence.view', // participation balance per member and the replay of a group's board (during and after class)
  'boards.restore', // put a group's board back as it was at a moment of its replay (later work stays in the replay)
  'reflection.write', // write one's own end-of-lesson reflection, and read back one's own work
  'reflections.view', // every student's reflection, with its tags
  'evidence.export', // the lesson's evidence pack, its CSV tables and every group board as a PDF (real names)
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const TABLE: Record<Role, ReadonlySet<Capability>> = {
  teacher: new Set<Capability>([
    'class.manage',
    'joinCode.view',
    'class.pause',
    'groups.manage',
    'students.remove',
    'questions.pose',
    'hands.clear',
    'projector.control',
    'roster.view',
    'boards.viewAll',
    'boards.writeAny',
    'tags.viewAll',
    'tags.correct',
    'critique.post',
    'critique.moderate',
    'diagnostic.manage',
    'anticipations.manage',
    'monitoring.view',
    'snapshots.take',
    'snapshots.view',
    'discussion.plan',
    'discussion.view',
    'discussion.present',
    'discussion.follow',
    'evidence.view',
    'boards.restore',
    'reflections.view',
    'evidence.export',
  ]),
  student: new Set<Capability>([
    'joinCode.view',
    'questions.answer',
    'hands.raise',
    'boards.writeOwnGroup',
    'critique.post',
    'diagnostic.take',
    'reflection.write',
  ]),
  // The projector shows; its one command is stepping through a plan the teacher started (arrow keys).
  projector: new Set<Capability>([
    'joinCode.view',
    'boards.viewAll',
    'snapshots.view',
    'discussion.view',
    'discussion.present',
  ]),
  // A coach (or the teacher's colleague) reads the lesson's evidence from a revocable link: who contributed,
  // the talk and questions, each group's replay, the reflections and the downloads. Nothing it holds changes
  // the class, and it opens no live board (a replay is read from the server's history).
  coach: new Set<Capability>([
    'roster.view',
    'tags.viewAll',
    'snapshots.view',
    'discussion.view',
    'evidence.view',
    'reflections.view',
    'evidence.export',
  ]),
};

export function can(role: Role, capability: Capability): boolean {
  return TABLE[role].has(capability);
}

/**
 * What a paused or ended class suspends: students' own work and their calls on the teacher (eyes on the
 * front). The teacher's capabilities are never suspended.
 */
export const SUSPENDED_WHILE_PAUSED: ReadonlySet<Capability> = new Set<Capability>([
  'boards.writeOwnGroup',
  'questions.answer',
  'hands.raise',
  'diagnostic.take', // answering it (reading it stays open: the screen says why it waits)
]);

/** A class's phase as far as permissions go (`ended` counts as paused for good). */
export interface ClassPhase {
  paused: boolean;
  ended?: boolean;
}

/** `can()`, now: in a paused or ended class, the capabilities it suspends are denied too. */
export function canNow(role: Role, capability: Capability, phase: ClassPhase): boolean {
  if (!can(role, capability)) return false;
  return !((phase.paused || phase.ended === true) && SUSPENDED_WHILE_PAUSED.has(capability));
}
