import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { ErrorRequestHandler } from 'express';
import type { BoardInfo, ClientConfig } from '@conjecture/shared';
import { API_PREFIX, BoardIdSchema, CreateBoardBodySchema, PROTOCOL_VERSION } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { Config } from '../config.js';
import type { BoardStore } from '../storage/boardStore.js';
import type { Logger } from '../util/logger.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import { assetRoutes } from './assets.js';
import { classroomRoutes } from './classroomRoutes.js';
import { taggingRoutes } from './taggingRoutes.js';
import { diagnosticRoutes } from './diagnosticRoutes.js';
import { boardInsightRoutes } from './boardInsightRoutes.js';
import { anticipationRoutes } from './anticipationRoutes.js';
import type { MonitoringService } from '../anticipation/monitoringService.js';
import type { AlertsOf } from '../anticipation/wireMonitoring.js';
import type { DiagnosticService } from '../diagnostics/diagnosticService.js';
import type { TaggingService } from '../tagging/taggingService.js';
import { parseOr400, sendError } from './validate.js';

export interface AppDeps {
  classroom: ClassroomService;
  questions: QuestionService;
  tagging: TaggingService;
  diagnostics: DiagnosticService;
  monitoring: MonitoringService;
  alertsOf: AlertsOf;
  config: Config;
  rooms: BoardRooms;
  store: BoardStore;
  log: Logger;
  now: () => number;
}

const JSON_LIMIT = '64kb';

export function createApp({
  config,
  rooms,
  store,
  classroom,
  questions,
  tagging,
  diagnostics,
  monitoring,
  alertsOf,
  log,
  now,
}: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });

  const api = express.Router();
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.get('/config', (_req, res) => {
    const body: ClientConfig = {
      protocolVersion: PROTOCOL_VERSION,
      tldrawLicenseKey: config.TLDRAW_LICENSE_KEY ?? null,
      maxUpdateBytes: config.MAX_UPDATE_BYTES,
      maxAssetBytes: config.MAX_ASSET_BYTES,
    };
    res.json(body);
  });
  api.post('/boards', express.json({ limit: JSON_LIMIT }), (req, res) => {
    const body = parseOr400(res, CreateBoardBodySchema, req.body ?? {}, 'board');
    if (!body) return;
    const board: BoardInfo = rooms.createBoard(body.title ?? 'Untitled board');
    log.info('board created', { boardId: board.boardId });
    res.status(201).json(board);
  });
  api.get('/boards/:boardId', (req, res) => {
    const id = BoardIdSchema.safeParse(req.params.boardId);
    const board = id.success ? rooms.getBoard(id.data) : undefined;
    if (!board) return sendError(res, 'not_found', 'no such board');
    res.json(board satisfies BoardInfo);
  });
  api.use(assetRoutes({ store, rooms, classroom, maxAssetBytes: config.MAX_ASSET_BYTES, now }));
  api.use(classroomRoutes({ classroom, questions, log, now, classesPerHour: config.MAX_CLASSES_PER_HOUR }));
  api.use(taggingRoutes({ classroom, tagging }));
  api.use(diagnosticRoutes({ classroom, diagnostics }));
  api.use(boardInsightRoutes({ rooms, classroom }));
  api.use(anticipationRoutes({ classroom, monitoring, alertsOf, now, log }));
  api.use((_req, res) => sendError(res, 'not_found', 'no such API route'));
  app.use(API_PREFIX, api);

  const clientDist = path.resolve(config.CLIENT_DIST ?? 'client/dist');
  const indexHtml = path.join(clientDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // The client routes in the browser: any other GET gets the app shell.
    app.get(/^(?!\/(api|yjs|socket\.io)\/).*/, (_req, res) => res.sendFile(indexHtml));
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
