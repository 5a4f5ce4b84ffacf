import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.js';
import { startTestServer } from '../test/testServer.js';

/** A board store whose disk can be made to fail, as a full or broken volume would. */
class FailingStore extends MemoryStore {
  failing = false;
  override getBoard(boardId: string) {
    if (this.failing) throw new Error('SQLITE_IOERR: disk I/O error');
    return super.getBoard(boardId);
  }
}

describe('GET /healthz', () => {
  it('is ok while storage answers, and 503 with the reason once it does not', async () => {
    const store = new FailingStore();
    const server = await startTestServer({}, { store });
    const health = async () => {
      const res = await fetch(`${server.url}/healthz`);
      return { status: res.status, cache: res.headers.get('cache-control'), body: await res.json() };
    };
    expect(await health()).toMatchObject({
      status: 200,
      cache: 'no-store',
      body: { status: 'ok', storage: 'memory', uptimeSeconds: expect.any(Number) },
    });
    store.failing = true;
    expect(await health()).toMatchObject({
      status: 503,
      body: { status: 'unavailable', reason: 'storage does not answer' },
    });
    // the disk's own words stay in the server's log, not on a public probe
    expect(JSON.stringify((await health()).body)).not.toContain('SQLITE');
    store.failing = false;
    expect((await health()).status).toBe(200);
  });
});
