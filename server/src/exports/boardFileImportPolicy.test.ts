import { describe, expect, it } from 'vitest';
import { TldrFileSchema, type TldrFile } from '@conjecture/shared';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { socketFor } from '../test/sockets.js';
import type { RunningServer } from '../createServer.js';
import {
  connectClient,
  geoShape,
  noteShape,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
} from '../test/testServer.js';

/**
 * A `.tldr` import is a write on the importer's behalf: it meets everything a write from their own connection
 * meets — authorship, the budgets of others' work taken away and of records added at once, and the checks over
 * the board as a whole (a loop of parents, a missing parent) — not only each record's own validity.
 */

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function exportFile(server: RunningServer, boardId: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/api/boards/${boardId}/board.tldr`, { headers });
  expect(res.status).toBe(200);
  return TldrFileSchema.parse(await res.json());
}

const importFile = (server: RunningServer, boardId: string, file: unknown, headers: Record<string, string>) =>
  fetch(`${server.url}/api/boards/${boardId}/board.tldr`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(file),
  });

const words = (record: unknown) =>
  JSON.stringify((record as { props?: { richText?: unknown } }).props?.richText);

/** Ben, a classmate, writes `count` notes of his own on the group's board. */
async function bensNotes(server: RunningServer, boardId: string, token: string, count: number) {
  const ben = connectClient(server, boardId, { token });
  await synced(ben);
  for (let i = 0; i < count; i++)
    ben.records.set(`shape:ben${i}`, noteShape(`shape:ben${i}`, `my idea number ${i}`, { x: i * 250, y: 0 }));
  await roundTrip(ben);
  return ben;
}

const withRecords = (file: TldrFile, records: unknown[]) => ({ ...file, records }) as unknown as TldrFile;

describe('importing a .tldr file writes as the importer', () => {
  it('a student’s import that rewrites more of a classmate’s work than a student may at once is undone and refused', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
    const wipes: Array<{ studentId: string }> = [];
    teacherSocket.on('wipeUndone', (w) => wipes.push(w));
    const bensClient: TestClient = await bensNotes(server, g1.boardId, ben.token, 40);
    const file = await exportFile(server, g1.boardId, bearer(ana.token));
    const rewritten = file.records.map((r) =>
      r.id.startsWith('shape:ben') ? noteShape(r.id, 'x', { x: Number(r.x), y: 0 }) : r,
    );

    const res = await importFile(server, g1.boardId, withRecords(file, rewritten), bearer(ana.token));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/classmates/);
    await roundTrip(bensClient);
    const after = await exportFile(server, g1.boardId, bearer(ana.token));
    const bens = after.records.filter((r) => r.id.startsWith('shape:ben'));
    expect(bens).toHaveLength(40);
    for (const r of bens) expect(words(r)).toMatch(/my idea number/);
    expect(words(bensClient.records.get('shape:ben0'))).toMatch(/my idea number 0/);
    // The teacher hears of it as of a wipe from Ana's own connection.
    await waitFor(() => wipes.length > 0, 'the teacher to hear of the wipe');
    expect(wipes[0]?.studentId).toBe(ana.identity.studentId);
  });

  it('a student’s import of a file kept from before leaves out what the teacher removed since, and says so', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const anaClient = connectClient(server, g1.boardId, { token: ana.token });
    await synced(anaClient);
    anaClient.records.set('shape:rude', geoShape('shape:rude'));
    anaClient.records.set('shape:work', geoShape('shape:work', { x: 300 }));
    await roundTrip(anaClient);
    const kept = await exportFile(server, g1.boardId, bearer(ana.token));
    const t = connectClient(server, g1.boardId, { token: teacher.cookie.split('=')[1] as string });
    await synced(t);
    t.records.delete('shape:rude');
    await roundTrip(t);

    const res = await importFile(server, g1.boardId, kept, bearer(ana.token));
    expect(res.status).toBe(200);
    // Left out as the locked task card is: not the importer's to write.
    expect(((await res.json()) as { skipped: unknown[] }).skipped).toContainEqual({
      id: 'shape:rude',
      reason: expect.stringMatching(/removed by the teacher/),
    });
    await roundTrip(t);
    expect(t.records.has('shape:rude')).toBe(false);
    expect(t.records.get('shape:work')).toBeDefined();
  });

  it('a student’s import cannot put a shape on the board that is its own ancestor or whose parent is missing', async () => {
    const server = await startTestServer();
    const { ana, ben, g1 } = await classWithGroupOfTwo(server);
    const bensClient = await bensNotes(server, g1.boardId, ben.token, 1);
    const file = await exportFile(server, g1.boardId, bearer(ana.token));
    const loops = [
      [
        { ...geoShape('shape:loopA'), parentId: 'shape:loopB' },
        { ...geoShape('shape:loopB'), parentId: 'shape:loopA' },
      ],
      [{ ...geoShape('shape:itself'), parentId: 'shape:itself' }],
      [{ ...geoShape('shape:orphan'), parentId: 'shape:nowhere' }],
    ];
    for (const records of loops) {
      const res = await importFile(server, g1.boardId, withRecords(file, records), bearer(ana.token));
      expect(res.status).toBe(400);
    }
    await roundTrip(bensClient);
    const ids = (await exportFile(server, g1.boardId, bearer(ana.token))).records.map((r) => r.id);
    for (const id of ['shape:loopA', 'shape:loopB', 'shape:itself', 'shape:orphan']) {
      expect(ids).not.toContain(id);
      expect(bensClient.records.get(id)).toBeUndefined();
    }
  });

  it('what a student imports is hers in the authorship log, and a classmate’s work she re-imports stays his', async () => {
    const server = await startTestServer();
    const { ana, ben, g1 } = await classWithGroupOfTwo(server);
    const bensClient = await bensNotes(server, g1.boardId, ben.token, 1);
    const file = await exportFile(server, g1.boardId, bearer(ana.token));
    const records = file.records.map((r) => (r.id === 'shape:ben0' ? { ...r, x: Number(r.x) + 40 } : r));
    const res = await importFile(
      server,
      g1.boardId,
      withRecords(file, [...records, noteShape('shape:anas', 'imported idea', { x: 0, y: 400 })]),
      bearer(ana.token),
    );
    expect(res.status).toBe(200);
    await roundTrip(bensClient);
    const authorship = (await (
      await fetch(`${server.url}/api/boards/${g1.boardId}/authorship`, { headers: bearer(ana.token) })
    ).json()) as Record<string, { creator: string; authors: string[] }>;
    expect(authorship['shape:anas']?.creator).toBe(ana.identity.studentId);
    expect(authorship['shape:ben0']?.creator).toBe(ben.identity.studentId);
    expect(authorship['shape:ben0']?.authors).toContain(ana.identity.studentId);
    expect(bensClient.records.get('shape:anas')).toBeDefined();
  });

  it('a student’s import adds at most what a student may add at once; more is refused and nothing of it stays', async () => {
    const server = await startTestServer({ MAX_RECORDS_CREATED: '20' });
    const { ana, ben, g1 } = await classWithGroupOfTwo(server);
    const bensClient = await bensNotes(server, g1.boardId, ben.token, 1);
    const file = await exportFile(server, g1.boardId, bearer(ana.token));
    const flood = Array.from({ length: 30 }, (_, i) => geoShape(`shape:flood${i}`, { x: i * 50 }));
    const res = await importFile(server, g1.boardId, withRecords(file, flood), bearer(ana.token));
    expect(res.status).toBe(413);
    await roundTrip(bensClient);
    const ids = (await exportFile(server, g1.boardId, bearer(ana.token))).records.map((r) => r.id);
    expect(ids.filter((id) => id.startsWith('shape:flood'))).toEqual([]);
  });

  it('each writer may import a few files into a board at once, then one every 10 s (429 with Retry-After)', async () => {
    // Each import is a whole-board copy on the server (the update is made against the board as it stands).
    const server = await startTestServer();
    const { ana, ben, g1 } = await classWithGroupOfTwo(server);
    const file = await exportFile(server, g1.boardId, bearer(ana.token));
    const note = (i: number) =>
      withRecords(file, [noteShape(`shape:n${i}`, `idea ${i}`, { x: i * 250, y: 600 })]);
    for (let i = 0; i < 5; i++)
      expect((await importFile(server, g1.boardId, note(i), bearer(ana.token))).status).toBe(200);
    const refused = await importFile(server, g1.boardId, note(5), bearer(ana.token));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await importFile(server, g1.boardId, note(6), bearer(ben.token))).status).toBe(200);
    const ids = (await exportFile(server, g1.boardId, bearer(ana.token))).records.map((r) => r.id);
    expect(ids).not.toContain('shape:n5');
  });

  it('a record nested thousands deep is a 400 naming it, not a stack overflow (500) in the server', async () => {
    const errors: string[] = [];
    const log = { debug() {}, info() {}, error: (message: string) => void errors.push(message) };
    const server = await startTestServer({}, { log });
    const { ana, g1 } = await classWithGroupOfTwo(server);
    const deep = '{"a":'.repeat(12_000) + '1' + '}'.repeat(12_000);
    const body = `{"tldrawFileFormatVersion":1,"schema":{"schemaVersion":2,"sequences":{}},"records":[{"id":"shape:deep","typeName":"shape","type":"geo","meta":${deep}}]}`;
    const res = await fetch(`${server.url}/api/boards/${g1.boardId}/board.tldr`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(ana.token) },
      body,
    });
    expect(res.status).toBe(400);
    const error = (await res.json()) as { issues: { path: unknown[]; message: string }[] };
    expect(error.issues[0]).toMatchObject({ path: ['records', 0], message: expect.stringMatching(/nested/) });
    expect(errors).toEqual([]);
  });
});
