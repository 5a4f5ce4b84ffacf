import { ADDRESS_BUDGET_FACTOR, type Role } from '@conjecture/shared';

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
