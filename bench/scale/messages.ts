import type { HistogramBuckets } from './accounting.js';
import type { ClassPlan } from './classes.js';

/**
 * The coordinator ↔ generator worker protocol (over the fork IPC channel). Every command gets exactly one
 * reply, `done` with the command's result, or `failed`.
 */
export interface LoadSettings {
  url: string;
  /** Query parameters a client adds for the load balancer, per board (a cluster routes by shard). */
  routing: Record<string, Record<string, string>>;
  classes: ClassPlan[];
  updatesPerSecond: number;
  awarenessPerSecond: number;
  seed: number;
}

export interface WindowStats {
  /** Edit → seen by a groupmate / by the teacher's watcher of that board, for edits sent in the window. */
  groupmate: HistogramBuckets;
  teacher: HistogramBuckets;
  sent: number;
  /** Receipts owed for those edits (every other member of the group, and the teacher's watcher). */
  expected: number;
  received: number;
  windowMs: number;
  /** This worker process's CPU time in the window, and its event loop's delay: is the generator the limit? */
  cpuMs: number;
  loopDelayP99Ms: number;
  students: number;
}

export interface RecoveryStats {
  boards: number;
  /** Clients of the boards that lost their server: students, teacher watchers and teacher sockets. */
  clients: number;
  /** Epoch ms when the last of each kind was synced again (null if none was affected). */
  /** Epoch ms when the last affected board had been read by its witness. */
  witnessedAt: number | null;
  syncedAt: { students: number | null; watchers: number | null; sockets: number | null };
  /** Relayed or acknowledged items the server no longer held, read before any student was let back. */
  lost: number;
  /** Boards whose clients were not all synced again within the time limit. */
  unrecovered: number;
  /** Boards the witness could not read (so their losses are not counted), with the first reason. */
  unread: number;
  unreadReason: string | null;
}

export interface FinalStats {
  boards: number;
  /** Relayed or acknowledged items missing from the boards at the end of the run. */
  lost: number;
  /** Boards where some client's doc differs from the server's. */
  diverged: number;
  unread: number;
  unreadReason: string | null;
}

export type Command =
  | { type: 'connect'; settings: LoadSettings }
  | { type: 'startLoad' }
  | { type: 'openWindow' }
  | { type: 'closeWindow' }
  | { type: 'arm' }
  | { type: 'collectRecovery' }
  | { type: 'stopLoad' }
  | { type: 'finalCheck' };

export interface Results {
  connect: null;
  startLoad: null;
  openWindow: null;
  closeWindow: WindowStats;
  arm: null;
  collectRecovery: RecoveryStats;
  stopLoad: null;
  finalCheck: FinalStats;
}

export type Reply =
  | { type: 'done'; command: Command['type']; result: Results[Command['type']] }
  | { type: 'failed'; command: Command['type']; message: string };
