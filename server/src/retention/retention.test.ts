import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassExportSchema } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher, joinAs } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { socketFor } from '../test/sockets.js';
import { connectClient, noteShape, onCleanup, startTestServer, synced, waitFor } from '../test/testServer.js';

const DAY = 24 * 3600_000;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** Written into every store the class reaches; none may be left in any file once the class is deleted. */
const MARKERS = {
  note: 'NOTE-MARKER-5c1e',
  answer: 'ANSWER-MARKER-93ad',
  reflection: 'REFLECTION-MARKER-0b7f',
  rationale: 'PLAN-MARKER-44d2',
  asset: 'ASSET-MARKER-e81a',
  name: 'Ana Retention',
};

/** A simulated clock the test moves forward; the server reads it for every "now". */
function movableClock(start: number) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}

/** A lesson that leaves something in every store: boards, an image, tags, the diagnostic, anticipations,
 * a snapshot, the plan, answers and a reflection. */
async function lessonInEveryStore(server: RunningServer) {
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

function filesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
}

describe('retention', () => {
  it('deletes a class inactive past the period from every store, file and asset — and keeps an active one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-retention-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const clock = movableClock(Date.UTC(2026, 8, 1));
    const server = await startTestServer(
      {
        STORAGE: 'sqlite',
        DATA_DIR: dir,
        RETENTION_DAYS: '30',
        RETENTION_SWEEP_MS: '1000',
        TAG_DEBOUNCE_MS: '0',
      },
      { now: clock.now },
    );
    const { teacher, g1 } = await lessonInEveryStore(server);
    const classId = teacher.classId;
    await waitFor(
      () => server.tagging.tagsOf(classId).some((t) => t.text.includes(MARKERS.note)),
      'the note to be tagged',
    );

    const retention = await teacher.api.classRetention({ params: { classId } });
    expect(retention).toMatchObject({ retentionDays: 30, lastActiveAt: clock.now() });
    expect(retention.deleteAfter).toBe(clock.now() + 30 * DAY);

    // Before it goes, the teacher can take everything away: one JSON document with every store's data.
    const download = await teacher.request('GET', `/api/classes/${classId}/export`);
    expect(download.headers.get('content-disposition')).toContain('Ratios-all-data.json');
    const data = ClassExportSchema.parse(await download.json());
    const text = JSON.stringify(data);
    for (const marker of [MARKERS.note, MARKERS.answer, MARKERS.reflection, MARKERS.rationale, MARKERS.name])
      expect(text, marker).toContain(marker);
    expect(Buffer.from(data.assets[0]!.bytes, 'base64').toString('latin1')).toContain(MARKERS.asset);
    expect(data.boards.find((b) => b.boardId === g1.boardId)?.log.length).toBeGreaterThan(1);
    expect(text).not.toContain('KeyHash');

    // 29 days on, a second class is created; at 31 days the first has been idle past its period.
    clock.advance(29 * DAY);
    const active = await createClassAsTeacher(server, 'Still running');
    clock.advance(2 * DAY);
    await waitFor(() => server.classroom.classState(classId) === undefined, 'the retention sweep');
    expect(server.classroom.classState(active.classId)).toBeDefined();
    expect(server.store.getBoard(g1.boardId)).toBeUndefined();
    expect((await teacher.request('GET', `/api/classes/${classId}/export`)).status).toBe(404);

    // Not hidden: gone from every file the server wrote — the database, its WAL, anything beside them.
    await server.close();
    const files = filesOf(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const marker of [...Object.values(MARKERS), classId, g1.boardId])
        expect(bytes.includes(Buffer.from(marker)), `${marker} in ${file}`).toBe(false);
    }
  });

  it('is off by default: nothing is deleted however long a class is idle', async () => {
    const clock = movableClock(Date.UTC(2026, 8, 1));
    const server = await startTestServer({}, { now: clock.now });
    const teacher = await createClassAsTeacher(server);
    expect(await teacher.api.classRetention({ params: { classId: teacher.classId } })).toMatchObject({
      retentionDays: null,
      deleteAfter: null,
    });
    clock.advance(3650 * DAY);
    expect(server.retention.sweep()).toEqual([]);
    expect(server.classroom.classState(teacher.classId)).toBeDefined();
    // Only the class's teacher reads or exports it.
    expect(
      (
        await apiOf(server)
          .classRetention({ params: { classId: teacher.classId } })
          .catch((e) => e)
      ).status,
    ).toBe(401);
  });

  it('counts a board change as activity', async () => {
    const clock = movableClock(Date.UTC(2026, 8, 1));
    const server = await startTestServer({ RETENTION_DAYS: '7' }, { now: clock.now });
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    clock.advance(6 * DAY);
    const board = connectClient(server, g1.boardId, { token: ana.token });
    await synced(board);
    board.records.set('shape:late', noteShape('shape:late', 'still working'));
    await roundTrip(board);
    clock.advance(6 * DAY);
    expect(server.retention.sweep()).toEqual([]);
    clock.advance(2 * DAY);
    expect(server.retention.sweep()).toEqual([teacher.classId]);
  });
});
