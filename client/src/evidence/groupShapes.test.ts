import { describe, expect, it } from 'vitest';
import { ReplayTimeline, type ReplayStep } from '@conjecture/shared';
import { groupShapeCount, lessonRecordIds } from './groupShapes.js';

const shape = (id: string, isLocked: boolean) => ({ id, typeName: 'shape', isLocked });
const step = (author: string, put: object[]): ReplayStep =>
  ({ seq: 0, at: 0, author, put, removed: [] }) as ReplayStep;

describe("the group's shapes in a replay", () => {
  // "4 shapes" for three notes: the task card the server placed was counted as the group's work.
  it('leaves out what the server placed locked, and counts what people made', () => {
    const steps = [
      step('server', [shape('shape:task', true), { id: 'page:1', typeName: 'page' }]),
      step('ana', [shape('shape:a', false)]),
      // A restore is the server's write too, of the group's own shapes (unlocked).
      step('server', [shape('shape:b', false)]),
    ];
    const timeline = new ReplayTimeline(steps);
    const lesson = lessonRecordIds(steps);
    expect(groupShapeCount(timeline.recordsAt(1), lesson)).toBe(0);
    expect(groupShapeCount(timeline.recordsAt(3), lesson)).toBe(2);
  });
});
