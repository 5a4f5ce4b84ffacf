import { describe, expect, it } from 'vitest';
import type { Result } from '@conjecture/shared';
import { clientEventBudgets } from '@conjecture/shared';
import { MAX_REPLIES_PER_THREAD } from '@conjecture/shared/board/index';
import type { RunningServer } from '../createServer.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import type { ClientSocket } from '../test/sockets.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

/**
 * Critique replies are written into the board by the server on a student's behalf: they count against the
 * board's cap like the student's own updates, and a thread (rewritten whole with every reply) is bounded.
 * The budget of posts is the student's, whatever the sockets: the test moves the clock on by a whole burst's
 * refill after each burst.
 */
async function critiqueRound(env: Record<string, string> = {}) {
  const clock = { at: 1_000_000 };
  const server = await startTestServer(env, { now: () => clock.at });
  const { ana, g1 } = await classWithGroupOfTwo(server);
  const board = connectClient(server, g1.boardId, { token: ana.token });
  await synced(board);
  board.records.set('shape:claim', noteShape('shape:claim', '3/4 > 2/3'));
  await waitFor(() => server.rooms.get(g1.boardId)?.records.get('shape:claim'), 'the shape on the server');
  const socket: ClientSocket = socketFor(server, { token: ana.token });
  const { burst, perSecond } = clientEventBudgets.postCritique;
  let sent = 0;
  const post = (text: string): Promise<Result<unknown>> => {
    if (sent > 0 && sent % burst === 0) clock.at += (burst / perSecond) * 1000;
    sent++;
    return emitRaw(socket, 'postCritique', {
      boardId: g1.boardId,
      shapeId: 'shape:claim',
      stance: 'question',
      text,
    });
  };
  const replies = () =>
    (server.rooms.get(g1.boardId)?.records.get('critique:claim') as { replies: unknown[] } | undefined)
      ?.replies.length ?? 0;
  return { server, g1, post, replies };
}

const storedBytes = (server: RunningServer, boardId: string) => {
  server.rooms.get(boardId)?.stateVector(); // flushes the group commit
  return server.store.loadBytes(boardId);
};

describe('critique replies against the board’s limits', () => {
  it('refuses a reply the full board cannot take with board_full, and writes nothing past the cap', async () => {
    const { server, g1, post, replies } = await critiqueRound({ MAX_BOARD_BYTES: String(64 * 1024) });
    let refused: Result<unknown> | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const ack = await post(`Why is that? ${i} `.padEnd(1000, '.'));
      if (!ack.ok) refused = ack;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'board_full', message: /board is full/ } });
    const before = replies();
    expect(storedBytes(server, g1.boardId)).toBeLessThanOrEqual(64 * 1024);
    // A short reply does not fit either: nothing is written once the board is full.
    expect(await post('Short?')).toMatchObject({ ok: false, error: { code: 'board_full' } });
    expect(replies()).toBe(before);
  });

  it(`bounds a thread at ${MAX_REPLIES_PER_THREAD} replies`, async () => {
    const { post, replies } = await critiqueRound();
    for (let i = 0; i < MAX_REPLIES_PER_THREAD; i++)
      expect(await post(`Reply ${i}`)).toMatchObject({ ok: true });
    expect(await post('One more')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /thread is full/ },
    });
    expect(replies()).toBe(MAX_REPLIES_PER_THREAD);
    expect(MAX_REPLIES_PER_THREAD).toBeLessThanOrEqual(50);
  });
});
