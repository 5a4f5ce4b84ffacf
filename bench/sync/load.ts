import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { YDOC_RECORDS_KEY, YJS_PATH } from '@conjecture/shared';
import type { BenchServer, LoopDelay } from './servers.js';
import { cpuTimeMs, machineBusyMs, rssMb } from './servers.js';
import type { ShapeRecord } from './shapeRecord.js';
import { geoShape } from './shapeRecord.js';
import { percentile, seededRandom } from './stats.js';

export interface LoadOptions {
  clients: number;
  roomSize: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** After the window, how long receipts of updates sent in it are still awaited. */
  drainMs: number;
  seed: number;
}

export interface LoadResult {
  /** Send → receipt at each other room member, for updates sent inside the window. */
  latenciesMs: number[];
  awarenessLatenciesMs: number[];
  updatesSent: number;
  expectedReceipts: number;
  receipts: number;
  windowMs: number;
  serverCpuMs: number;
  /** The part of it in the server's main thread (JavaScript and what it calls synchronously). */
  serverMainThreadCpuMs: number;
  serverRssMb: number;
  generatorCpuPercent: number;
  generatorLoopDelayP99Ms: number;
  /** The server's own event-loop delay over the window (null if it did not answer). */
  serverLoopDelay: LoopDelay | null;
  /** Websocket messages and bytes the generator received per second in the window. */
  receivedMessagesPerSecond: number;
  receivedKbPerSecond: number;
  /** CPU the rest of the machine (other tenants) used in the window, in % of one core. */
  otherCpuPercent: number;
  disconnects: number;
  /** The measured window on the monotonic clock (µs), as V8's CPU profiles time their samples. */
  windowMonotonicUs: { startUs: number; endUs: number };
}

/** What the generator received, so a difference in traffic between the servers shows. */
const traffic = { messages: 0, bytes: 0 };

/** The stock `ws` client, counting what it receives. */
class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('message', (data: Buffer) => {
      traffic.messages++;
      traffic.bytes += data.byteLength;
    });
  }
}

type RecordChange =
  { action: 'delete'; oldValue: ShapeRecord } | { action: 'add' | 'update'; newValue: ShapeRecord };

const SYNC_TIMEOUT_MS = 30_000;
const POLL_MS = 20;
const USER_COLOR = '#1971c2';

interface SimClient {
  userId: string;
  shapeId: string;
  room: SimClient[];
  doc: Y.Doc;
  provider: WebsocketProvider;
  records: YKeyValue<ShapeRecord>;
  seq: number;
}

const wallClockMs = () => performance.timeOrigin + performance.now();
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives one server with `clients` simulated y-websocket clients in rooms of `roomSize` (one room per board
 * id): each moves its own geo shape at a steady rate and publishes a cursor over awareness. Returns the
 * delivery latencies and the server's CPU and memory over the measured window.
 */
export async function runLoad(
  server: BenchServer,
  boardIds: string[],
  options: LoadOptions,
): Promise<LoadResult> {
  const random = seededRandom(options.seed);
  const wsBase = `${server.url.replace(/^http/, 'ws')}${YJS_PATH}`;
  const clients: SimClient[] = [];
  const rooms: SimClient[][] = boardIds.map(() => []);
  let window = { start: Infinity, end: Infinity };
  const inWindow = (sentAt: number) => sentAt >= window.start && sentAt < window.end;

  const latenciesMs: number[] = [];
  const awarenessLatenciesMs: number[] = [];
  let updatesSent = 0;
  let expectedReceipts = 0;
  let receipts = 0;
  let disconnects = 0;

  // y-websocket's provider registers a process 'exit' listener each: hundreds are expected here.
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.clients + 20));
  for (let i = 0; i < options.clients; i++) {
    const roomIndex = Math.floor(i / options.roomSize);
    const boardId = boardIds[roomIndex];
    const room = rooms[roomIndex];
    if (boardId === undefined || room === undefined) throw new Error(`no board for room ${roomIndex}`);
    const userId = `u${i}`;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsBase, boardId, doc, {
      params: { user: userId },
      WebSocketPolyfill: CountingWebSocket as never,
      disableBc: true,
      maxBackoffTime: 1000,
    });
    const client: SimClient = {
      userId,
      shapeId: `shape:bench${i}`,
      room,
      doc,
      provider,
      records: new YKeyValue<ShapeRecord>(doc.getArray(YDOC_RECORDS_KEY)),
      seq: 0,
    };
    client.records.on('change', (changes: Map<string, RecordChange>, tr: Y.Transaction) => {
      if (tr.local) return;
      const now = wallClockMs();
      for (const [key, change] of changes) {
        if (key === client.shapeId || change.action === 'delete') continue;
        const sentAt = change.newValue.meta?.sentAt;
        if (typeof sentAt !== 'number' || !inWindow(sentAt)) continue;
        receipts++;
        latenciesMs.push(now - sentAt);
      }
    });
    provider.awareness.on('change', (changes: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin === 'local') return;
      const now = wallClockMs();
      const states = provider.awareness.getStates();
      for (const id of [...changes.added, ...changes.updated]) {
        if (id === doc.clientID) continue;
        const sentAt = (states.get(id) as { presence?: { sentAt?: unknown } } | undefined)?.presence?.sentAt;
        if (typeof sentAt === 'number' && inWindow(sentAt)) awarenessLatenciesMs.push(now - sentAt);
      }
    });
    provider.on('connection-close', () => {
      if (Number.isFinite(window.start)) disconnects++;
    });
    room.push(client);
    clients.push(client);
  }

  const timers: NodeJS.Timeout[] = [];
  try {
    await waitUntil(
      () => clients.every((c) => c.provider.synced),
      SYNC_TIMEOUT_MS,
      () => {
        const synced = clients.filter((c) => c.provider.synced).length;
        return `${synced}/${clients.length} clients synced with the ${server.kind} server`;
      },
    );

    const sendUpdate = (c: SimClient) => {
      const sentAt = wallClockMs();
      c.seq++;
      c.records.set(c.shapeId, geoShape(c.shapeId, random() * 1000, random() * 1000, { sentAt, seq: c.seq }));
      if (inWindow(sentAt)) {
        updatesSent++;
        expectedReceipts += c.room.length - 1;
      }
    };
    const sendAwareness = (c: SimClient) => {
      c.provider.awareness.setLocalState({
        user: { id: c.userId, color: USER_COLOR },
        presence: { cursor: { x: random() * 1000, y: random() * 1000 }, sentAt: wallClockMs() },
      });
    };
    // Every shape exists before the warm-up, so the window measures updates, not creations.
    for (const c of clients) sendUpdate(c);

    const every = (perSecond: number, fn: () => void) => {
      if (perSecond <= 0) return;
      const periodMs = 1000 / perSecond;
      timers.push(
        setTimeout(() => {
          fn();
          timers.push(setInterval(fn, periodMs));
        }, random() * periodMs),
      );
    };
    for (const c of clients) {
      every(options.updatesPerSecond, () => sendUpdate(c));
      every(options.awarenessPerSecond, () => sendAwareness(c));
    }

    await sleep(options.warmupMs);
    await server.loopDelay(); // resets the server's histogram: the window starts now
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const startCpu = cpuTimeMs(server.pid);
    const startMainCpu = cpuTimeMs(server.pid, { mainThread: true });
    const startGenerator = process.cpuUsage();
    const startMachine = machineBusyMs();
    const startTraffic = { ...traffic };
    const startUs = monotonicUs();
    const start = wallClockMs();
    // The window stays open until the timers stop, so every update it counts as sent is also awaited.
    window = { start, end: Infinity };

    await sleep(options.measureMs);
    for (const t of timers) clearInterval(t);
    const end = wallClockMs();
    const endUs = monotonicUs();
    window.end = end;
    const serverCpuMs = cpuTimeMs(server.pid) - startCpu;
    const serverMainThreadCpuMs = cpuTimeMs(server.pid, { mainThread: true }) - startMainCpu;
    const serverRssMb = rssMb(server.pid);
    const generator = process.cpuUsage(startGenerator);
    const machineMs = machineBusyMs() - startMachine;
    const generatorMs = (generator.user + generator.system) / 1000;
    const windowS = (end - start) / 1000;
    const receivedMessagesPerSecond = (traffic.messages - startTraffic.messages) / windowS;
    const receivedKbPerSecond = (traffic.bytes - startTraffic.bytes) / 1024 / windowS;
    loopDelay.disable();
    const serverLoopDelay = await server.loopDelay();

    const drainUntil = performance.now() + options.drainMs;
    while (receipts < expectedReceipts && performance.now() < drainUntil) await sleep(POLL_MS);

    return {
      latenciesMs,
      awarenessLatenciesMs,
      updatesSent,
      expectedReceipts,
      receipts,
      windowMs: end - start,
      serverCpuMs,
      serverMainThreadCpuMs,
      serverRssMb,
      generatorCpuPercent: (generatorMs / (end - start)) * 100,
      receivedMessagesPerSecond,
      receivedKbPerSecond,
      serverLoopDelay,
      otherCpuPercent: Math.max(0, ((machineMs - generatorMs - serverCpuMs) / (end - start)) * 100),
      generatorLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      disconnects,
      windowMonotonicUs: { startUs, endUs },
    };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what()}`);
    await sleep(POLL_MS);
  }
}

export const summarizeLatency = (samples: number[]) => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
});
