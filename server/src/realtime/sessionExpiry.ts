import { SESSION_EXPIRED, YjsCloseCode } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import { isExpired } from '../classroom/classSessions.js';
import type { SocketServer } from '../socket/socketServer.js';
import type { Logger } from '../util/logger.js';
import type { Cancel, Scheduler } from '../util/scheduler.js';
import type { YjsEndpoint } from '../yjs/yjsEndpoint.js';

/**
 * How often open connections are checked for an expired session, and expired sessions deleted. The cut
 * itself is on time (see the alarm below); this sweep arms it for what expires before the next one.
 */
export const SESSION_EXPIRY_SWEEP_MS = 60_000;

/**
 * A session is checked when a connection opens (and a socket's again at each event it sends); one that
 * expires while it is open is cut off as a revoked one is: its board connections closed with 4401 (a page
 * asks /me why, and hears "expired"), its sockets disconnected by the server (socket.io does not reconnect
 * them). The cut comes at the expiry, not up to a sweep later: until then an expired student's board
 * connection still wrote and her sockets still heard the class. One alarm does it — a timeout at the
 * earliest expiry due before the next sweep, armed when such a connection opens or by the sweep — so there
 * is no timer per connection to clear when one closes, none longer than a sweep (Node's limit is 2^31-1 ms),
 * and the scheduler clears it when the server closes. The sweep also deletes the sessions that expired long
 * enough ago (ClassSessions.deleteExpiredSessions), so the session table does not grow for ever.
 */
export function sweepExpiredSessions(
  yjs: YjsEndpoint,
  io: SocketServer,
  classroom: Pick<ClassroomService, 'deleteExpiredSessions'>,
  now: () => number,
  scheduler: Scheduler,
  log: Logger,
): void {
  let alarm: { at: number; cancel: Cancel } | null = null;
  /** Arms the alarm for a session expiring at `expiresAt`, if that comes before the next sweep. */
  const due = (expiresAt: number | null) => {
    if (expiresAt === null) return;
    // isExpired is strict: a session is expired a millisecond past its expiry.
    const at = expiresAt + 1;
    if (at - now() >= SESSION_EXPIRY_SWEEP_MS || (alarm && alarm.at <= at)) return;
    alarm?.cancel();
    alarm = { at, cancel: scheduler.timeout(Math.max(0, at - now()), cutExpired) };
  };
  /** Cuts every connection whose session has expired, and arms the alarm for the next to expire. */
  function cutExpired(): void {
    alarm = null;
    const at = now();
    let next = Infinity;
    for (const c of yjs.connections()) {
      if (c.expiresAt === null) continue;
      if (isExpired(c.expiresAt, at)) c.peer.close(YjsCloseCode.unauthorized, SESSION_EXPIRED);
      else next = Math.min(next, c.expiresAt);
    }
    for (const socket of io.sockets.sockets.values()) {
      const { expiresAt } = socket.data;
      if (expiresAt === null) continue;
      if (isExpired(expiresAt, at)) socket.disconnect(true);
      else next = Math.min(next, expiresAt);
    }
    if (next !== Infinity) due(next);
  }
  yjs.onOpen((c) => due(c.expiresAt));
  io.on('connection', (socket) => due(socket.data.expiresAt));
  scheduler.interval(SESSION_EXPIRY_SWEEP_MS, () => {
    // Storage failing (a full disk) must not throw out of the timer, nor keep what expired connected.
    try {
      classroom.deleteExpiredSessions();
    } catch (error) {
      log.error('deleting expired sessions failed', { error: (error as Error).message });
    }
    cutExpired();
  });
}
