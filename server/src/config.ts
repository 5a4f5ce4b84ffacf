import path from 'node:path';
import { z } from 'zod';
import { MAX_STUDENTS } from '@conjecture/shared';
import { MAX_CONNECTIONS_PER_ADDRESS } from './boards/userBudgets.js';

const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every setting the server reads from its environment, parsed once at start-up. A bad value stops the
 * process with a message naming the variable, instead of surfacing later as a strange failure.
 */
export const ConfigSchema = z.object({
  PORT: intFromEnv(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * `sqlite` is the embedded default; `memory` keeps nothing across restarts (tests, demos); `postgres`
   * keeps everything in the PostgreSQL database at DATABASE_URL (see docs/postgres.md).
   */
  STORAGE: z.enum(['sqlite', 'memory', 'postgres']).default('sqlite'),
  /** With STORAGE=postgres: a libpq URL, e.g. postgres://conjecture:secret@db.example:5432/conjecture. */
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: 'must be a postgres:// URL' })
    .optional(),
  /**
   * With STORAGE=postgres: run as one of several processes on the same database (docs/scale-out.md). Each
   * class lies in one of a fixed number of shards; a process serves a shard only while it holds the
   * shard's lock in PostgreSQL, and answers 503 with Retry-After for a shard another process holds.
   */
  CLUSTER: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** This process's name in logs and on /healthz (default: host name and pid). */
  PROCESS_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, ".", "-" or "_"')
    .optional(),
  /**
   * With CLUSTER: a Redis (redis://host:6379) where the processes share per-address limits (wrong join
   * codes, new classes). Without it each process limits on its own.
   */
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v), { message: 'must be a redis:// URL' })
    .optional(),
  /**
   * With CLUSTER: a shard another process asks for (the balancer sends it there now) is handed over once
   * no new request for it has reached this process for this long.
   */
  SHARD_HANDOVER_QUIET_MS: intFromEnv(0, 3_600_000).default(3000),
  /**
   * With CLUSTER: a shard with no connection (socket.io or board websocket) and no request for this long is
   * closed — stores flushed, its server and PostgreSQL connections closed, its lock released — so a process
   * holds only the shards in use. 0 keeps shards open until handed over or the process stops.
   */
  SHARD_IDLE_MS: intFromEnv(0, 24 * 3_600_000).default(300_000),
  CLIENT_DIST: z.string().min(1).optional(),
  /** Check every REST answer against its route's schema before sending it (a drift answers 500, loudly). */
  CHECK_RESPONSES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  TLDRAW_LICENSE_KEY: z.string().trim().min(1).optional(),
  /** One Yjs update (or websocket message) larger than this is refused and its connection closed. */
  MAX_UPDATE_BYTES: intFromEnv(1024, 64 * 1024 * 1024).default(1024 * 1024),
  /** A board whose stored state would grow past this refuses further updates. */
  MAX_BOARD_BYTES: intFromEnv(64 * 1024, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  /** Sustained Yjs updates per second a single connection may send (bursts up to 4× are absorbed). */
  MAX_UPDATES_PER_SECOND: intFromEnv(1, 100_000).default(120),
  /**
   * Structs, values and deleted ranges one Yjs update may carry: bounds the cost of applying (and
   * reverting) any single update. tldraw keeps at most 4,000 shapes on a page.
   */
  MAX_ITEMS_PER_UPDATE: intFromEnv(100, 1_000_000).default(10_000),
  /**
   * Connections one client address may hold open to boards outside any class (their users are `?user=`
   * claims, so the per-user cap bounds nothing there). Class connections are not counted.
   */
  MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: intFromEnv(1, 1_000_000).default(MAX_CONNECTIONS_PER_ADDRESS),
  /** Refused values (reverted by the server) a connection may send per second, bursts of 10×, before it is closed. */
  MAX_REJECTED_PER_SECOND: intFromEnv(1, 100_000).default(20),
  /**
   * Records others wrote that one student may delete from a board, or empty of their words, at once,
   * earned back over a minute; a bigger wipe (select all, delete on a busy board) is undone. The teacher is
   * not limited.
   */
  MAX_OTHERS_DELETED: intFromEnv(1, 1_000_000).default(30),
  /**
   * Records one student may add to a board at once (a paste, or a script's flood of valid shapes that every
   * classmate's browser must load), earned back over ten minutes; more is refused whole. A shape with a long
   * outline, or any record of many bytes, weighs more than one (`recordWeight`). The teacher is not limited.
   */
  MAX_RECORDS_CREATED: intFromEnv(1, 10_000_000).default(500),
  MAX_ASSET_BYTES: intFromEnv(1024, 256 * 1024 * 1024).default(10 * 1024 * 1024),
  /**
   * Image bytes one uploader may store per hour, all at once if they like: a student, a teacher's or the
   * projector's session, or — on boards outside any class, which take any `?user=` — a client address. Every
   * upload is kept until its board or class goes, so without this one script fills the disk. At least
   * MAX_ASSET_BYTES.
   */
  MAX_UPLOAD_BYTES_PER_HOUR: intFromEnv(1024, 1024 ** 4).default(100 * 1024 * 1024),
  /**
   * Classes one client address may create per hour, all at once if it likes (a school's teachers share
   * one address behind its NAT). Creating a class needs no account, so this is what bounds a script.
   */
  MAX_CLASSES_PER_HOUR: intFromEnv(1, 1_000_000).default(60),
  /**
   * Boards outside any class (`POST /api/boards`) one client address may make per hour, all at once if it
   * likes. Like a class, a board needs no account and is kept until deleted, so this is what bounds a script.
   */
  MAX_BOARDS_PER_HOUR: intFromEnv(1, 1_000_000).default(300),
  /**
   * Students one class holds; a join past it is refused (403). The join code is on the classroom screen and
   * right codes are never rate-limited (a class shares one address), so this is what bounds a script joining
   * thousands. At most the grouping engine's bound.
   */
  MAX_STUDENTS_PER_CLASS: intFromEnv(1, MAX_STUDENTS).default(200),
  /**
   * Store the updates of all boards that arrive in one event-loop turn in one SQLite commit (cheaper under
   * load) instead of one commit per message; either way nothing is relayed before it is stored.
   */
  GROUP_COMMIT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** A snapshot is written after this many updates, so loading replays a bounded tail of the log. */
  SNAPSHOT_EVERY_UPDATES: intFromEnv(1, 1_000_000).default(500),
  /** How long an unused board stays in memory after its last connection leaves. */
  ROOM_IDLE_MS: intFromEnv(0, 3_600_000).default(30_000),
  /**
   * Days a class is kept after its last activity; then it and all its data are deleted for good. 0 (the
   * default) keeps classes until their teacher deletes them.
   */
  RETENTION_DAYS: intFromEnv(0, 3650).default(0),
  /** How often the server looks for classes past their retention period. */
  RETENTION_SWEEP_MS: intFromEnv(1000, 24 * 3_600_000).default(3_600_000),
  /** Sessions (students', teachers', projectors') older than this are refused as expired. */
  SESSION_MAX_AGE_DAYS: intFromEnv(1, 3650).default(30),
  /** The discourse tagger's model file (default: shared/models/talkmoves.json in this checkout). */
  TAGGER_MODEL: z.string().min(1).optional(),
  /** A board text is tagged once nobody has changed it for this long. */
  TAG_DEBOUNCE_MS: intFromEnv(0, 60_000).default(1500),
  MONITOR_DEBOUNCE_MS: intFromEnv(0, 60_000).default(1000),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /**
   * Behind a reverse proxy, the client's address (which failed joins are limited by) is in
   * X-Forwarded-For: say how many proxies are in front (`1`) or their addresses (`loopback`,
   * `10.0.0.0/8, 127.0.0.1`). `false` (the default) ignores the header, which a client could forge.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => v !== 'true', {
      message:
        '"true" would trust a forged X-Forwarded-For: give the number of proxies (e.g. 1) or their addresses',
    })
    .transform((v): false | number | string => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v))
    .default(false),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses configuration from an environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.STORAGE === 'postgres' && !parsed.data.DATABASE_URL)
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required when STORAGE=postgres');
  if (parsed.data.REDIS_URL && !parsed.data.CLUSTER)
    throw new ConfigError('Invalid configuration:\n  REDIS_URL: only used with CLUSTER=true');
  if (parsed.data.MAX_UPLOAD_BYTES_PER_HOUR < parsed.data.MAX_ASSET_BYTES)
    throw new ConfigError(
      'Invalid configuration:\n  MAX_UPLOAD_BYTES_PER_HOUR: at least MAX_ASSET_BYTES (else no largest image is ever taken)',
    );
  if (parsed.data.CLUSTER && parsed.data.STORAGE !== 'postgres')
    throw new ConfigError(
      'Invalid configuration:\n  CLUSTER: needs STORAGE=postgres (the processes share it)',
    );
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
