import { ADDRESS_BUDGET_FACTOR, type Role } from '@conjecture/shared';
import { TokenBucket } from './tokenBucket.js';
import { PRESENCE_BYTES_BURST, PRESENCE_BYTES_PER_SECOND } from './presenceCheck.js';

/**
 * Connections one user may hold open to one board at once. A student's page holds one (two while it follows
 * the teacher to its own group's board: the editor and the followed view); two tabs make four, and a
 * reconnection overlaps the old connection until the server's ping finds it gone (30–60 s), so 6. A teacher
 * holds a dashboard thumbnail of each group's board, the board in the editor and perhaps a followed view,
 * in a tab or two, each overlapping a reconnection: twice that. The projector shows one board per screen.
 * Each connection costs memory and a copy of every relay, and had budgets of its own before they were the
 * user's (BoardRoom's `users`, SharedBudgets): this stops a script opening hundreds.
 */
export const MAX_CONNECTIONS_PER_BOARD: Readonly<Record<Role, number>> = {
  student: 6,
  teacher: 12,
  projector: 6,
  coach: 0, // a coach link opens no live board
};

/** A board outside any class names its user in `?user=` (no accounts): held as a student is. */
export const maxConnectionsPerBoard = (role: Role | null): number =>
  MAX_CONNECTIONS_PER_BOARD[role ?? 'student'];

/**
 * Connections one client address may hold open to boards outside any class, over all of them. Such a
 * connection names itself in `?user=`, so the cap per user above bounds nothing: a script claims a fresh
 * user for each. An address is a school's NAT as often as one client, so it gets as many as
 * ADDRESS_BUDGET_FACTOR users would on one board (the route budgets' factor). Class connections are not
 * counted here: their user is a session the server issued.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = MAX_CONNECTIONS_PER_BOARD.student * ADDRESS_BUDGET_FACTOR;

/**
 * What a user may spend on a board, shared by all of their connections to it (see SharedBudgets): a second tab,
 * or a script's hundredth connection, brings no budget of its own.
 */
export interface UserBudget {
  updates: TokenBucket;
  awareness: TokenBucket;
  /** Awareness bytes relayed (PRESENCE_BYTES_PER_SECOND): what each classmate takes in of her presence. */
  awarenessBytes: TokenBucket;
  rejections: TokenBucket;
  /** Awareness queries answered (each encodes every presence on the board). */
  queries: TokenBucket;
  /** Awareness client ids the user's connections publish presence under. */
  presences: number;
}

/** The room's limits a user's budgets are made from (RoomLimits'). */
export interface UserBudgetLimits {
  maxUpdatesPerSecond: number;
  maxAwarenessPerSecond: number;
  maxRejectedPerSecond: number;
}

export const UPDATE_BURST_FACTOR = 4;
export const REJECTION_BURST_FACTOR = 10;
/**
 * Awareness queries (y-websocket's message 3) a user may have answered at once, then one per 10 s. The room
 * sends every presence when a connection joins and each change as it happens, so a stock client never asks;
 * each answer encodes every presence on the board, so asking in a loop would make the server do that.
 */
const QUERY_AWARENESS_BURST = 4;
const QUERY_AWARENESS_PER_SECOND = 0.1;

/**
 * How long a user's budgets outlive her last connection to the board (SharedBudgets' rest): until the slowest
 * of them (each a burst of its rate times a factor) would have refilled from empty. Over the update budget a
 * connection is closed, and a fresh set on reconnecting would hand a script its burst again.
 */
export const USER_BUDGETS_REST_MS =
  1000 *
  Math.max(
    UPDATE_BURST_FACTOR,
    REJECTION_BURST_FACTOR,
    2, // awareness messages
    PRESENCE_BYTES_BURST / PRESENCE_BYTES_PER_SECOND,
    QUERY_AWARENESS_BURST / QUERY_AWARENESS_PER_SECOND,
  );

/** A user's budgets on a board, full at `now`. */
export function newUserBudget(limits: UserBudgetLimits, now: number): UserBudget {
  const { maxUpdatesPerSecond, maxAwarenessPerSecond, maxRejectedPerSecond } = limits;
  return {
    updates: new TokenBucket(maxUpdatesPerSecond, maxUpdatesPerSecond * UPDATE_BURST_FACTOR, now),
    // Bursts of 2× (USER_BUDGETS_REST_MS counts on it).
    awareness: new TokenBucket(maxAwarenessPerSecond, maxAwarenessPerSecond * 2, now),
    awarenessBytes: new TokenBucket(PRESENCE_BYTES_PER_SECOND, PRESENCE_BYTES_BURST, now),
    rejections: new TokenBucket(maxRejectedPerSecond, maxRejectedPerSecond * REJECTION_BURST_FACTOR, now),
    queries: new TokenBucket(QUERY_AWARENESS_PER_SECOND, QUERY_AWARENESS_BURST, now),
    presences: 0,
  };
}
