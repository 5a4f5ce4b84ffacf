import * as Y from 'yjs';
import { claimedItems, countMissing, coverAll, type StateVector } from './accounting.js';
import { readBoard, stateVectorOf, type BoardClient, type TeacherSocket } from './clients.js';
import type { FinalStats, RecoveryStats } from './messages.js';

/** A group board and every client of it the generator runs. */
export interface SimBoard {
  boardId: string;
  /** A read-only connection's query: the teacher's token and the load balancer's routing. */
  viewParams: Record<string, string>;
  students: BoardClient[];
  /** The teacher dashboard's read-only y-websocket connection. */
  watcher: BoardClient;
  /** The teacher dashboard's socket.io connection (one per class, shared by its boards). */
  socket: TeacherSocket;
  /** What the server confirmed it stored (`watchBoard` answers and `boardStateVector` events). */
  acknowledged: StateVector;
  /** Epoch ms when the teacher's socket last finished watching every board of the class. */
  watchedAt: number;
}

interface Outage {
  firstCloseAt: number;
  closed: Set<BoardClient>;
  /** Students kept from reconnecting until the board's witness has read it. */
  held: BoardClient[];
  witnessing: boolean;
  witnessed: boolean;
  witnessedAt: number;
  lost: number;
  /** Why the witness could not read the board, if it could not. */
  unread: string | null;
}

/** Closes keep arriving for moments after a process dies; this long without one, all have arrived. */
const QUIET_MS = 1_000;
/** A board some of whose connections survived (a cluster) is read anyway after this long. */
const WITNESS_AFTER_MS = 2_000;
const RECOVERY_TIMEOUT_MS = 90_000;
const FINAL_READS_AT_ONCE = 8;
const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

const decodeVector = (base64: string): StateVector =>
  Y.decodeStateVector(new Uint8Array(Buffer.from(base64, 'base64')));

const docsOf = (board: SimBoard) =>
  [...board.students, board.watcher].map((c) => ({ clientId: c.doc.clientID, vector: stateVectorOf(c.doc) }));

/**
 * The fault, as the clients live it: once armed, a board whose connections close is an outage. Its students
 * are held back from reconnecting until a witness — a fresh read-only connection — has read what the server
 * now holds, so a student re-sending its own edits cannot hide an edit the server lost; then they are let
 * back, and the outage ends when every client of the board is synced again.
 */
export class Failover {
  private armed = false;
  private lastCloseAt = 0;
  private readonly outages = new Map<SimBoard, Outage>();

  constructor(
    private readonly url: string,
    private readonly boards: SimBoard[],
  ) {
    for (const board of boards) {
      for (const student of board.students) {
        student.provider.on('connection-close', () => this.closed(board, student, true));
      }
      board.watcher.provider.on('connection-close', () => this.closed(board, board.watcher, false));
    }
  }

  acknowledge(board: SimBoard, stateVector: string): void {
    coverAll(board.acknowledged, decodeVector(stateVector));
  }

  arm(): void {
    this.armed = true;
    this.lastCloseAt = performance.now();
    this.outages.clear();
  }

  private closed(board: SimBoard, client: BoardClient, student: boolean): void {
    if (!this.armed) return;
    this.lastCloseAt = performance.now();
    let outage = this.outages.get(board);
    if (!outage) {
      outage = {
        firstCloseAt: now(),
        closed: new Set(),
        held: [],
        witnessing: false,
        witnessed: false,
        witnessedAt: 0,
        lost: 0,
        unread: null,
      };
      this.outages.set(board, outage);
      const started = outage;
      setTimeout(() => void this.witness(board, started), WITNESS_AFTER_MS);
    }
    if (outage.witnessing) return; // a late close: this client reconnects by itself
    outage.closed.add(client);
    if (student) {
      // y-websocket checks this before its scheduled reconnect; connect() later sets it back.
      client.provider.shouldConnect = false;
      outage.held.push(client);
    }
    if (outage.closed.size === board.students.length + 1) void this.witness(board, outage);
  }

  private async witness(board: SimBoard, outage: Outage): Promise<void> {
    if (outage.witnessing) return;
    outage.witnessing = true;
    try {
      const claimed = claimedItems(docsOf(board), board.acknowledged);
      outage.lost = countMissing(claimed, await readBoard(this.url, board.boardId, board.viewParams));
    } catch (err) {
      outage.unread = err instanceof Error ? err.message : String(err);
    } finally {
      outage.witnessed = true;
      outage.witnessedAt = now();
      for (const student of outage.held) student.provider.connect();
    }
  }

  private recovered(board: SimBoard, outage: Outage): boolean {
    return (
      outage.witnessed &&
      [...board.students, board.watcher].every(
        (c) => c.provider.synced && c.syncedAt > outage.firstCloseAt,
      ) &&
      board.socket.connected &&
      board.watchedAt > outage.firstCloseAt
    );
  }

  /** Waits until the fault's closes have all arrived and every affected board is synced again. */
  async collect(): Promise<RecoveryStats> {
    const deadline = performance.now() + RECOVERY_TIMEOUT_MS;
    const settled = () =>
      performance.now() - this.lastCloseAt > QUIET_MS &&
      [...this.outages].every(([board, outage]) => this.recovered(board, outage));
    while (!settled() && performance.now() < deadline) await sleep(POLL_MS);
    this.armed = false;
    const affected = [...this.outages];
    const sockets = new Set(affected.map(([board]) => board.socket));
    const latest = (times: number[]) => (times.length === 0 ? null : Math.max(...times));
    const boards = affected.map(([board]) => board);
    return {
      boards: affected.length,
      clients: affected.reduce((sum, [board]) => sum + board.students.length + 1, 0) + sockets.size,
      witnessedAt: latest(affected.map(([, outage]) => outage.witnessedAt)),
      syncedAt: {
        students: latest(boards.flatMap((b) => b.students.map((s) => s.syncedAt))),
        watchers: latest(boards.map((b) => b.watcher.syncedAt)),
        sockets: latest(boards.map((b) => b.watchedAt)),
      },
      lost: affected.reduce((sum, [, outage]) => sum + outage.lost, 0),
      unrecovered: affected.filter(([board, outage]) => !this.recovered(board, outage)).length,
      unread: affected.filter(([, outage]) => outage.unread !== null).length,
      unreadReason: affected.find(([, outage]) => outage.unread !== null)?.[1].unread ?? null,
    };
  }

  /** At the end (load stopped, drained): every claimed item is on its board, and every client agrees. */
  async finalCheck(): Promise<FinalStats> {
    let lost = 0;
    let diverged = 0;
    let unread = 0;
    let unreadReason: string | null = null;
    let next = 0;
    const check = async () => {
      while (next < this.boards.length) {
        const board = this.boards[next++] as SimBoard;
        const docs = docsOf(board);
        let held: StateVector;
        try {
          held = await readBoard(this.url, board.boardId, board.viewParams);
        } catch (err) {
          unread++;
          unreadReason ??= err instanceof Error ? err.message : String(err);
          continue;
        }
        lost += countMissing(claimedItems(docs, board.acknowledged), held);
        if (docs.some((d) => countMissing(d.vector, held) + countMissing(held, d.vector) > 0)) diverged++;
      }
    };
    await Promise.all(Array.from({ length: FINAL_READS_AT_ONCE }, check));
    return { boards: this.boards.length, lost, diverged, unread, unreadReason };
  }
}
