import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YDOC_RECORDS_KEY } from '@conjecture/shared';
import { YKeyValue } from 'y-utility/y-keyvalue';
export { geoShape, noteShape } from './records.js';
import type { Config } from '../config.js';
import { parseConfig } from '../config.js';
import type { RunningServer, ServerOverrides } from '../createServer.js';
import { startServer } from '../createServer.js';
import { silentLogger } from '../util/logger.js';
import { onCleanup } from './cleanup.js';
import { RecordingClock } from './recordingClock.js';

export { onCleanup } from './cleanup.js';

/**
 * A real server on 127.0.0.1, port 0, in-memory storage unless told otherwise; closed after the test, which
 * then fails if the server still holds a timer (its clock records them from outside its scheduler).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: ServerOverrides & { clock?: RecordingClock } = {},
): Promise<RunningServer & { config: Config; clock: RecordingClock }> {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE: 'memory',
    LOG_LEVEL: 'silent',
    ROOM_IDLE_MS: '0',
    CLIENT_DIST: '/nonexistent',
    ...env,
  });
  const clock = overrides.clock ?? new RecordingClock();
  const server = await startServer(config, { log: silentLogger, ...overrides, clock });
  onCleanup(async () => {
    await server.close();
    const left = clock.liveTimers();
    if (left.length > 0)
      throw new Error(`the closed server still holds ${left.length} timer(s): ${JSON.stringify(left)}`);
  });
  return { ...server, config, clock };
}

export async function createBoard(server: RunningServer, title = 'Test board'): Promise<string> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`createBoard: ${res.status}`);
  return ((await res.json()) as { boardId: string }).boardId;
}

export const wsUrl = (server: RunningServer) => `${server.url.replace(/^http/, 'ws')}/yjs`;

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  records: YKeyValue<Record<string, unknown>>;
}

/** A stock y-websocket client, as any third party would connect. */
export function connectClient(
  server: RunningServer,
  boardId: string,
  params: Record<string, string> = { user: 'alice' },
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl(server), boardId, doc, {
    params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const records = new YKeyValue<Record<string, unknown>>(doc.getArray(YDOC_RECORDS_KEY));
  onCleanup(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, records };
}

/**
 * Polls until `check` returns truthy (no fixed sleeps); fails with `what` after `timeoutMs`, a hang guard sized
 * for a busy machine, not a speed check.
 */
export async function waitFor<T>(check: () => T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (client: TestClient) => waitFor(() => client.provider.synced, 'the provider to sync');

/** A raw websocket to the Yjs endpoint, for sending what no well-behaved client would (any headers too). */
export async function rawSocket(
  server: RunningServer,
  boardId: string,
  query = 'user=mallory',
  headers: Record<string, string> = {},
) {
  const ws = new WebSocket(`${wsUrl(server)}/${boardId}?${query}`, { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed before open: ${code}`)));
  });
  onCleanup(() => ws.terminate());
  return { ws, closed };
}
