import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROUTE_BUDGETS } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { freeBoardConnections } from '../yjs/yjsEndpoint.js';
import { createBoard, startTestServer } from '../test/testServer.js';
import { admissionGates } from './classroomHandlers.js';

/** A PNG (its signature is what the server checks) padded to 400 bytes. */
const IMAGE = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.alloc(371),
]);

/** Two servers of one cluster process (shards 3 and 40), sharing its limits, on a clock that stands still. */
async function twoShardsOfOneProcess() {
  const now = () => 1_000_000;
  const limits = {
    signingKey: randomBytes(32),
    // Room for two of those images an hour.
    gates: admissionGates(now, { classesPerHour: 10, boardsPerHour: 10, uploadBytesPerHour: 1024 }),
    freeBoardConnections: freeBoardConnections(),
  };
  const [one, other] = [
    await startTestServer({}, { now, shard: { shard: 3, ...limits } }),
    await startTestServer({}, { now, shard: { shard: 40, ...limits } }),
  ];
  return { one, other, limits };
}

const uploadTo = async (server: RunningServer, boardId: string) =>
  (
    await fetch(`${server.url}/api/assets?boardId=${boardId}&user=ada`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: IMAGE,
    })
  ).status;

// A cluster process runs a whole server per shard (up to 64): budgets kept per server would give a client
// address 64 times its budget, for the price of a different `?shard=` on each call.
describe('the per-address budgets of servers sharing one process’s gates (a cluster process’s shards)', () => {
  it('are one budget per route for all of them', async () => {
    const { one, other, limits } = await twoShardsOfOneProcess();
    const config = (server: { url: string }) => fetch(`${server.url}/api/config`).then((r) => r.status);
    expect([await config(one), await config(other)]).toEqual([200, 200]);
    // The rest of this address's read budget spent (here rather than by thousands of calls)…
    const address = { kind: 'address', key: '127.0.0.1' } as const;
    while (limits.gates.routes.take('config', ROUTE_BUDGETS.read, address) === null);
    // …is spent on both shards' servers.
    expect([await config(one), await config(other)]).toEqual([429, 429]);
  });

  it('are one upload budget for images on boards outside a class', async () => {
    const { one, other } = await twoShardsOfOneProcess();
    const [onOne, onOther] = [await createBoard(one), await createBoard(other)];
    expect(await uploadTo(one, onOne)).toBe(201);
    expect(await uploadTo(other, onOther)).toBe(201);
    expect(await uploadTo(other, onOther)).toBe(429);
    expect(await uploadTo(one, onOne)).toBe(429);
  });
});
