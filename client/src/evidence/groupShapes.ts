import type { ReplayState, ReplayStep } from '@conjecture/shared';

/**
 * The records the server placed locked — the task card, the template, question cards: the lesson's, on every
 * board alike, not the group's work (snapshots and a group's deletion leave them out the same way).
 */
export function lessonRecordIds(steps: readonly ReplayStep[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const step of steps)
    if (step.author === 'server')
      for (const record of step.put) if (record.isLocked === true) ids.add(record.id);
  return ids;
}

/** The shapes on the board at a position that the group made, the lesson's own left out. */
export function groupShapeCount(records: ReplayState, lesson: ReadonlySet<string>): number {
  let n = 0;
  for (const r of records.values()) if (r.typeName === 'shape' && !lesson.has(r.id)) n++;
  return n;
}
