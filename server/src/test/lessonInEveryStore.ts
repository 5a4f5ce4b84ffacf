import { expect } from 'vitest';
import type { RunningServer } from '../createServer.js';
import { apiOf, classWithGroupOfTwo, joinAs } from './classroomClient.js';
import { roundTrip } from './roundTrip.js';
import { socketFor } from './sockets.js';
import { connectClient, noteShape, synced } from './testServer.js';

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** Written into every store the class reaches; none may be left in any file once the class is deleted. */
export const MARKERS = {
  note: 'NOTE-MARKER-5c1e',
  answer: 'ANSWER-MARKER-93ad',
  reflection: 'REFLECTION-MARKER-0b7f',
  rationale: 'PLAN-MARKER-44d2',
  asset: 'ASSET-MARKER-e81a',
  name: 'Ana Retention',
};

/** A lesson that leaves something in every store: boards, an image, tags, the diagnostic, anticipations,
 * a snapshot, the plan, answers and a reflection. */
export async function lessonInEveryStore(server: RunningServer) {
  const setup = await classWithGroupOfTwo(server);
  const { teacher, ana, g1 } = setup;
  const classId = teacher.classId;
  const asAna = apiOf(server, ana.token);
  await joinAs(server, teacher.joinCode, MARKERS.name);

  const board = connectClient(server, g1.boardId, { token: ana.token });
  await synced(board);
  board.records.set('shape:marker', noteShape('shape:marker', `cost per pen ${MARKERS.note}`));
  await roundTrip(board);
  const upload = await fetch(`${server.url}/api/assets?boardId=${g1.boardId}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${ana.token}` },
    body: Buffer.concat([PNG, Buffer.from(MARKERS.asset)]),
  });
  expect(upload.status).toBe(201);

  await teacher.api.setDiagnostic({ params: { classId }, body: { bank: 'default' } });
  const diagnostic = await asAna.studentDiagnostic({ params: { classId } });
  const item = diagnostic.items[0]!;
  await asAna.answerDiagnostic({
    params: { classId },
    body: { itemId: item.itemId, optionId: item.options[0]!.optionId, confidence: 3 },
  });
  await teacher.api.listAnticipations({ params: { classId } });

  const question = await teacher.api.poseQuestion({
    params: { classId },
    body: { text: 'How do you know?' },
  });
  const socket = socketFor(server, { token: ana.token });
  await new Promise((resolve) =>
    socket.emit('answerQuestion', { questionId: question.questionId, text: MARKERS.answer }, resolve),
  );
  const snapshot = await teacher.api.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } });
  await teacher.api.putDiscussionPlan({
    params: { classId },
    body: {
      steps: [
        {
          stepId: 'step-1',
          snapshotId: snapshot.snapshotId,
          rationale: { choice: null, text: MARKERS.rationale },
          question: '',
        },
      ],
      links: [],
    },
  });
  await teacher.api.updateClass({ params: { classId }, body: { reflectionOpen: true } });
  await asAna.putMyReflection({ params: { classId }, body: { worked: MARKERS.reflection } });
  return setup;
}
