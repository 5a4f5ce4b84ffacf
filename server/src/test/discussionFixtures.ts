import { ApiRequestError, type PlanInput, type Snapshot } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, type TeacherHandle } from './classroomClient.js';
import { roundTrip } from './roundTrip.js';
import { connectClient, geoShape, noteShape, synced } from './testServer.js';
import type { RunningServer } from '../createServer.js';

/** Two snapshots of Ana's group board: one of a rectangle, one (later) of a note. */
export async function twoSnapshots(server: RunningServer) {
  const setup = await classWithGroupOfTwo(server);
  const { teacher, g1, ana } = setup;
  const board = connectClient(server, g1.boardId, { token: ana.token });
  await synced(board);
  board.records.set('shape:table', geoShape('shape:table', { x: 10, y: 20 }));
  await roundTrip(board);
  const params = { classId: teacher.classId };
  const a = await teacher.api.takeSnapshot({ params, body: { groupId: g1.groupId, title: 'table' } });
  board.records.set('shape:note', noteShape('shape:note', 'cost per pen 0.67', { x: 400, y: 20 }));
  await roundTrip(board);
  const b = await teacher.api.takeSnapshot({ params, body: { groupId: g1.groupId, title: 'note' } });
  return { ...setup, a, b };
}

export const planOf = (a: Snapshot, b: Snapshot): PlanInput => ({
  steps: [
    {
      stepId: 'first',
      snapshotId: a.snapshotId,
      rationale: { choice: 'accessible-first', text: 'Ana explains it well' },
      question: 'What does each row tell us?',
    },
    {
      stepId: 'second',
      snapshotId: b.snapshotId,
      rationale: { choice: 'build-to-general', text: '' },
      question: 'Where is 0.67 in the table?',
    },
  ],
  links: [
    {
      linkId: 'l1',
      from: { snapshotId: a.snapshotId, shapeId: 'shape:table' },
      to: { snapshotId: b.snapshotId, shapeId: 'shape:note' },
      kind: 'same-quantity',
      text: '',
    },
  ],
});

export async function refusal(call: Promise<unknown>): Promise<ApiRequestError | null> {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
}

export async function projectorOf(server: RunningServer, teacher: TeacherHandle) {
  const { token } = await apiOf(server).startProjectorSession({
    params: { classId: teacher.classId },
    body: { key: teacher.projectorKey },
  });
  return { token, api: apiOf(server, token) };
}
