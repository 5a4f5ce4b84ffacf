/**
 * A generator worker (a forked process): the stock clients of its classes — each student a y-websocket
 * client on its group board moving its own shape and cursor, each teacher a socket.io connection watching
 * every board of the class plus a read-only y-websocket watcher per board — driven by the coordinator's
 * commands (messages.ts). Classes never span workers, so a board's every observer is in one process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { geoShape } from '../../server/src/test/records.js';
import { seededRandom } from '../sync/stats.js';
import { LatencyHistogram } from './accounting.js';
import type { ClassPlan } from './classes.js';
import {
  boardClient,
  closeBoardClient,
  teacherSocket,
  wallClockMs,
  type BoardClient,
  type TeacherSocket,
} from './clients.js';
import { Failover, type SimBoard } from './failover.js';
import type { Command, LoadSettings, Reply, Results, WindowStats } from './messages.js';

const CONNECT_TIMEOUT_MS = 120_000;
const DRAIN_MS = 3_000;
const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: () => string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what()}`);
    await sleep(POLL_MS);
  }
}

interface Student {
  client: BoardClient;
  board: SimBoard;
  shapeId: string;
  seq: number;
}

class Generator {
  readonly boards: SimBoard[] = [];
  readonly students: Student[] = [];
  readonly teachers: TeacherSocket[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly random: () => number;
  private window = { start: Infinity, end: Infinity };
  private groupmate = new LatencyHistogram();
  private teacher = new LatencyHistogram();
  private sent = 0;
  private expected = 0;
  private received = 0;
  private windowCpu = process.cpuUsage();
  private loopDelay = monitorEventLoopDelay({ resolution: 10 });
  readonly failover: Failover;

  constructor(private readonly settings: LoadSettings) {
    this.random = seededRandom(settings.seed);
    // y-websocket's provider registers a process 'exit' listener each: hundreds are expected here.
    process.setMaxListeners(0);
    for (const plan of settings.classes) this.addClass(plan);
    this.failover = new Failover(settings.url, this.boards);
  }

  private addClass(plan: ClassPlan): void {
    const { url } = this.settings;
    const routing = (boardId: string) => this.settings.routing[boardId] ?? {};
    const firstBoard = plan.groups[0]?.boardId;
    const socket = teacherSocket(url, plan.classId, plan.teacherToken, firstBoard ? routing(firstBoard) : {});
    this.teachers.push(socket);
    const classBoards: SimBoard[] = [];
    for (const group of plan.groups) {
      const board: SimBoard = {
        boardId: group.boardId,
        viewParams: { ...routing(group.boardId), token: plan.teacherToken },
        students: [],
        watcher: boardClient(url, group.boardId, {
          ...routing(group.boardId),
          token: plan.teacherToken,
          mode: 'view',
        }),
        socket,
        acknowledged: new Map(),
        watchedAt: 0,
      };
      this.observe(board.watcher, null, 'teacher');
      for (const token of group.studentTokens) {
        const client = boardClient(url, group.boardId, { ...routing(group.boardId), token });
        const student: Student = { client, board, shapeId: `shape:s${this.students.length}`, seq: 0 };
        this.observe(client, student.shapeId, 'groupmate');
        board.students.push(client);
        this.students.push(student);
      }
      classBoards.push(board);
      this.boards.push(board);
    }
    // The dashboard watches every board of its class for the server's stored state vector: the
    // acknowledgements lost updates are counted against.
    const watchAll = () => {
      let pending = classBoards.length;
      for (const board of classBoards) {
        socket.emit('watchBoard', { boardId: board.boardId }, (result) => {
          if (!result.ok) {
            // A benchmark never measures a refusal: stop, and let the coordinator say why.
            console.error(`watchBoard ${board.boardId} refused: ${result.error.message}`);
            process.exit(1);
          }
          this.failover.acknowledge(board, result.value.stateVector);
          if (--pending === 0) for (const b of classBoards) b.watchedAt = wallClockMs();
        });
      }
    };
    socket.on('connect', watchAll);
    socket.on('boardStateVector', ({ boardId, stateVector }) => {
      const board = classBoards.find((b) => b.boardId === boardId);
      if (board) this.failover.acknowledge(board, stateVector);
    });
  }

  /** Latency of every edit sent in the window, as the other clients of its board see it arrive. */
  private observe(client: BoardClient, ownShapeId: string | null, seenBy: 'groupmate' | 'teacher'): void {
    client.records.on(
      'change',
      (changes: Map<string, { newValue?: Record<string, unknown> }>, tr: Y.Transaction) => {
        if (tr.local) return;
        const now = wallClockMs();
        for (const [key, change] of changes) {
          if (key === ownShapeId) continue;
          const sentAt = (change.newValue?.meta as { sentAt?: unknown } | undefined)?.sentAt;
          if (typeof sentAt !== 'number' || sentAt < this.window.start || sentAt >= this.window.end) continue;
          this.received++;
          this[seenBy].record(now - sentAt);
        }
      },
    );
  }

  async connect(): Promise<void> {
    const synced = () =>
      this.boards.every((b) => b.watcher.provider.synced && b.students.every((s) => s.provider.synced)) &&
      this.teachers.every((t) => t.connected) &&
      this.boards.every((b) => b.watchedAt > 0);
    await until(
      () =>
        `${this.students.filter((s) => s.client.provider.synced).length}/${this.students.length} students synced`,
      synced,
      CONNECT_TIMEOUT_MS,
    );
    // Every shape exists before the load starts, so the window measures moves, not creations.
    for (const student of this.students) this.edit(student);
  }

  /** Moves the student's own shape: one valid tldraw record, one Yjs item. */
  private edit(student: Student): void {
    const sentAt = wallClockMs();
    student.seq++;
    const record = geoShape(student.shapeId, {
      x: Math.round(this.random() * 1000),
      y: Math.round(this.random() * 1000),
      meta: { sentAt, seq: student.seq },
    });
    student.client.records.set(student.shapeId, record);
    if (sentAt >= this.window.start && sentAt < this.window.end) {
      this.sent++;
      // Every groupmate and the teacher's watcher owe a receipt.
      this.expected += student.board.students.length;
    }
  }

  private moveCursor(student: Student): void {
    student.client.provider.awareness.setLocalState({
      user: { id: student.shapeId, color: '#1971c2' },
      presence: { cursor: { x: this.random() * 1000, y: this.random() * 1000 }, sentAt: wallClockMs() },
    });
  }

  startLoad(): void {
    const every = (perSecond: number, fn: () => void) => {
      if (perSecond <= 0) return;
      const periodMs = 1000 / perSecond;
      this.timers.push(
        setTimeout(() => {
          fn();
          this.timers.push(setInterval(fn, periodMs));
        }, this.random() * periodMs),
      );
    };
    for (const student of this.students) {
      every(this.settings.updatesPerSecond, () => this.edit(student));
      every(this.settings.awarenessPerSecond, () => this.moveCursor(student));
    }
  }

  stopLoad(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
  }

  openWindow(): void {
    this.groupmate = new LatencyHistogram();
    this.teacher = new LatencyHistogram();
    this.sent = this.expected = this.received = 0;
    this.windowCpu = process.cpuUsage();
    this.loopDelay.reset();
    this.loopDelay.enable();
    this.window = { start: wallClockMs(), end: Infinity };
  }

  async closeWindow(): Promise<WindowStats> {
    const end = wallClockMs();
    this.window.end = end;
    const cpu = process.cpuUsage(this.windowCpu);
    this.loopDelay.disable();
    const loopDelayP99Ms = this.loopDelay.percentile(99) / 1e6;
    const drainUntil = performance.now() + DRAIN_MS;
    while (this.received < this.expected && performance.now() < drainUntil) await sleep(POLL_MS);
    return {
      groupmate: this.groupmate.buckets(),
      teacher: this.teacher.buckets(),
      sent: this.sent,
      expected: this.expected,
      received: this.received,
      windowMs: end - this.window.start,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopDelayP99Ms,
      students: this.students.length,
    };
  }

  /** After the load stops: what is still on its way arrives (every client's doc as the server's). */
  async drain(): Promise<void> {
    await sleep(DRAIN_MS);
  }

  close(): void {
    this.stopLoad();
    for (const board of this.boards) {
      closeBoardClient(board.watcher);
      board.students.forEach(closeBoardClient);
    }
    for (const socket of this.teachers) socket.disconnect();
  }
}

let generator: Generator | null = null;
const running = () => {
  if (!generator) throw new Error('connect first');
  return generator;
};

async function run(command: Command): Promise<Results[Command['type']]> {
  switch (command.type) {
    case 'connect':
      generator = new Generator(command.settings);
      await generator.connect();
      return null;
    case 'startLoad':
      running().startLoad();
      return null;
    case 'openWindow':
      running().openWindow();
      return null;
    case 'closeWindow':
      return running().closeWindow();
    case 'arm':
      running().failover.arm();
      return null;
    case 'collectRecovery':
      return running().failover.collect();
    case 'stopLoad':
      running().stopLoad();
      await running().drain();
      return null;
    case 'finalCheck':
      return running().failover.finalCheck();
  }
}

process.on('message', (command: Command) => {
  run(command).then(
    (result) => process.send?.({ type: 'done', command: command.type, result } satisfies Reply),
    (err: unknown) =>
      process.send?.({
        type: 'failed',
        command: command.type,
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies Reply),
  );
});
process.on('disconnect', () => {
  generator?.close();
  process.exit(0);
});
