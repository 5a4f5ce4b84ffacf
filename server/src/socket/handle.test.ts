import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import WebSocket from 'ws';
import type { Result } from '@conjecture/shared';
import { ok, PROTOCOL_VERSION } from '@conjecture/shared';
import { silentLogger } from '../util/logger.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { onCleanup, startTestServer, waitFor } from '../test/testServer.js';
import { handle } from './handle.js';

describe('handle(): the one door for socket events', () => {
  const schema = z.object({ n: z.number() }).strict();

  it('never calls the handler with a payload that fails its schema', async () => {
    let called = false;
    const run = handle('count', schema, () => ((called = true), ok(1)), {
      log: silentLogger,
    });
    const acks: Array<Result<number>> = [];
    await run({ n: 'one' }, (r: Result<number>) => acks.push(r));
    expect(called).toBe(false);
    expect(acks[0]).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [{ path: ['n'] }] } });
  });

  it('answers anything the handler throws with internal, without leaking the error', async () => {
    const run = handle(
      'boom',
      schema,
      () => {
        throw new Error('secret stack detail');
      },
      { log: silentLogger },
    );
    const acks: Array<Result<number>> = [];
    await run({ n: 1 }, (r: Result<number>) => acks.push(r));
    expect(acks[0]).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(acks[0])).not.toMatch(/secret/);
  });

  it('tolerates an event sent without an acknowledgement', async () => {
    const run = handle('quiet', schema, () => ok(1), { log: silentLogger });
    await expect(run({ n: 1 })).resolves.toBeUndefined();
    await expect(run('garbage', 'not a function')).resolves.toBeUndefined();
  });
});

describe('non-JSON socket payloads', () => {
  it('drops a client that sends a broken packet and keeps serving others', async () => {
    const server = await startTestServer();
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    onCleanup(() => raw.terminate());
    const messages: string[] = [];
    raw.on('message', (m) => messages.push(m.toString()));
    const closed = new Promise<void>((resolve) => raw.on('close', () => resolve()));
    await waitFor(() => messages.some((m) => m.startsWith('0')), 'the engine.io open packet');
    raw.send(`40${JSON.stringify({ protocolVersion: PROTOCOL_VERSION })}`);
    await waitFor(() => messages.some((m) => m.startsWith('40')), 'the socket.io connect ack');
    raw.send('42["watchBoard",{"boardId":'); // truncated JSON
    await closed;

    const healthy = socketFor(server, {});
    const reply = await emitRaw(healthy, 'watchBoard', { boardId: 'abcdefgh' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
