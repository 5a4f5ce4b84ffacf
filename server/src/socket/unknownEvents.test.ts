import { describe, expect, it } from 'vitest';
import type { Result } from '@conjecture/shared';
import { RATE_LIMIT_STRIKES } from '@conjecture/shared';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { emitRaw, socketFor, type ClientSocket } from '../test/sockets.js';
import { startTestServer } from '../test/testServer.js';

/** Emits `event` and records its acknowledgement, if one ever comes. */
function emitNoted(socket: ClientSocket, event: string, payload: unknown) {
  const noted: { ack?: Result<unknown> } = {};
  (socket.emit as (...a: unknown[]) => void)(event, payload, (r: Result<unknown>) => (noted.ack = r));
  return noted;
}

// socket.io drops an event nobody listens to: its acknowledgement never came, and nothing charged it, so a
// client could send them (each parsed, up to 1 MB) for ever without meeting a budget.
describe('an event the contract does not have', () => {
  it('is answered bad_request at once, costs a strike, and a socket that keeps sending them is disconnected', async () => {
    const clock = { at: 1_000_000 };
    const server = await startTestServer({}, { now: () => clock.at });
    const { ana } = await classWithGroupOfTwo(server);
    const socket = socketFor(server, { token: ana.token });
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));

    const unknown = emitNoted(socket, 'poseQuestion', { text: 'a student posing a question' });
    // Acknowledgements come in order on one socket: once this one is in, an earlier one would have been too.
    expect(await emitRaw(socket, 'raiseHand', { raised: false })).toMatchObject({ ok: true });
    expect(unknown.ack).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/unknown event poseQuestion/) },
    });

    for (let i = 0; i < RATE_LIMIT_STRIKES.burst; i++) emitNoted(socket, `made-up-${i}`, {});
    expect(await disconnected).toBe('io server disconnect');
  });
});
