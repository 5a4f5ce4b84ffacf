import { afterEach, expect, it } from 'vitest';
import { createApiClient } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo } from '../../test/classroomClient.js';
import type { ChildServer } from '../../test/childServer.js';
import { spawnServer } from '../../test/childServer.js';
import { describePostgres, freshDatabaseUrl } from '../../test/postgres.js';
import { emitRaw, socketFor } from '../../test/sockets.js';
import { cuttableProxy } from '../../test/cuttableProxy.js';
import { lessonInEveryStore, MARKERS } from '../../test/lessonInEveryStore.js';
import { roundTrip } from '../../test/roundTrip.js';
import type { TestClient } from '../../test/testServer.js';
import {
  connectClient,
  createBoard,
  geoShape,
  noteShape,
  onCleanup,
  startTestServer,
  synced,
  waitFor,
} from '../../test/testServer.js';
import type { RunningServer } from '../../createServer.js';

const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.process.kill('SIGKILL');
});

const postgres = (url: string) => ({ STORAGE: 'postgres', DATABASE_URL: url });

/** Keys of a board's records at the very first sync: never an empty doc, never "eventually". */
async function recordsAtFirstSync(server: RunningServer | { url: string }, boardId: string, token?: string) {
  const client: TestClient = connectClient(
    server as RunningServer,
    boardId,
    token ? { token } : { user: 'x' },
  );
  await synced(client);
  const keys = [...client.records.map.keys()];
  client.provider.destroy();
  return keys;
}

// Each test starts servers on PostgreSQL: a hang guard for a busy machine, not a speed check.
describePostgres('the server on PostgreSQL', () => {
  it(
    'keeps a whole lesson — class, students, group, board, question and answer — across a restart',
    {
      timeout: 60_000,
    },
    async () => {
      const url = await freshDatabaseUrl();
      const first = await startTestServer(postgres(url));
      const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(first);
      const classId = teacher.classId;
      const anaBoard = connectClient(first, g1.boardId, { token: ana.token });
      const benBoard = connectClient(first, g1.boardId, { token: ben.token });
      await Promise.all([synced(anaBoard), synced(benBoard)]);
      anaBoard.records.set('shape:ana-note', noteShape('shape:ana-note', 'cost per pen is 0.67'));
      for (let i = 0; i < 50; i++) benBoard.records.set(`shape:b${i}`, geoShape(`shape:b${i}`, { x: i }));
      await Promise.all([roundTrip(anaBoard), roundTrip(benBoard)]);
      await waitFor(
        () => anaBoard.records.has('shape:b49') && benBoard.records.has('shape:ana-note'),
        'relays',
      );

      const question = await teacher.api.poseQuestion({
        params: { classId },
        body: { text: 'How do you know?', groupId: g1.groupId },
      });
      // The teacher hears the answer live: a broadcast, held until PostgreSQL has the answer.
      const teacherSocket = socketFor(first, { classId }, teacher.cookie);
      await waitFor(() => teacherSocket.connected, 'the teacher’s socket');
      const heard: string[] = [];
      teacherSocket.on('answerPosted', ({ answer }) => heard.push(answer.text));
      const anaSocket = socketFor(first, { token: ana.token });
      const ack = await new Promise((resolve) =>
        anaSocket.emit('answerQuestion', { questionId: question.questionId, text: 'I divided' }, resolve),
      );
      expect(ack).toMatchObject({ ok: true });
      await waitFor(() => heard.includes('I divided'), 'the answer to reach the teacher');
      anaSocket.disconnect();
      anaBoard.provider.destroy();
      benBoard.provider.destroy();
      await first.close();

      // A new process on the same database: everything is there, and the sessions it signed still hold.
      const second = await startTestServer(postgres(url));
      const asTeacher = createApiClient({ origin: second.url, headers: { cookie: teacher.cookie } });
      const classState = await asTeacher.classState({ params: { classId } });
      expect(classState.students.map((s) => s.displayName).sort()).toEqual(['Ana', 'Ben']);
      expect(classState.groups.map((g) => g.name)).toEqual(['Group 1']);
      const questions = await asTeacher.listQuestions({ params: { classId } });
      expect(questions).toMatchObject([{ text: 'How do you know?', answers: [{ text: 'I divided' }] }]);
      const work = await apiOf(second, ana.token).myWork({ params: { classId } });
      expect(work.displayName).toBe('Ana');
      const keys = await recordsAtFirstSync(second, g1.boardId, ana.token);
      expect(keys).toContain('shape:ana-note');
      for (let i = 0; i < 50; i++) expect(keys).toContain(`shape:b${i}`);
    },
  );

  it(
    'keeps every store of a class: its full export is the same after a restart',
    { timeout: 60_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const first = await startTestServer({ ...postgres(url), TAG_DEBOUNCE_MS: '0' });
      const { teacher } = await lessonInEveryStore(first);
      const classId = teacher.classId;
      // Tagging runs after the writes; the export is compared once the tags are in.
      await waitFor(() => first.tagging.tagsOf(classId).some((t) => t.text.includes(MARKERS.note)), 'tags');
      const exportFrom = async (server: RunningServer) => {
        const res = await fetch(`${server.url}/api/classes/${classId}/export`, {
          headers: { cookie: teacher.cookie },
        });
        expect(res.status).toBe(200);
        const { exportedAt: _, ...rest } = (await res.json()) as Record<string, unknown>;
        return rest;
      };
      const before = await exportFrom(first);
      for (const marker of [
        MARKERS.note,
        MARKERS.answer,
        MARKERS.reflection,
        MARKERS.rationale,
        MARKERS.name,
      ])
        expect(JSON.stringify(before)).toContain(marker);
      await first.close();

      const second = await startTestServer(postgres(url));
      expect(await exportFrom(second)).toEqual(before);
    },
  );

  it('refuses a second process on the same database, naming DATABASE_URL', async () => {
    const url = await freshDatabaseUrl();
    const first = await startTestServer(postgres(url));
    await createBoard(first);
    await expect(startTestServer(postgres(url))).rejects.toThrow(/another Conjecture process .*DATABASE_URL/);
  });

  it('loses none of the updates it relayed when killed with SIGKILL', { timeout: 120_000 }, async () => {
    const url = await freshDatabaseUrl();
    const first = await spawnServer(postgres(url));
    children.push(first);
    const boardId = await createBoard(first as unknown as RunningServer);
    const writer = connectClient(first as unknown as RunningServer, boardId, { user: 'alice' });
    const observer = connectClient(first as unknown as RunningServer, boardId, { user: 'bob' });
    await Promise.all([synced(writer), synced(observer)]);
    const UPDATES = 300;
    for (let i = 0; i < UPDATES; i++) writer.records.set(`shape:k${i}`, geoShape(`shape:k${i}`, { x: i }));
    // Relayed to the observer means committed in PostgreSQL: the relay waits for it.
    await waitFor(() => observer.records.has(`shape:k${UPDATES - 1}`), 'every update to be relayed', 30_000);
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    writer.provider.destroy(); // the writer must not re-send anything after the restart
    observer.provider.destroy();

    const second = await spawnServer(postgres(url));
    children.push(second);
    const keys = await recordsAtFirstSync(second, boardId);
    for (let i = 0; i < UPDATES; i++) expect(keys).toContain(`shape:k${i}`);
  });
});

it('stops at start-up with a message naming DATABASE_URL when PostgreSQL is unreachable', async () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  await expect(spawnServer(postgres('postgres://conjecture@127.0.0.1:1/conjecture'))).rejects.toThrow(
    /Conjecture could not start: cannot reach PostgreSQL at DATABASE_URL/,
  );
  await expect(spawnServer({ STORAGE: 'postgres' })).rejects.toThrow(/DATABASE_URL: required/);
});

describePostgres('the server losing PostgreSQL while running', () => {
  it(
    'refuses writes and closes boards while PostgreSQL is gone, and takes them again when it is back',
    {
      timeout: 60_000,
    },
    async () => {
      const url = new URL(await freshDatabaseUrl());
      const proxy = await cuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
      onCleanup(() => proxy.close());
      url.host = `127.0.0.1:${proxy.port}`;
      const server = await startTestServer(postgres(url.toString()));
      const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
      const anaBoard = connectClient(server, g1.boardId, { token: ana.token });
      await synced(anaBoard);
      anaBoard.records.set('shape:before', geoShape('shape:before'));
      await roundTrip(anaBoard);

      await proxy.cut();
      // Ana keeps drawing: her change is never relayed, and the board closes her connection.
      const benBoard = connectClient(server, g1.boardId, { token: ben.token });
      anaBoard.records.set('shape:during', geoShape('shape:during', { x: 100 }));
      await waitFor(() => !anaBoard.provider.wsconnected, 'the board to close its connections');
      expect(benBoard.records.has('shape:during')).toBe(false);
      // REST writes are answered 503 (the one that found it gone first: not confirmed; later ones: refused).
      const addGroup = () =>
        teacher.request('POST', `/api/classes/${teacher.classId}/groups`, { name: 'Later' });
      const refused = await addGroup();
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ code: 'unavailable' });
      const socket = socketFor(server, { token: ana.token });
      const ack = await emitRaw(socket, 'raiseHand', { raised: true });
      expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });

      await proxy.restore();
      // Each write is also a probe: the first one after PostgreSQL is back is taken.
      let status = 0;
      for (let tries = 0; status !== 201 && tries < 100; tries++) status = (await addGroup()).status;
      expect(status).toBe(201);
      await waitFor(() => anaBoard.provider.synced && benBoard.records.has('shape:during'), 'the board back');
      await server.close();

      // What was accepted is in PostgreSQL: a new process sees it.
      const again = await startTestServer(postgres(url.toString()));
      const keys = await recordsAtFirstSync(again, g1.boardId, ana.token);
      expect(keys).toEqual(expect.arrayContaining(['shape:before', 'shape:during']));
      const asTeacher = createApiClient({ origin: again.url, headers: { cookie: teacher.cookie } });
      const state = await asTeacher.classState({ params: { classId: teacher.classId } });
      expect(state.groups.map((g) => g.name)).toContain('Later');
    },
  );
});
