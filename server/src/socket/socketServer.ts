import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type {
  ClientEventAck,
  ClientEventName,
  ClientEventPayload,
  ClientToServerEvents,
  HandshakeAuth,
  ServerToClientEvents,
} from '@conjecture/shared';
import type { z } from 'zod';
import type { Capability, ErrorCode, Result } from '@conjecture/shared';
import {
  can,
  clientEventBudgets,
  clientEventSchemas,
  clientEvents,
  fail,
  HandshakeAuthSchema,
  ok,
  PROTOCOL_VERSION,
  RATE_LIMIT_STRIKES,
} from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomService, Principal } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import type { CritiqueService } from '../classroom/critiqueService.js';
import { principalOpensBoard } from '../auth/access.js';
import { principalOf, refusalReason } from '../auth/credentials.js';
import type { Logger } from '../util/logger.js';
import type { BudgetLease } from '../util/sharedBudgets.js';
import type { ConnectionGauge } from '../util/connectionGauge.js';
import type { FreeBoardConnections } from '../yjs/yjsEndpoint.js';
import { EventBudgets } from './eventBudgets.js';
import { MAX_SOCKETS_PER_PRINCIPAL, principalKey, PrincipalBudgets } from './principalBudgets.js';
import type { Handler } from './handle.js';
import { handle } from './handle.js';
import {
  boardChannel,
  classChannel,
  projectorChannel,
  studentChannel,
  teacherChannel,
} from '../realtime/channels.js';
import { encodeVector } from '../realtime/realtime.js';

interface SocketData {
  auth: HandshakeAuth;
  /** Null for clients of boards outside any class. */
  principal: Principal | null;
  /** When the principal's session expires (realtime/sessionExpiry.ts disconnects it then); null without one. */
  expiresAt: number | null;
  watching: Set<string>;
  /** The event budgets this socket spends: its principal's, shared with the principal's other sockets. */
  budgets: EventBudgets<ClientEventName>;
  /** Gives the socket's place in its principal's budgets back (on disconnect, or if it never connects). */
  release: () => void;
  /** Stops watching the boards its principal may no longer open (set once the socket is connected). */
  dropLostWatches?: () => void;
}

/**
 * Sockets without a class credential, per client address. Such a socket has no principal to cap (the
 * standalone board page opens one beside its board's Yjs connection), so its address is what is counted —
 * in the count the Yjs endpoint caps board connections outside a class by, under a key of its own: the
 * same cap for each channel, so a page (one of each) reaches neither before the other, and a cluster
 * process's shards share both counts as they share the one object.
 */
export interface SocketsWithoutClass {
  /** The client's address, as the REST routes' budgets see it (TRUST_PROXY). */
  addressOf: (request: IncomingMessage) => string;
  /** MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS. */
  maxPerAddress: number;
  count: FreeBoardConnections;
  /** The same count across a cluster's processes (REDIS_URL), checked after this process's own. */
  cluster?: ConnectionGauge;
}

const socketsWithoutClassKey = (address: string) => `socket.io ${address}`;

export type SocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * Boards one socket without a class may watch at once. Each watch holds its board in memory; the standalone
 * board page opens a socket per board and watches that one, so 4 is past any page, yet bounds what a
 * script holds with its address's sockets (MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS of them).
 */
export const MAX_WATCHES_WITHOUT_CLASS = 4;

type ClientEvent = ClientEventName;
type CritiqueEvent = 'postCritique' | 'editCritique' | 'deleteCritique' | 'resolveCritique';
/** A handler answers with the event's ack type (from the shared contract), checked at compile time. */
type EventHandler<E extends ClientEvent> = (
  payload: ClientEventPayload<E>,
) => Result<ClientEventAck<E>> | Promise<Result<ClientEventAck<E>>>;

/**
 * A watch is checked when it is made; a board's tags carry the words written on it. When what a channel's
 * principals may open changes (a student moved, the projection or the followed board changed), their
 * sockets stop watching what they lost at once — whether or not their page unwatches — as their Yjs
 * connections to it are closed.
 */
export function dropLostWatches(io: SocketServer, channel: string): void {
  for (const id of io.sockets.adapter.rooms.get(channel) ?? [])
    io.sockets.sockets.get(id)?.data.dropLostWatches?.();
}

export function createSocketServer(
  httpServer: HttpServer,
  rooms: BoardRooms,
  classroom: ClassroomService,
  questions: QuestionService,
  critiques: CritiqueService,
  log: Logger,
  /** The clock the event budgets run on (tests pass their own). */
  now: () => number,
  withoutClass: SocketsWithoutClass,
  /** Resolves once every write so far is durable (PostgreSQL storage): acks wait for it. */
  durable?: () => Promise<void>,
): SocketServer {
  const io: SocketServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 1024 * 1024,
    // The Yjs endpoint shares this HTTP server; engine.io must leave upgrades that are not its own alone.
    destroyUpgrade: false,
  });

  const principals = new PrincipalBudgets(clientEventBudgets, RATE_LIMIT_STRIKES, now);

  type SocketLease = BudgetLease<EventBudgets<ClientEventName>>;
  const refusal = (code: ErrorCode, message: string) => Object.assign(new Error(message), { data: { code } });
  // Budgets follow the principal, not the socket: more sockets buy no more events (see PrincipalBudgets).
  const principalLease = (principal: Principal): SocketLease | Error => {
    const max = MAX_SOCKETS_PER_PRINCIPAL[principal.role];
    const lease = principals.join(principalKey(principal), max);
    if (lease) return lease;
    log.debug('refused a socket past its principal’s cap', { role: principal.role, max });
    return refusal(
      'rate_limited',
      `too many connections for this session (at most ${max} at once): close another tab`,
    );
  };
  // A client of no class (a board outside any) has no principal to pool by and keeps one set per socket;
  // its address caps how many such sockets it holds.
  const addressLease = (request: IncomingMessage): SocketLease | Error => {
    const max = withoutClass.maxPerAddress;
    const held = withoutClass.count.join(socketsWithoutClassKey(withoutClass.addressOf(request)), max);
    if (held)
      return {
        budgets: new EventBudgets(clientEventBudgets, RATE_LIMIT_STRIKES, now),
        release: held.release,
      };
    log.debug('refused a socket without a class past its address’s cap', { max });
    return refusal(
      'rate_limited',
      `at most ${max} connections without a class from one address at once: close another tab`,
    );
  };

  io.use((socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success)
      return next(Object.assign(new Error('bad handshake'), { data: { code: 'bad_request' } }));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      const message = `protocol ${auth.data.protocolVersion} is not the server's ${PROTOCOL_VERSION}: reload the page`;
      return next(Object.assign(new Error(message), { data: { code: 'protocol_mismatch' } }));
    }
    let principal: Principal | null = null;
    if (auth.data.token || auth.data.classId) {
      principal = principalOf(
        classroom,
        { bearer: auth.data.token, cookie: socket.request.headers.cookie },
        auth.data.classId,
      );
      if (!principal)
        return next(
          Object.assign(new Error('missing, wrong or revoked token'), { data: { code: 'unauthorized' } }),
        );
      // A coach reads the evidence as it stands, over HTTP: no class broadcast is its to hear.
      if (principal.role === 'coach')
        return next(
          Object.assign(new Error('a coach link has no live connection'), { data: { code: 'forbidden' } }),
        );
    }
    const lease = principal ? principalLease(principal) : addressLease(socket.request);
    if (lease instanceof Error) return next(lease);
    // The transport's close covers a socket that never reaches 'connection' (its client left mid-handshake).
    socket.conn.once('close', lease.release);
    const admit = () => {
      const expiresAt = principal ? classroom.sessionExpiresAt(principal.sessionId) : null;
      socket.data = { auth: auth.data, principal, expiresAt, watching: new Set(), ...lease };
      next();
    };
    if (principal || !withoutClass.cluster) return admit();
    const max = withoutClass.maxPerAddress;
    const key = socketsWithoutClassKey(withoutClass.addressOf(socket.request));
    void withoutClass.cluster.join(key, max).then((held) => {
      if (typeof held === 'object') {
        if (socket.conn.readyState === 'closed') held.release();
        else socket.conn.once('close', held.release);
        return admit();
      }
      lease.release();
      next(
        held === 'limited'
          ? refusal(
              'rate_limited',
              `at most ${max} connections without a class from one address at once: close another tab`,
            )
          : refusal('unavailable', 'the limits store is out of reach: retry'),
      );
    });
  });

  io.on('connection', (socket) => {
    const { watching, principal, budgets, release } = socket.data;
    if (principal) {
      void socket.join(classChannel(principal.classId));
      if (principal.studentId) void socket.join(studentChannel(principal.studentId));
      if (principal.role === 'teacher') void socket.join(teacherChannel(principal.classId));
      if (principal.role === 'projector') void socket.join(projectorChannel(principal.classId));
      if (principal.studentId) classroom.studentConnected(principal.classId, principal.studentId, 1);
    }
    /** The caller's principal if its role has `capability`; every refusal is logged. */
    const allowed = (capability: Capability, event: string): Principal | null => {
      if (principal && can(principal.role, capability)) return principal;
      log.info('refused a socket event the role may not send', { event, role: principal?.role ?? 'none' });
      return null;
    };
    // The handshake's session is checked again at every event, as every REST call checks its own: a session
    // that expired, was revoked or lost its student (a removal) since acts no more, even before the expiry
    // sweep or a disconnect that waits for storage reaches this socket. The handshake's credentials are the
    // socket's for its whole life, so the same session answers for as long as it is valid.
    const credentials = { bearer: socket.data.auth.token, cookie: socket.request.headers.cookie };
    const staleSession = (event: string): Result<never> | null => {
      if (!principal) return null;
      if (principalOf(classroom, credentials, socket.data.auth.classId)?.sessionId === principal.sessionId)
        return null;
      log.info('refused an event from a session no longer valid', { event, role: principal.role });
      return fail('unauthorized', refusalReason(classroom, credentials, socket.data.auth.classId));
    };
    // Every event goes through handle() with its schema and its principal's budget for it, both declared
    // with the event in the shared contract; the handler's result is checked against the event's ack type.
    // A socket that ignored rate_limited until its principal's strikes ran out is disconnected on its own:
    // its siblings behaved (the student's other tab, the teacher's dashboard beside a looping tab) and keep
    // their connection, yet share the spent strikes — each is cut off at its first event over budget, so
    // spreading over sockets buys one refusal each, not more work; and the budgets outlive the principal's
    // last socket until they would have refilled (PrincipalBudgets), so hanging up buys no fresh burst.
    const on = <E extends ClientEvent>(event: E, handler: EventHandler<E>) =>
      socket.on(
        event,
        handle(
          event,
          clientEventSchemas[event],
          ((payload: ClientEventPayload<E>) => staleSession(event) ?? handler(payload)) as Handler<
            z.ZodType,
            unknown
          >,
          {
            log,
            budgets,
            onExhausted: () => socket.disconnect(true),
            durable,
          },
        ) as never,
      );

    // An event the contract does not have reaches no handler: socket.io would drop it unanswered and
    // uncharged. It is answered bad_request and costs a strike, as an event over budget does, so a client
    // cannot send them (each parsed) for ever.
    socket.use(([event, ...args], next) => {
      if (Object.hasOwn(clientEvents, event)) return next();
      const ack = args.at(-1);
      const verdict = budgets.strike();
      log.info('refused an event the contract does not have', { role: principal?.role ?? 'none' });
      if (typeof ack === 'function')
        (ack as (r: Result<never>) => void)(
          fail('bad_request', `unknown event ${String(event).slice(0, 64)}`),
        );
      if (verdict === 'exhausted') socket.disconnect(true);
    });
    on('answerQuestion', (payload) => {
      const p = allowed('questions.answer', 'answerQuestion');
      if (!p?.studentId) return fail('forbidden', 'only students answer questions');
      return questions.answer(p.classId, p.studentId, payload);
    });
    // Critique threads: any member who may write on the board posts; authors (or the teacher) change replies.
    const critic = (event: CritiqueEvent): Principal | null => allowed('critique.post', event);
    on('postCritique', (payload) => {
      const p = critic('postCritique');
      return p ? critiques.post(p, payload) : fail('forbidden', 'join the class first');
    });
    on('editCritique', (payload) => {
      const p = critic('editCritique');
      return p ? critiques.edit(p, payload) : fail('forbidden', 'join the class first');
    });
    on('deleteCritique', (payload) => {
      const p = critic('deleteCritique');
      return p ? critiques.delete(p, payload) : fail('forbidden', 'join the class first');
    });
    on('resolveCritique', (payload) => {
      const p = critic('resolveCritique');
      return p ? critiques.resolve(p, payload) : fail('forbidden', 'join the class first');
    });
    on('raiseHand', ({ raised }) => {
      const p = allowed('hands.raise', 'raiseHand');
      if (!p?.studentId) return fail('forbidden', 'only students raise hands');
      return classroom.raiseHand(p, raised);
    });
    on('clearHand', ({ studentId }) => {
      const p = allowed('hands.clear', 'clearHand');
      if (!p) return fail('forbidden', 'only the teacher clears hands');
      return classroom.clearHand(p.classId, studentId);
    });
    on('watchBoard', ({ boardId }) => {
      if (!rooms.getBoard(boardId)) return fail('not_found', 'no such board');
      // A class's boards are watched only by those who may open them.
      const allowed = principalOpensBoard(classroom, principal, boardId, true);
      if (!allowed.ok) return fail('forbidden', allowed.error.message);
      // A class's socket watches its class's boards only. A watch holds its board in memory for as long as
      // it lasts, and a board outside every class is open to anyone: a credential's sockets (several each,
      // budgets refilling) would otherwise pin any number of such boards, past the per-address cap on their
      // Yjs connections. No page of a class shows a board outside it.
      if (principal && allowed.value.classId === null)
        return fail('forbidden', 'this board is not in your class');
      // Without a class, a socket's watches are what it holds: a few, past any page (one socket a board).
      if (!principal && !watching.has(boardId) && watching.size >= MAX_WATCHES_WITHOUT_CLASS)
        return fail(
          'forbidden',
          `a connection without a class watches at most ${MAX_WATCHES_WITHOUT_CLASS} boards at once: unwatch one first`,
        );
      const room = watching.has(boardId) ? rooms.get(boardId) : rooms.hold(boardId);
      if (!room) return fail('not_found', 'no such board');
      watching.add(boardId);
      void socket.join(boardChannel(boardId));
      return ok(encodeVector(room));
    });
    const unwatch = (boardId: string) => {
      if (!watching.delete(boardId)) return;
      void socket.leave(boardChannel(boardId));
      rooms.release(boardId);
    };
    on('unwatchBoard', ({ boardId }) => {
      unwatch(boardId);
      return ok(null);
    });
    socket.data.dropLostWatches = () => {
      for (const boardId of [...watching])
        if (!principalOpensBoard(classroom, principal, boardId, true).ok) unwatch(boardId);
    };
    socket.on('disconnect', () => {
      release();
      if (principal?.studentId) classroom.studentConnected(principal.classId, principal.studentId, -1);
      for (const boardId of watching) rooms.release(boardId);
      watching.clear();
    });
  });
  return io;
}
