import type { EventBudget, Role } from '@conjecture/shared';
import type { Principal } from '../classroom/classroomTypes.js';
import { SharedBudgets } from '../util/sharedBudgets.js';
import { EventBudgets } from './eventBudgets.js';

/**
 * Sockets one principal may hold open at once. Far above honest use — a student's page opens one class
 * socket (its board goes over the Yjs websocket, not counted here), so 8 is several tabs each with a
 * reconnection that overlaps the old socket until the server notices it gone (up to socket.io's ping
 * interval and timeout, ~45 s); a teacher keeps the dashboard and board tabs open, so twice that — yet it
 * stops a script opening hundreds of sockets, each of which costs memory and every class broadcast.
 */
export const MAX_SOCKETS_PER_PRINCIPAL: Readonly<Record<Role, number>> = {
  student: 8,
  teacher: 16,
  projector: 8,
  coach: 0, // a coach link has no live connection
};

/**
 * Whose budgets a socket spends: a student's (every session of the student: a rejoin or a second browser
 * gets no new budget), otherwise the session's (the teacher's cookie, the projector's link), so a teacher
 * with the dashboard and the projector open in one browser spends two budgets, as two people would.
 */
export function principalKey(p: Principal): string {
  return p.studentId ? `student:${p.classId}:${p.studentId}` : `${p.role}:${p.sessionId}`;
}

/**
 * One set of event budgets per principal, shared by all of its sockets on this process (`SharedBudgets`),
 * and kept after the last of them closes until it would have refilled (`refillMs`).
 *
 * In a cluster this is per process, and that is per principal: a socket's handshake is routed to its
 * class's shard (the session id lies in it, `idInShard`), each shard is served by one process at a time and
 * a session is known only in its own shard's schema — all of a principal's sockets meet on one process.
 */
export class PrincipalBudgets<E extends string> extends SharedBudgets<EventBudgets<E>> {
  constructor(budgets: Readonly<Record<E, EventBudget>>, strikes: EventBudget, now: () => number) {
    super(() => new EventBudgets(budgets, strikes, now), { ms: refillMs(budgets, strikes), now });
  }
}

/**
 * How long the slowest of these budgets takes to refill from empty: a principal's budgets are kept that long
 * after its last socket closes (SharedBudgets' rest), so hanging up and connecting again buys no new burst —
 * a socket is cheap to open, and each burst of critiques or answers is stored and fanned out to the teacher.
 */
export function refillMs(budgets: Readonly<Record<string, EventBudget>>, strikes: EventBudget): number {
  const seconds = [...Object.values(budgets), strikes].map((b) => b.burst / b.perSecond);
  return Math.ceil(Math.max(...seconds) * 1000);
}
