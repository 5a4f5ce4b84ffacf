import type { Issue, Result, Template } from '@conjecture/shared';
import { fail, ok } from '@conjecture/shared';
import { recordWriteRefusal } from '../boards/writePolicy.js';
import type { BoardRoom } from '../boards/boardRoom.js';
import { boardWriteRefusal } from './serverWrites.js';
import type { ClassroomDeps } from './classroomTypes.js';

/** The teacher, writing on a board where nothing is locked yet. */
const TEMPLATE_WRITER = { author: 'teacher', locked: new Set<string>() };

/** A record of the teacher's template, as the client sends it (validated against the board schema). */
export type TemplateRecord = Template['records'][number];

/** A binding record (e.g. an arrow's end attached to a shape), already validated by the board schema. */
interface TemplateBinding extends TemplateRecord {
  typeName: 'binding';
  type: string;
  fromId: string;
  toId: string;
}
const isBinding = (r: TemplateRecord): r is TemplateBinding => r.typeName === 'binding';

/**
 * A template binding must join two shapes of the same template: one left pointing at a shape that is not
 * on every board would be a broken arrow on every board (and the server never writes records it would
 * refuse from a client). An arrow binding starts at an arrow: tldraw's arrow code reads it as one.
 */
function danglingBindingIssues(records: TemplateRecord[]): Issue[] {
  const shapeTypes = new Map(records.filter((r) => r.typeName === 'shape').map((r) => [r.id, r.type]));
  const issues: Issue[] = [];
  records.forEach((r, i) => {
    if (!isBinding(r)) return;
    for (const end of ['fromId', 'toId'] as const)
      if (!shapeTypes.has(r[end]))
        issues.push({
          path: ['records', i, end],
          message: `${r.id}: ${r[end]} is not a shape of the template`,
        });
    if (r.type === 'arrow' && shapeTypes.has(r.fromId) && shapeTypes.get(r.fromId) !== 'arrow')
      issues.push({ path: ['records', i, 'fromId'], message: `${r.id}: ${r.fromId} is not an arrow` });
  });
  return issues;
}

/**
 * The teacher's template: task cards, images, a grid, arrows bound to them… placed on every group board
 * (and on groups made later) and locked by the server, so students can neither move, edit nor delete them.
 */
export class ClassTemplate {
  constructor(private readonly deps: Pick<ClassroomDeps, 'store' | 'rooms'>) {}

  setTemplate(classId: string, records: TemplateRecord[]): Result<{ records: number }> {
    const c = this.deps.store.getClass(classId);
    if (!c) return fail('not_found', 'no such class');
    const issues: Issue[] = [];
    const ids = new Set<string>();
    records.forEach((r, i) => {
      // What a client could write, the template may hold (bounded coordinates included): the server never
      // places a record on the boards that it would refuse from the teacher's own connection.
      const error = ids.has(r.id)
        ? `${r.id} appears twice`
        : recordWriteRefusal({ key: r.id, before: undefined, after: r }, TEMPLATE_WRITER);
      if (error) issues.push({ path: ['records', i], message: error });
      ids.add(r.id);
    });
    if (issues.length > 0)
      return fail('bad_request', 'some template records are not valid board records', issues);
    const dangling = danglingBindingIssues(records);
    if (dangling.length > 0)
      return fail('bad_request', 'an arrow in the template is bound to a shape outside it', dangling);
    const before = c.templateRecords as TemplateRecord[];
    const groups = this.deps.store.groupsOf(classId);
    // Every board must be able to take it before any is written: all boards get the template or none.
    return this.deps.rooms.transactAll(
      groups.map((g) => g.boardId),
      (rooms) => {
        for (const [i, room] of rooms.entries()) {
          const refused = boardWriteRefusal(room, records, `the template on ${groups[i]?.name}`);
          if (refused) return refused;
        }
        this.deps.store.updateClass(classId, { templateRecords: records });
        for (const room of rooms) applyTemplate(room, before, records);
        return ok({ records: records.length });
      },
    );
  }

  /** The records last placed by `setTemplate`, for the teacher's editor to start from. */
  template(classId: string): TemplateRecord[] {
    return (this.deps.store.getClass(classId)?.templateRecords ?? []) as TemplateRecord[];
  }

  /** A new group's board starts with the class's template already on it (nothing to do without one). */
  placeOnNewBoard(classId: string, boardId: string): void {
    const template = this.deps.store.getClass(classId)?.templateRecords ?? [];
    if (template.length > 0)
      this.deps.rooms.transact(boardId, (room) => applyTemplate(room, [], template as TemplateRecord[]));
  }
}

/** Replaces the template's records `before` with `after` on one board, locked, in one change. */
function applyTemplate(room: BoardRoom, before: TemplateRecord[], after: TemplateRecord[]): void {
  room.change((records) => {
    const keep = new Set(after.map((r) => r.id));
    const gone = new Set(before.map((r) => r.id).filter((id) => !keep.has(id)));
    // Students' own arrows may be bound to a template shape (pointing at the task card): a binding
    // whose shape is taken away would dangle, so it goes with the shape.
    for (const id of records.keys()) {
      const r = records.get(id) as Partial<TemplateBinding> | undefined;
      if (r?.typeName === 'binding' && !keep.has(id) && (gone.has(r.fromId ?? '') || gone.has(r.toId ?? '')))
        gone.add(id);
    }
    records.unlock(gone);
    for (const id of gone) records.delete(id);
    // Shapes before the bindings that join them, so a client applying the change in order never holds
    // a binding to a shape it has not got yet.
    for (const r of [...after.filter((r) => !isBinding(r)), ...after.filter(isBinding)]) records.set(r.id, r);
    records.lock(keep);
  });
}
