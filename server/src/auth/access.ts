import { can, fail, ok, type Capability, type Result } from '@conjecture/shared';
import type { BoardAccess, ClassroomService, Principal } from '../classroom/classroomService.js';
import { principalOf, refusalReason, type Credentials } from './credentials.js';

export interface ClassCaller {
  classId: string;
  principal: Principal;
}

/**
 * The caller's right on a class: not_found for an unknown class, unauthorized (with the reason) for a
 * missing or foreign credential, forbidden for a role without `capability` (null: any member will do).
 */
export function authorizeClass(
  classroom: ClassroomService,
  creds: Credentials,
  classId: string | undefined,
  capability: Capability | null,
): Result<ClassCaller> {
  if (!classId || !classroom.hasClass(classId)) return fail('not_found', 'no such class');
  const principal = principalOf(classroom, creds, classId);
  if (!principal || principal.classId !== classId)
    return fail('unauthorized', refusalReason(classroom, creds, classId));
  if (capability && !can(principal.role, capability))
    return fail('forbidden', `a ${principal.role} may not do this`);
  return ok({ classId, principal });
}

export interface BoardCaller {
  /** The class the board belongs to, or null for a board outside any class. */
  classId: string | null;
  principal: Principal | null;
  /** For a class's board: the caller's access (writable, user id). Null outside any class. */
  access: Extract<BoardAccess, { ok: true }> | null;
}

/**
 * Whether a caller may open a board — the one check behind Yjs connections, board watches on socket.io, and
 * HTTP reads and uploads. A board outside any class is open to anyone with its id; a class's board to those
 * `boardAccess` lets in (`view`: read-only is enough).
 */
export function authorizeBoard(
  classroom: ClassroomService,
  creds: Credentials,
  boardId: string,
  view: boolean,
): Result<BoardCaller> {
  const classId = classroom.classOfBoard(boardId);
  if (!classId) return ok({ classId: null, principal: null, access: null });
  const principal = principalOf(classroom, creds, classId);
  // A valid credential for another class is refused by the board's own check (forbidden, not unauthorized).
  if (!principal) return fail('unauthorized', refusalReason(classroom, creds, classId));
  return principalOpensBoard(classroom, principal, boardId, view);
}

/** The same check for a principal already known (a socket's, from its handshake). */
export function principalOpensBoard(
  classroom: ClassroomService,
  principal: Principal | null,
  boardId: string,
  view: boolean,
): Result<BoardCaller> {
  const classId = classroom.classOfBoard(boardId);
  if (!classId) return ok({ classId: null, principal, access: null });
  if (!principal) return fail('unauthorized', 'sign in to this class first');
  const access = classroom.boardAccess(principal, boardId, view);
  if (!access.ok) return fail('forbidden', access.reason);
  return ok({ classId, principal, access });
}
