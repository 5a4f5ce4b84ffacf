import type { RequestHandler } from 'express';
import type { BoardStore } from '../storage/boardStore.js';
import type { Logger } from '../util/logger.js';

/** For load balancers and monitors, outside /api: an operator's probe, not part of the app's contract. */
export const HEALTH_PATH = '/healthz';

/** A board id no board has (ids are generated): reading it touches storage and finds nothing. */
const PROBE_BOARD_ID = 'healthz-probe';

interface HealthDeps {
  storage: string;
  store: BoardStore;
  /** PostgreSQL: resolves once every write so far is durable, and rejects when it cannot be now. */
  durable: (() => Promise<void>) | undefined;
  log: Logger;
  now: () => number;
}

/**
 * 200 `{status: 'ok'}` while storage answers — a read, and with PostgreSQL every write so far made durable
 * (a database out of reach fails it) — and 503 `{status: 'unavailable'}` otherwise, so a load balancer stops
 * sending students to a server that would lose their work. Without it, /healthz fell through to the app's
 * page: 200 whatever the state of storage.
 */
export function healthCheck({ storage, store, durable, log, now }: HealthDeps): RequestHandler {
  const startedAt = now();
  return (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const report = (status: 'ok' | 'unavailable') => ({
      status,
      storage,
      uptimeSeconds: Math.round((now() - startedAt) / 1000),
    });
    const unavailable = (error: unknown) => {
      log.error('health check failed: storage does not answer', { error: String(error) });
      res.status(503).json({ ...report('unavailable'), reason: 'storage does not answer' });
    };
    try {
      store.getBoard(PROBE_BOARD_ID);
    } catch (error) {
      return unavailable(error);
    }
    (durable?.() ?? Promise.resolve()).then(() => res.json(report('ok')), unavailable);
  };
}
