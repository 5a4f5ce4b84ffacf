/**
 * Who may do what, in one table. The client greys out or hides a control with `can()`; the server refuses
 * with the same `can()` on REST, socket.io and the Yjs websocket. A capability missing from a role's row is
 * denied.
 */
export const ROLES = ['teacher', 'student', 'projector'] as const;
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
  'boards.viewAll', // every group's board, read-only (dashboard thumbnails, projector)
  'boards.writeAny', // write on any group's board of the class
  'boards.writeOwnGroup', // write on one's own group's board (unless the class is paused)
  'tags.viewAll', // every contribution's tag, the class summary, the corrections export
  'tags.correct',
  'critique.post', // reply in a critique thread on a board one may write on
  'critique.moderate', // edit or delete anyone's reply, resolve any thread
  'diagnostic.manage', // choose the item bank, see the class's profiles, preview and publish groups
  'diagnostic.take',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const TABLE: Record<Role, ReadonlySet<Capability>> = {
  teacher: new Set<Capability>([
    'class.manage',
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
  ]),
  student: new Set<Capability>([
    'questions.answer',
    'hands.raise',
    'boards.writeOwnGroup',
    'critique.post',
    'diagnostic.take',
  ]),
  projector: new Set<Capability>(['boards.viewAll']),
};

export function can(role: Role, capability: Capability): boolean {
  return TABLE[role].has(capability);
}
