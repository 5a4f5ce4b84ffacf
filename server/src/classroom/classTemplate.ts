import type { Issue, Result } from '@conjecture/shared';
import { fail, ok } from '@conjecture/shared';
import { recordError } from '../boards/boardSchema.js';
import type { ClassroomDeps } from './classroomTypes.js';

/** A record of the teacher's template, as the client sends it (validated against the board schema). */
export interface TemplateRecord {
  id: string;
  typeName: string;
  [key: string]: unknown;
}

/**
 * The teacher's template: task cards, images, a grid… placed on every group board (and on groups made
 * later) and locked by the server, so students can neither move, edit nor delete them.
 */
export class ClassTemplate {
  constructor(private readonly deps: Pick<ClassroomDeps, 'store' | 'rooms'>) {}

  setTemplate(classId: string, records: TemplateRecord[]): Result<{ records: number }> {
    const c = this.deps.store.getClass(classId);
    if (!c) return fail('not_found', 'no such class');
    const issues: Issue[] = [];
    const ids = new Set<string>();
    records.forEach((r, i) => {
      const error = ids.has(r.id) ? `${r.id} appears twice` : recordError(r.id, r);
      if (error) issues.push({ path: ['records', i], message: error });
      ids.add(r.id);
    });
    if (issues.length > 0)
      return fail('bad_request', 'some template records are not valid board records', issues);
    const before = c.templateRecords as TemplateRecord[];
    this.deps.store.updateClass(classId, { templateRecords: records });
    for (const g of this.deps.store.groupsOf(classId)) this.applyTemplate(g.boardId, before, records);
    return ok({ records: records.length });
  }

  /** The records last placed by `setTemplate`, for the teacher's editor to start from. */
  template(classId: string): TemplateRecord[] {
    return (this.deps.store.getClass(classId)?.templateRecords ?? []) as TemplateRecord[];
  }

  /** A new group's board starts with the class's template already on it (nothing to do without one). */
  placeOnNewBoard(classId: string, boardId: string): void {
    const template = this.deps.store.getClass(classId)?.templateRecords ?? [];
    if (template.length > 0) this.applyTemplate(boardId, [], template as TemplateRecord[]);
  }

  private applyTemplate(boardId: string, before: TemplateRecord[], after: TemplateRecord[]): void {
    const room = this.deps.rooms.hold(boardId);
    try {
      room.change((records) => {
        const keep = new Set(after.map((r) => r.id));
        const gone = before.map((r) => r.id).filter((id) => !keep.has(id));
        records.unlock(gone);
        for (const id of gone) records.delete(id);
        for (const r of after) records.set(r.id, r);
        records.lock(keep);
      });
    } finally {
      this.deps.rooms.release(boardId);
    }
  }
}
