import { describe, expect, it } from 'vitest';
import { classWithGroupOfTwo } from './test/classroomClient.js';
import { RecordingClock } from './test/recordingClock.js';
import { emitRaw, socketFor } from './test/sockets.js';
import {
  connectClient,
  createBoard,
  geoShape,
  noteShape,
  startTestServer,
  synced,
  waitFor,
} from './test/testServer.js';

const started = (clock: RecordingClock) => [...new Set(clock.liveTimers().map((t) => t.startedBy))].sort();

describe('closing the server', () => {
  it('stops every timer it started: dashboard and state-vector throttles, tagging debounce, idle rooms, pings, group commit, expiry sweep', async () => {
    // Timeouts and intervals are held (they never run on their own), so each is still pending when the server
    // closes; immediates run, or nothing would ever be stored.
    const clock = new RecordingClock((timer) => timer.kind !== 'immediate');
    const server = await startTestServer({ ROOM_IDLE_MS: '600000' }, { clock });
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const dashboard = socketFor(server, { classId: teacher.classId }, teacher.cookie);
    expect(await emitRaw(dashboard, 'watchBoard', { boardId: g1.boardId })).toMatchObject({ ok: true });

    // A student's note: stored, it stamps the group's activity, confirms a state vector and waits to be tagged.
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    a.records.set('shape:n', noteShape('shape:n', 'I think 3/4 is more than 2/3'));
    // A board nobody holds any more waits to be unloaded.
    const loose = await createBoard(server);
    const visitor = connectClient(server, loose, { user: 'visitor' });
    await synced(visitor);
    visitor.provider.destroy();
    const expected = [
      'boards/boardRooms.ts', // the idle room
      'realtime/classroomEffects.ts', // the dashboard's activity
      'realtime/realtime.ts', // the board's state vector
      'realtime/sessionExpiry.ts', // the sweep for sessions expiring while connected
      'tagging/taggingService.ts', // the note's tagging
      'yjs/yjsEndpoint.ts', // Ana's keep-alive ping
    ];
    await waitFor(
      () => expected.every((m) => started(clock).includes(m)),
      `timers from ${expected.join(', ')}`,
    );

    // A change the server makes itself joins the turn's group commit, which flushes on the next immediate.
    server.rooms.get(g1.boardId)?.change((records) => records.set('shape:s', geoShape('shape:s')));
    expect(started(clock)).toContain('boards/groupCommit.ts');

    await server.close();
    expect(clock.liveTimers()).toEqual([]);
  });
});
