import type { AdmissionGates } from './classroomHandlers.js';
import { withoutShardParam } from '../cluster/shardParam.js';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { ErrorRequestHandler } from 'express';
import { API_PREFIX } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { Config } from '../config.js';
import type { BoardStore } from '../storage/boardStore.js';
import type { Logger } from '../util/logger.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import { assetRoutes } from './assets.js';
import { boardHandlers } from './boardHandlers.js';
import { admissionGates, classroomHandlers } from './classroomHandlers.js';
import { diagnosticHandlers } from './diagnosticHandlers.js';
import { mountRoutes } from './routeAdapter.js';
import { taggingHandlers } from './taggingHandlers.js';
import { anticipationHandlers } from './anticipationHandlers.js';
import { snapshotHandlers } from './snapshotHandlers.js';
import { discussionHandlers } from './discussionHandlers.js';
import { followHandlers } from './followHandlers.js';
import type { FollowService } from '../discussion/followService.js';
import { evidenceHandlers } from './evidenceHandlers.js';
import type { BoardRestore } from '../evidence/boardRestore.js';
import type { EvidenceService } from '../evidence/evidenceService.js';
import { reflectionHandlers } from './reflectionHandlers.js';
import { retentionHandlers } from './retentionHandlers.js';
import type { RetentionService } from '../retention/retentionService.js';
import type { ClassExport } from '@conjecture/shared';
import type { ReflectionService } from '../reflections/reflectionService.js';
import type { DiscussionService } from '../discussion/discussionService.js';
import type { SnapshotService } from '../snapshots/snapshotService.js';
import type { MonitoringService } from '../anticipation/monitoringService.js';
import type { AlertsOf } from '../anticipation/wireMonitoring.js';
import type { DiagnosticService } from '../diagnostics/diagnosticService.js';
import type { TaggingService } from '../tagging/taggingService.js';
import { sendError } from './validate.js';
import { exportHandlers } from './exportHandlers.js';
import type { ExportService } from '../exports/exportService.js';
import type { BoardFiles } from '../exports/boardFiles.js';
import { HEALTH_PATH, healthCheck } from './health.js';
import { trustOf } from '../util/clientAddress.js';
import { appShellCsp } from './appShellCsp.js';

export interface AppDeps {
  classroom: ClassroomService;
  questions: QuestionService;
  tagging: TaggingService;
  diagnostics: DiagnosticService;
  monitoring: MonitoringService;
  snapshots: SnapshotService;
  discussion: DiscussionService;
  follow: FollowService;
  evidence: EvidenceService;
  boardRestore: BoardRestore;
  reflections: ReflectionService;
  retention: RetentionService;
  exportClass: (classId: string) => ClassExport | undefined;
  exports: ExportService;
  boardFiles: BoardFiles;
  alertsOf: AlertsOf;
  config: Config;
  rooms: BoardRooms;
  store: BoardStore;
  log: Logger;
  now: () => number;
  /** Resolves once every write so far is durable (PostgreSQL storage); replies wait for it. */
  durable?: () => Promise<void>;
  /** The shard this server serves (scale-out), or null when one process serves everything. */
  shard?: number | null;
  /** Per-address limits shared by every shard's server in a cluster process; else this server's own. */
  gates?: AdmissionGates;
}

export function createApp({
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
  boardRestore,
  reflections,
  retention,
  exportClass,
  exports,
  boardFiles,
  alertsOf,
  log,
  now,
  durable,
  shard = null,
  gates,
}: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const limits =
    gates ??
    admissionGates(now, {
      classesPerHour: config.MAX_CLASSES_PER_HOUR,
      boardsPerHour: config.MAX_BOARDS_PER_HOUR,
      uploadBytesPerHour: config.MAX_UPLOAD_BYTES_PER_HOUR,
    });
  // The same function the Yjs endpoint and the cluster's router read addresses with.
  app.set('trust proxy', trustOf(config.TRUST_PROXY));
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  // The load balancer's routing parameter is not part of any route's query (several are strict).
  app.use((req, _res, next) => {
    req.url = withoutShardParam(req.url);
    next();
  });

  app.get(HEALTH_PATH, healthCheck({ storage: config.STORAGE, store, durable, log, now }));

  const api = express.Router();
  api.use(
    assetRoutes({
      store,
      rooms,
      classroom,
      maxAssetBytes: config.MAX_ASSET_BYTES,
      maxUploadBytesPerHour: config.MAX_UPLOAD_BYTES_PER_HOUR,
      now,
      durable,
      shard,
      uploads: limits.uploads,
      ...(limits.clusterUploads ? { clusterUploads: limits.clusterUploads } : {}),
    }),
  );
  api.use(
    mountRoutes(
      {
        ...boardHandlers({ config, rooms, classroom, log, boardCreation: limits.boardCreation }),
        ...classroomHandlers({
          classroom,
          questions,
          gates: limits,
        }),
        ...taggingHandlers({ tagging, rooms }),
        ...diagnosticHandlers({ classroom, diagnostics }),
        ...anticipationHandlers({ monitoring, alertsOf, now }),
        ...snapshotHandlers({ snapshots }),
        ...discussionHandlers({ discussion }),
        ...followHandlers({ follow }),
        ...evidenceHandlers({ evidence, boardRestore }),
        ...reflectionHandlers({ reflections }),
        ...retentionHandlers({ retention, exportOf: exportClass }),
        ...exportHandlers({ exports, boardFiles, classroom, log }),
      },
      {
        classroom,
        log,
        checkResponses: config.CHECK_RESPONSES,
        durable,
        now,
        budgets: limits.routes,
      },
    ),
  );
  api.use((_req, res) => sendError(res, 'not_found', 'no such API route'));
  app.use(API_PREFIX, api);

  const clientDist = path.resolve(config.CLIENT_DIST ?? 'client/dist');
  const indexHtml = path.join(clientDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // The service worker is checked for a new version on every visit: never from a cache.
    app.get('/sw.js', (_req, res) =>
      res.sendFile(path.join(clientDist, 'sw.js'), { headers: { 'Cache-Control': 'no-cache' } }),
    );
    // Read once: the build's inline scripts are allowed by their hashes, so the policy follows the shell.
    const csp = appShellCsp(fs.readFileSync(indexHtml, 'utf8'));
    app.use(
      express.static(clientDist, {
        index: false,
        maxAge: '1h',
        // The shell at its own name (`/index.html`) is the same page: the same policy.
        setHeaders: (res, file) => {
          if (file.endsWith('.html')) res.setHeader('Content-Security-Policy', csp);
        },
      }),
    );
    // The client routes in the browser: any other GET gets the app shell.
    app.get(/^(?!\/(api|yjs|socket\.io)\/).*/, (_req, res) =>
      res.sendFile(indexHtml, { headers: { 'Content-Security-Policy': csp } }),
    );
  } else {
    log.info('no built client found; serving the API only', { clientDist });
  }

  const onError: ErrorRequestHandler = (
    err: { type?: string; status?: number; message?: string },
    _req,
    res,
    _next,
  ) => {
    if (err.type === 'entity.parse.failed')
      return sendError(res, 'bad_request', 'the body is not valid JSON');
    if (err.type === 'entity.too.large' || err.status === 413)
      return sendError(res, 'too_large', 'the body is too large');
    if (err.status && err.status >= 400 && err.status < 500)
      return sendError(res, 'bad_request', err.message ?? 'bad request');
    log.error('request failed', { error: err.message });
    sendError(res, 'internal', 'internal error');
  };
  app.use(onError);
  return app;
}
