import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassExportSchema } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, noteShape, onCleanup, startTestServer, synced, waitFor } from '../test/testServer.js';
import { lessonInEveryStore, MARKERS } from '../test/lessonInEveryStore.js';

const DAY = 24 * 3600_000;
/** A simulated clock the test moves forward; the server reads it for every "now". */
function movableClock(start: number) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
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
