import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BoardRooms } from './boards/boardRooms.js';
import { GroupCommit } from './boards/groupCommit.js';
import type { Config } from './config.js';
import { createApp } from './http/app.js';
import type { AdmissionGates } from './http/classroomHandlers.js';
import type { ConnectionGauge } from './util/connectionGauge.js';
import { createSocketServer } from './socket/socketServer.js';
import type { BoardStore } from './storage/boardStore.js';
import { MemoryStore } from './storage/memoryStore.js';
import { SqliteStore } from './storage/sqliteStore.js';
import { PostgresMirror } from './storage/postgres/postgresMirror.js';
import type Database from 'better-sqlite3';
import type { Logger } from './util/logger.js';
import { createLogger } from './util/logger.js';
import { clientAddressOf } from './util/clientAddress.js';
import type { TimerClock } from './util/scheduler.js';
import { Scheduler } from './util/scheduler.js';
import { ClassroomService } from './classroom/classroomService.js';
import { QuestionService } from './classroom/questionService.js';
import { CritiqueService } from './classroom/critiqueService.js';
import { DiagnosticService } from './diagnostics/diagnosticService.js';
import { SqliteDiagnosticStore, type DiagnosticStore } from './diagnostics/diagnosticStore.js';
import type { ClassroomStore } from './classroom/classroomStore.js';
import { wireRealtime } from './realtime/realtime.js';
import { durableBroadcasts } from './realtime/durableBroadcasts.js';
import { SqliteClassroomStore } from './classroom/sqliteClassroomStore.js';
import { loadSigningKey, TokenSigner } from './classroom/tokens.js';
import { DATABASE_FILE, openDatabase } from './storage/database.js';
import { sessionAuth } from './yjs/sessionAuth.js';
import type { TalkMovesModel } from '@conjecture/shared';
import { loadTaggerModel } from './tagging/loadModel.js';
import { TaggingService } from './tagging/taggingService.js';
import { SqliteTagStore, type TagStore } from './tagging/tagStore.js';
import { wireTagging } from './tagging/wireTagging.js';
import { AnticipationStore } from './anticipation/anticipationStore.js';
import { SnapshotStore } from './snapshots/snapshotStore.js';
import { SnapshotService } from './snapshots/snapshotService.js';
import { PlanStore } from './discussion/planStore.js';
import { DiscussionService } from './discussion/discussionService.js';
import { FollowService } from './discussion/followService.js';
import { ReflectionStore } from './reflections/reflectionStore.js';
import { ReflectionService } from './reflections/reflectionService.js';
import { RetentionService } from './retention/retentionService.js';
import { exportClass } from './retention/classExport.js';
import { MonitoringService } from './anticipation/monitoringService.js';
import { BoardRestore } from './evidence/boardRestore.js';
import { EvidenceService } from './evidence/evidenceService.js';
import { wireMonitoring } from './anticipation/wireMonitoring.js';
import type { AlertsOf } from './anticipation/wireMonitoring.js';
import { ExportService } from './exports/exportService.js';
import { EVIDENCE_SECTIONS } from './exports/evidenceSections.js';
import { BoardFiles } from './exports/boardFiles.js';
import type { AuthenticateYjs, FreeBoardConnections } from './yjs/yjsEndpoint.js';
import { createYjsEndpoint, freeBoardConnections } from './yjs/yjsEndpoint.js';
import { anyId, inShard } from './cluster/inShard.js';

export interface ServerOverrides {
  store?: BoardStore;
  log?: Logger;
  now?: () => number;
  authenticate?: AuthenticateYjs;
  /** The tagger's model (null: tagging off); loaded from TAGGER_MODEL or the repository's file otherwise. */
  taggerModel?: TalkMovesModel | null;
  /** The timers the server's scheduler runs on (tests record them to prove close() leaves none). */
  clock?: TimerClock;
  /**
   * Scale-out (server/src/cluster/): this server is one shard's, on its own schema. New ids lie in the
   * shard, the schema's lock is tried rather than awaited, and sessions are signed with the cluster's key.
   */
  shard?: {
    shard: number;
    signingKey: Buffer;
    /** The process's per-address limits, shared by all of its shards' servers. */
    gates: AdmissionGates;
    freeBoardConnections: FreeBoardConnections;
    /** The same connections counted across the cluster's processes (REDIS_URL). */
    clusterFreeBoardConnections?: ConnectionGauge;
  };
  /**
   * Listen on this Unix socket instead of HOST:PORT: a cluster's shard server, reachable only through its
   * process's router (cluster/shardSockets.ts).
   */
  socketPath?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:53211; on a Unix socket `unix:<path>` */
  url: string;
  /** 0 on a Unix socket. */
  port: number;
  /** Set when listening on a Unix socket (ServerOverrides.socketPath). */
  socketPath?: string;
  rooms: BoardRooms;
  store: BoardStore;
  classroom: ClassroomService;
  tagging: TaggingService;
  retention: RetentionService;
  /** PostgreSQL storage: resolves if the connection holding the schema's lock is lost. */
  lockLost?: Promise<void>;
  /**
   * Resolves once every write so far is durable (rejects if it cannot be made so now); absent where writes
   * are durable when they return.
   */
  durable?: () => Promise<void>;
  /**
   * Stops every timer the server started, stops accepting, closes every connection, snapshots loaded
   * boards and closes storage: once it resolves, nothing of this server runs again.
   */
  close(): Promise<void>;
}

/** Awareness is presence, not content: a small budget per connection keeps an N² fan-out in check. */
const AWARENESS_PER_SECOND = 30;
const MAX_AWARENESS_BYTES = 64 * 1024;

interface Stores {
  boards: BoardStore;
  classroom: ClassroomStore;
  tags: TagStore;
  diagnostics: DiagnosticStore;
  anticipations: AnticipationStore;
  snapshots: SnapshotStore;
  plans: PlanStore;
  reflections: ReflectionStore;
  signingKey: Buffer;
  /** Resolves once every write so far is durable; absent where writes are durable when they return. */
  durable?: () => Promise<void>;
  lockLost?: Promise<void>;
  close(): void | Promise<void>;
}

/** Every store on one SQLite database (a file, or the in-memory working set of the PostgreSQL storage). */
function storesOn(db: Database.Database, boards: BoardStore) {
  return {
    boards,
    classroom: new SqliteClassroomStore(db),
    tags: new SqliteTagStore(db),
    diagnostics: new SqliteDiagnosticStore(db),
    anticipations: new AnticipationStore(db),
    snapshots: new SnapshotStore(db),
    plans: new PlanStore(db),
    reflections: new ReflectionStore(db),
  };
}

/**
 * PostgreSQL: the stores run on an in-memory working set loaded from it, and every write is copied there
 * (see storage/postgres/postgresMirror.ts); the session-signing key is kept there too, so a restart on
 * the same database keeps sessions valid.
 */
async function openPostgresStores(url: string, shard: ServerOverrides['shard']): Promise<Stores> {
  const mirror = await PostgresMirror.open({ url, tryLock: shard !== undefined });
  const boards = new SqliteStore(mirror.db);
  try {
    const stores = storesOn(mirror.db, boards);
    await mirror.attach();
    return {
      ...stores,
      signingKey: shard?.signingKey ?? (await mirror.secret('signing_key', () => randomBytes(32))),
      durable: () => mirror.flushed(),
      lockLost: mirror.lockLost,
      close: async () => {
        await mirror.close();
        boards.close();
      },
    };
  } catch (err) {
    await mirror.close();
    boards.close();
    throw err;
  }
}

/** One SQLite file holds everything by default; `memory` keeps nothing (and signs with a throwaway key). */
async function openStores(config: Config, overrides: ServerOverrides): Promise<Stores> {
  const boards = overrides.store;
  if (config.STORAGE === 'postgres')
    return openPostgresStores(config.DATABASE_URL as string, overrides.shard);
  if (config.STORAGE === 'memory') {
    const db = openDatabase(':memory:');
    const boardStore = boards ?? new MemoryStore();
    return {
      ...storesOn(db, boardStore),
      signingKey: randomBytes(32),
      close: () => {
        boardStore.close();
        db.close();
      },
    };
  }
  const db = openDatabase(path.join(config.DATA_DIR, DATABASE_FILE));
  const boardStore = boards ?? new SqliteStore(db);
  return {
    ...storesOn(db, boardStore),
    signingKey: loadSigningKey(config.DATA_DIR),
    close: () => boardStore.close(),
  };
}

/** Builds http + express + socket.io + the Yjs endpoint on one HTTP server and starts listening. */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const now = overrides.now ?? Date.now;
  const scheduler = new Scheduler(overrides.clock);
  const stores = await openStores(config, overrides);
  const shard = overrides.shard?.shard ?? null;
  const ids = shard === null ? anyId : inShard(shard);
  const store = stores.boards;
  const rooms = new BoardRooms({
    store,
    commits: new GroupCommit(store, scheduler, config.GROUP_COMMIT, stores.durable),
    now,
    log,
    idleMs: config.ROOM_IDLE_MS,
    scheduler,
    inShard: ids,
    limits: {
      maxUpdateBytes: config.MAX_UPDATE_BYTES,
      maxBoardBytes: config.MAX_BOARD_BYTES,
      maxUpdatesPerSecond: config.MAX_UPDATES_PER_SECOND,
      maxItemsPerUpdate: config.MAX_ITEMS_PER_UPDATE,
      maxRejectedPerSecond: config.MAX_REJECTED_PER_SECOND,
      maxOthersDeleted: config.MAX_OTHERS_DELETED,
      maxRecordsCreated: config.MAX_RECORDS_CREATED,
      snapshotEveryUpdates: config.SNAPSHOT_EVERY_UPDATES,
      maxAwarenessPerSecond: AWARENESS_PER_SECOND,
      maxAwarenessBytes: MAX_AWARENESS_BYTES,
    },
  });

  const classroom = new ClassroomService({
    store: stores.classroom,
    sessionMaxAgeMs: config.SESSION_MAX_AGE_DAYS * 24 * 3600_000,
    maxStudentsPerClass: config.MAX_STUDENTS_PER_CLASS,
    rooms,
    signer: new TokenSigner(stores.signingKey),
    now,
    randomBytes: (n) => randomBytes(n),
    inShard: ids,
  });

  const questions = new QuestionService({ store: stores.classroom, rooms, now });
  const critiques = new CritiqueService({ rooms, classroom, now });
  // Her critique replies are among a removed student's marks: the server wrote them into the board, so the
  // authorship log the removal reads names the server, not her.
  classroom.on('marksRemoved', (_classId, studentId, boardId) =>
    critiques.removeRepliesOf(boardId, studentId),
  );
  const diagnostics = new DiagnosticService({
    store: stores.diagnostics,
    classrooms: stores.classroom,
    classroom,
    now,
  });
  const tagging = new TaggingService({
    store: stores.tags,
    model:
      overrides.taggerModel !== undefined ? overrides.taggerModel : loadTaggerModel(config.TAGGER_MODEL, log),
    now,
    debounceMs: config.TAG_DEBOUNCE_MS,
    scheduler,
    placeOfBoard: (boardId) => {
      const group = stores.classroom.groupByBoard(boardId);
      return group && { classId: group.classId, groupId: group.groupId };
    },
  });

  const monitoring = new MonitoringService({
    store: stores.anticipations,
    classrooms: stores.classroom,
    rooms,
    tagsOfBoard: (boardId) =>
      tagging.tagsOfBoard(boardId).map((t) => ({ shapeId: t.shapeId, move: t.corrected?.move ?? t.move })),
    scheduler,
    debounceMs: config.MONITOR_DEBOUNCE_MS,
    now,
  });
  const discussion = new DiscussionService({
    store: stores.plans,
    snapshots: stores.snapshots,
    questionTypeOf: (text) => tagging.questionTypeOf(text),
    now,
  });
  const snapshots = new SnapshotService({
    store: stores.snapshots,
    classrooms: stores.classroom,
    rooms,
    now,
  });
  const follow = new FollowService({
    store: stores.plans,
    discussion,
    snapshots,
    projectionOf: (classId) => {
      const view = classroom.classView({ role: 'projector', classId, sessionId: '', studentId: null });
      return view && { ...view.projection, groupNames: view.groupNames };
    },
  });
  classroom.on('projectionChanged', (classId) => follow.projectionChanged(classId));
  // While students follow live boards the projector shows, they may open those boards read-only.
  classroom.letFollowersView((classId) => follow.followedBoards(classId));
  const evidence = new EvidenceService({
    boards: store,
    classrooms: stores.classroom,
    tagsOf: (classId) => tagging.tagsOf(classId),
    now,
  });
  // Its folds are caches of boards' logs: a deleted class's go with it at once.
  classroom.on('classDeleted', () => evidence.forgetDeleted());
  const reflections = new ReflectionService({
    store: stores.reflections,
    classrooms: stores.classroom,
    rooms,
    tagging,
    diagnostics,
    now,
  });
  const retention = new RetentionService({
    classrooms: stores.classroom,
    boards: store,
    deleteClass: (classId) => void classroom.deleteClass(classId),
    retentionDays: config.RETENTION_DAYS === 0 ? null : config.RETENTION_DAYS,
    now,
    log,
  });
  const exports = new ExportService({
    sources: {
      classrooms: stores.classroom,
      rooms,
      boards: store,
      snapshots: stores.snapshots,
      tagsOf: (classId) => tagging.tagsOf(classId),
      questionsOf: (classId) => questions.list(classId),
      planOf: (classId) => discussion.planFor(classId, 'teacher'),
      participationOf: (classId) => evidence.participation(classId),
      reflectionsOf: (classId) => stores.reflections.ofClass(classId),
      now,
    },
    sections: EVIDENCE_SECTIONS,
    snapshots,
    discussion,
  });
  // Wired once socket.io exists; routes only call it on requests, after start-up.
  let alertsOf: AlertsOf = () => [];

  const app = createApp({
    config,
    rooms,
    store,
    classroom,
    questions,
    tagging,
    diagnostics,
    monitoring,
    snapshots,
    discussion,
    follow,
    evidence,
    reflections,
    retention,
    exportClass: (classId) =>
      exportClass(
        {
          classrooms: stores.classroom,
          rooms,
          tags: stores.tags,
          diagnostics: stores.diagnostics,
          anticipations: (id) => monitoring.anticipations(id),
          verdicts: stores.anticipations,
          snapshots: stores.snapshots,
          plans: stores.plans,
          reflections: stores.reflections,
          now,
        },
        classId,
      ),
    exports,
    boardFiles: new BoardFiles(rooms, now),
    boardRestore: new BoardRestore({ boards: store, rooms, classrooms: stores.classroom }),
    alertsOf: (classId) => alertsOf(classId),
    log,
    now,
    durable: stores.durable,
    shard,
    ...(overrides.shard ? { gates: overrides.shard.gates } : {}),
  });
  const httpServer = http.createServer(app);
  // Connections to boards outside any class, per client address: board websockets and sockets without a
  // class, each under its own key (a cluster process's shards share the process's count).
  const freeConnections = overrides.shard?.freeBoardConnections ?? freeBoardConnections();
  const clusterConnections = overrides.shard?.clusterFreeBoardConnections;
  const addressOf = clientAddressOf(config.TRUST_PROXY);
  const io = createSocketServer(
    httpServer,
    rooms,
    classroom,
    questions,
    critiques,
    log,
    now,
    {
      addressOf,
      maxPerAddress: config.MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS,
      count: freeConnections,
      cluster: clusterConnections,
    },
    stores.durable,
  );
  const yjs = createYjsEndpoint({
    httpServer,
    rooms,
    log,
    authenticate: overrides.authenticate ?? sessionAuth(classroom),
    scheduler,
    // The frame carries a little framing around the update itself.
    maxMessageBytes: config.MAX_UPDATE_BYTES + 1024,
    addressOf,
    maxConnectionsPerAddress: config.MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS,
    freeBoardConnections: freeConnections,
    ...(clusterConnections ? { clusterFreeBoardConnections: clusterConnections } : {}),
  });

  wireRealtime({
    io: durableBroadcasts(io, stores.durable),
    yjs,
    rooms,
    classroom,
    questions,
    diagnostics,
    tagging,
    monitoring,
    discussion,
    follow,
    reflections,
    now,
    scheduler,
    log,
  });
  wireTagging(tagging, classroom, questions, critiques, rooms, stores.classroom);
  alertsOf = wireMonitoring({ monitoring, classroom, store: stores.classroom, questions, tagging, rooms });

  if (retention.retentionMs !== null) {
    const sweep = () => {
      try {
        retention.sweep();
      } catch (error) {
        log.error('retention sweep failed', { error: (error as Error).message });
      }
    };
    scheduler.immediate(sweep);
    scheduler.interval(config.RETENTION_SWEEP_MS, sweep);
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    if (overrides.socketPath) httpServer.listen(overrides.socketPath, () => resolve());
    else httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const { socketPath } = overrides;
  const port = socketPath ? 0 : (httpServer.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      rooms.closeAll();
      await yjs.close();
      await io.close().catch(() => {});
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Last before storage: nothing scheduled (a throttled event, a debounce, an idle unload) runs after it.
      scheduler.close();
      await stores.close();
    })());

  return {
    url: socketPath ? `unix:${socketPath}` : `http://${host}:${port}`,
    port,
    ...(socketPath ? { socketPath } : {}),
    rooms,
    store,
    classroom,
    tagging,
    retention,
    ...(stores.lockLost ? { lockLost: stores.lockLost } : {}),
    ...(stores.durable ? { durable: stores.durable } : {}),
    close,
  };
}
