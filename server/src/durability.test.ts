import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { YDOC_RECORDS_KEY } from '@conjecture/shared';
import type { ChildServer } from './test/childServer.js';
import { spawnServer } from './test/childServer.js';
import { geoShape, onCleanup, waitFor } from './test/testServer.js';

const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.process.kill('SIGKILL');
});

async function start(dataDir: string) {
  const server = await spawnServer({ DATA_DIR: dataDir, SNAPSHOT_EVERY_UPDATES: '100' });
  children.push(server);
  return server;
}

function client(url: string, boardId: string, user: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/yjs`, boardId, doc, {
    params: { user },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 100,
  });
  onCleanup(() => {
    provider.destroy();
    doc.destroy();
  });
  const records = new YKeyValue<Record<string, unknown>>(doc.getArray(YDOC_RECORDS_KEY));
  return { doc, provider, records };
}

async function newBoard(url: string) {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return ((await res.json()) as { boardId: string }).boardId;
}

/** Records present in the very first sync after a restart: never an empty doc, never "eventually". */
async function recordsAtFirstSync(url: string, boardId: string) {
  const c = client(url, boardId, 'checker');
  await waitFor(() => c.provider.synced, 'the first sync after restart', 10_000);
  const keys = [...c.records.map.keys()];
  c.provider.destroy();
  return keys;
}

const UPDATES = 400;

// Each test starts the built server twice as a child process: a hang guard for a busy machine, not a speed check.
describe('durability of the real server process', { timeout: 120_000 }, () => {
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-durable-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('loses none of the updates it relayed when killed with SIGKILL', async () => {
    const dir = dataDir();
    const first = await start(dir);
    const boardId = await newBoard(first.url);
    const writer = client(first.url, boardId, 'alice');
    const observer = client(first.url, boardId, 'bob');
    await waitFor(() => writer.provider.synced && observer.provider.synced, 'both clients to sync');

    for (let i = 0; i < UPDATES; i++) writer.records.set(`shape:k${i}`, geoShape(`shape:k${i}`, { x: i }));
    // Relayed to the observer means accepted by the server, which stores before it relays.
    await waitFor(() => observer.records.has(`shape:k${UPDATES - 1}`), 'every update to be relayed', 15_000);
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    writer.provider.destroy(); // the writer must not re-send anything after the restart
    observer.provider.destroy();

    const second = await start(dir);
    const keys = await recordsAtFirstSync(second.url, boardId);
    for (let i = 0; i < UPDATES; i++) expect(keys).toContain(`shape:k${i}`);
    expect(keys).toContain('document:document');
  });

  it('flushes on SIGTERM and loads everything after a restart', async () => {
    const dir = dataDir();
    const first = await start(dir);
    const boardId = await newBoard(first.url);
    const writer = client(first.url, boardId, 'alice');
    await waitFor(() => writer.provider.synced, 'sync');
    for (let i = 0; i < 150; i++) writer.records.set(`shape:t${i}`, geoShape(`shape:t${i}`));
    writer.records.delete('shape:t0');
    const observer = client(first.url, boardId, 'bob');
    await waitFor(() => observer.records.has('shape:t149') && !observer.records.has('shape:t0'), 'relay');
    writer.provider.destroy();
    first.process.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = await start(dir);
    const keys = await recordsAtFirstSync(second.url, boardId);
    expect(keys).toContain('shape:t149');
    expect(keys).not.toContain('shape:t0');
    expect(keys.filter((k) => k.startsWith('shape:t'))).toHaveLength(149);
  });

  it('stops at start-up with a clear message on a bad setting or a broken database file', async () => {
    await expect(spawnServer({ PORT: 'eighty' })).rejects.toThrow(/Invalid configuration[\s\S]*PORT/);
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'conjecture.sqlite'), 'garbage '.repeat(1000));
    await expect(spawnServer({ DATA_DIR: dir })).rejects.toThrow(/cannot open the database/);
  });
});
