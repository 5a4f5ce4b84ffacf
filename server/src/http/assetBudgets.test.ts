import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../createServer.js';
import { classAssetOwner } from '../storage/boardStore.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { createBoard, startTestServer } from '../test/testServer.js';

/** A PNG (its signature is what the server checks) padded to 400 bytes. */
const IMAGE = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.alloc(371),
]);

/** Room for two of those images an hour. */
const BUDGET = { MAX_ASSET_BYTES: '1024', MAX_UPLOAD_BYTES_PER_HOUR: '1024' };

async function upload(server: RunningServer, target: string, token?: string) {
  const res = await fetch(`${server.url}/api/assets?${target}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: IMAGE,
  });
  const body = (await res.json()) as { url?: string; code?: string; message?: string };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ...body };
}

const classAssets = (server: RunningServer, classId: string) =>
  server.rooms.store.assetsOwnedBy(classAssetOwner(classId)).length;

// Every upload is stored for good (until its board or class goes): without a budget one script filled the
// server's disk, 10 MB a request, with a student's token — or with none, on a board outside any class.
describe('uploads are budgeted per uploader (MAX_UPLOAD_BYTES_PER_HOUR)', () => {
  it('a student past their bytes is refused with 429 and Retry-After, nothing stored; a classmate keeps his', async () => {
    const server = await startTestServer(BUDGET);
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const board = `boardId=${g1.boardId}`;
    expect((await upload(server, board, ana.token)).status).toBe(201);
    expect((await upload(server, board, ana.token)).status).toBe(201);
    const refused = await upload(server, board, ana.token);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(refused.message).toMatch(/images/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(classAssets(server, teacher.classId)).toBe(2);
    // Her budget is hers: Ben's upload to the same board goes through.
    expect((await upload(server, board, ben.token)).status).toBe(201);
  });

  it('without a credential (a board outside any class), the budget is the client address’s whatever ?user= says', async () => {
    const server = await startTestServer(BUDGET);
    const boardId = await createBoard(server);
    expect((await upload(server, `boardId=${boardId}&user=a`)).status).toBe(201);
    expect((await upload(server, `boardId=${boardId}&user=b`)).status).toBe(201);
    expect((await upload(server, `boardId=${boardId}&user=c`)).status).toBe(429);
    const another = await createBoard(server);
    expect((await upload(server, `boardId=${another}&user=d`)).status).toBe(429);
  });
});
