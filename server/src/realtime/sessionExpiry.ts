import { SESSION_EXPIRED, YjsCloseCode } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import { isExpired } from '../classroom/classSessions.js';
import type { SocketServer } from '../socket/socketServer.js';
import type { Logger } from '../util/logger.js';
import type { Scheduler } from '../util/scheduler.js';
import type { YjsEndpoint } from '../yjs/yjsEndpoint.js';

/**
 * How often open connections are checked for an expired session. A session lives for days
 * (SESSION_MAX_AGE_DAYS), so a minute late is nothing — and one sweep per server needs no timer per
 * connection, none to clear when one closes, and none longer than Node's 2^31-1 ms limit.
 */
export const SESSION_EXPIRY_SWEEP_MS = 60_000;

/**
 * A session is checked when a connection opens (and a socket's again at each event it sends); one that
 * expires while it is open is cut off as a revoked one is: its board connections closed with 4401 (a page asks /me why, and hears "expired"), its sockets
 * disconnected by the server (socket.io does not reconnect them). The same sweep deletes the sessions that
 * expired long enough ago (ClassSessions.deleteExpiredSessions), so the session table does not grow for ever.
 */
export function sweepExpiredSessions(
  yjs: YjsEndpoint,
  io: SocketServer,
  classroom: Pick<ClassroomService, 'deleteExpiredSessions'>,
  now: () => number,
  scheduler: Scheduler,
  log: Logger,
): void {
  scheduler.interval(SESSION_EXPIRY_SWEEP_MS, () => {
    // Storage failing (a full disk) must not throw out of the timer, nor keep what expired connected.
    try {
      classroom.deleteExpiredSessions();
    } catch (error) {
      log.error('deleting expired sessions failed', { error: (error as Error).message });
    }
    const at = now();
    for (const c of yjs.connections())
      if (c.expiresAt !== null && isExpired(c.expiresAt, at))
        c.peer.close(YjsCloseCode.unauthorized, SESSION_EXPIRED);
    for (const socket of io.sockets.sockets.values()) {
      const { expiresAt } = socket.data;
      if (expiresAt !== null && isExpired(expiresAt, at)) socket.disconnect(true);
    }
  });
}
