// CPU time each server spends per record update, in one process with no sockets: the same recorded stream
// of client messages (tldraw shape moves and cursors, as bench:sync sends them) fed to our built room
// (SQLite in a temp dir, group commit) and to the stock @y/websocket-server's connection handler, in
// interleaved rounds. CPU time, unlike latency, barely depends on what other tenants of the machine do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { setupWSConnection } from '@y/websocket-server/utils';
import { median } from './stats.js';
import { YDOC_RECORDS_KEY } from '@conjecture/shared';
import type { ShapeRecord } from './shapeRecord.js';
import { geoShape } from './shapeRecord.js';

import type * as RoomsModule from '../../server/dist/boards/boardRooms.js';
import type * as CommitModule from '../../server/dist/boards/groupCommit.js';
import type * as StoreModule from '../../server/dist/storage/sqliteStore.js';
import type * as SchedulerModule from '../../server/dist/util/scheduler.js';
import type * as LoggerModule from '../../server/dist/util/logger.js';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '20' },
    steps: { type: 'string', default: '60' },
    'per-tick': { type: 'string', default: '1' },
    rounds: { type: 'string', default: '5' },
    before: { type: 'string' },
  },
});
const ROOMS = Number(values.rooms);
const STEPS = Number(values.steps);
const PER_TICK = Number(values['per-tick']);
const ROUNDS = Number(values.rounds);
const ROOM_SIZE = 5;
/** `--before=<dist>/main.js`, as bench:sync takes it: the build's `dist/`. */
const BEFORE = values.before
  ? path.dirname(path.resolve(process.env.INIT_CWD ?? process.cwd(), values.before))
  : null;
const OURS = new URL('../../server/dist/', import.meta.url).pathname;

/** One client message, to one room. */
interface Message {
  room: number;
  client: number;
  bytes: Uint8Array;
  record: boolean;
}

const frame = (type: number, write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
};

/**
 * Each step, every client moves its shape, and every other step also its cursor (2 : 1, as bench:sync).
 * Clients start from an empty doc, so their updates depend only on their own: any board accepts them.
 */
function recordStream(): Message[] {
  const messages: Message[] = [];
  let random = 42;
  const next = () => (random = (random * 16807) % 2147483647) / 2147483647;
  const clients = Array.from({ length: ROOMS * ROOM_SIZE }, (_, i) => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    const records = new YKeyValue<ShapeRecord>(doc.getArray(YDOC_RECORDS_KEY));
    const room = Math.floor(i / ROOM_SIZE);
    doc.on('update', (update: Uint8Array) =>
      messages.push({
        room,
        client: i,
        record: true,
        bytes: frame(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))),
      }),
    );
    return { doc, awareness, records, room, user: `user-${i}`, shape: `shape:bench-${i}` };
  });
  for (let step = 0; step < STEPS; step++) {
    for (const c of clients) {
      c.records.set(c.shape, geoShape(c.shape, next() * 1000, next() * 1000, { sentAt: step, seq: step }));
      if (step % 2 === 1) continue;
      c.awareness.setLocalState({
        user: { id: c.user, color: '#3366cc' },
        presence: { cursor: { x: next() * 1000, y: next() * 1000 }, sentAt: step },
      });
      const update = awarenessProtocol.encodeAwarenessUpdate(c.awareness, [c.doc.clientID]);
      messages.push({
        room: c.room,
        client: clients.indexOf(c),
        record: false,
        bytes: frame(1, (e) => encoding.writeVarUint8Array(e, update)),
      });
    }
  }
  return messages;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Feeds the stream, PER_TICK messages per event-loop turn; returns CPU µs per record update. */
async function feed(messages: Message[], receive: (m: Message) => void): Promise<number> {
  await tick();
  const start = process.cpuUsage();
  for (let i = 0; i < messages.length; i++) {
    receive(messages[i] as Message);
    if ((i + 1) % PER_TICK === 0) await tick();
  }
  await tick();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / messages.filter((m) => m.record).length;
}

/** Our room (a build's `dist/`), with SQLite and group commit as in production. */
async function ours(dist: string): Promise<(messages: Message[]) => Promise<number>> {
  // Imported by path: the `before` build is the same modules from another directory.
  const load = async <T>(file: string) => (await import(path.join(dist, file))) as T;
  const { BoardRooms } = await load<typeof RoomsModule>('boards/boardRooms.js');
  const { GroupCommit } = await load<typeof CommitModule>('boards/groupCommit.js');
  const { SqliteStore } = await load<typeof StoreModule>('storage/sqliteStore.js');
  const { Scheduler } = await load<typeof SchedulerModule>('util/scheduler.js');
  const { silentLogger } = await load<typeof LoggerModule>('util/logger.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-room-cost-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const store = SqliteStore.open(dir);
  const scheduler = new Scheduler();
  const rooms = new BoardRooms({
    store,
    commits: new GroupCommit(store, scheduler),
    limits: {
      maxUpdateBytes: 512 * 1024,
      maxBoardBytes: 64 * 1024 * 1024,
      maxUpdatesPerSecond: 1000,
      maxItemsPerUpdate: 10_000,
      maxRejectedPerSecond: 20,
      maxOthersDeleted: 30,
      maxRecordsCreated: 500,
      snapshotEveryUpdates: 1000,
      maxAwarenessPerSecond: 1000,
      maxAwarenessBytes: 64 * 1024,
    },
    now: Date.now,
    log: silentLogger,
    idleMs: 60_000,
    scheduler,
  });
  return async (messages) => {
    const ids = Array.from({ length: ROOMS }, (_, i) => rooms.createBoard(`cost ${i}`).boardId);
    const peers = Array.from({ length: ROOMS * ROOM_SIZE }, (_, i) => {
      const room = rooms.hold(ids[Math.floor(i / ROOM_SIZE)] as string);
      const peer = {
        userId: `user-${i}`,
        send() {},
        close: (code: number, reason: string) => {
          throw new Error(`closed ${code}: ${reason}`);
        },
      };
      room.join(peer, { writable: true, maxConnections: 1 }); // one connection per user here
      return { room, peer };
    });
    const cost = await feed(messages, (m) => {
      const p = peers[m.client] as (typeof peers)[number];
      p.room.receive(p.peer, m.bytes);
    });
    for (const [i, p] of peers.entries()) {
      p.room.leave(p.peer);
      rooms.release(ids[Math.floor(i / ROOM_SIZE)] as string);
    }
    return cost;
  };
}

/** The stock server's connection handler, with sockets that only count what they are sent. */
function stock(): (messages: Message[]) => Promise<number> {
  let run = 0;
  return async (messages) => {
    run++;
    const conns = Array.from({ length: ROOMS * ROOM_SIZE }, (_, i) => {
      const conn = Object.assign(new EventEmitter(), {
        readyState: 1,
        binaryType: '',
        send() {},
        ping() {},
        close() {},
      });
      // A stand-in for a ws socket: the handler uses only these members.
      setupWSConnection(conn as never, { url: `/cost-${run}-${Math.floor(i / ROOM_SIZE)}` } as never);
      return conn;
    });
    const cost = await feed(messages, (m) => conns[m.client]?.emit('message', m.bytes, true));
    for (const c of conns) c.emit('close');
    return cost;
  };
}

async function main(): Promise<void> {
  const servers: Array<[string, (m: Message[]) => Promise<number>]> = [['ours', await ours(OURS)]];
  if (BEFORE) servers.push(['before', await ours(BEFORE)]);
  servers.push(['stock', stock()]);
  const messages = recordStream();
  for (const [, run] of servers) await run(messages); // warm-up: JIT, caches, the database files
  const costs = new Map<string, number[]>(servers.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length] as (typeof servers)[number]);
    for (const [name, run] of order) costs.get(name)?.push(await run(messages));
  }
  const stockCosts = costs.get('stock') as number[];
  process.stdout.write(
    `${ROOMS} rooms of ${ROOM_SIZE}, ${messages.filter((m) => m.record).length} record updates and ` +
      `${messages.filter((m) => !m.record).length} cursor updates per run, ${PER_TICK} message(s) per event-loop turn, ` +
      `${ROUNDS} interleaved rounds; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n\n` +
      '| server | CPU µs per record update (median) | each round | ratio to stock (median of rounds) |\n|:---|---:|:---|---:|\n',
  );
  for (const [name, list] of costs) {
    const ratio = median(list.map((c, i) => c / (stockCosts[i] as number)));
    process.stdout.write(
      `| ${name} | ${median(list).toFixed(0)} | ${list.map((c) => c.toFixed(0)).join(', ')} | ${ratio.toFixed(2)}× |\n`,
    );
  }
  process.exit(0);
}

void main();
