import { YjsCloseCode } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import { authorizeBoard } from '../auth/access.js';
import { queryParamAuth } from './queryParamAuth.js';
import type { AuthenticateYjs } from './yjsEndpoint.js';

/**
 * Yjs connections to a class's group boards must present a session: `?token=` (students, projectors,
 * third-party clients) or the teacher's cookie for that class. `?mode=view` asks for a read-only connection
 * (the dashboard's thumbnails). Boards outside any class keep the foundation's open `?user=` identity.
 */
export function sessionAuth(classroom: ClassroomService): AuthenticateYjs {
  return (request, url, boardId) => {
    const token = url.searchParams.get('token') ?? undefined;
    const caller = authorizeBoard(
      classroom,
      { bearer: token, cookie: request.headers.cookie },
      boardId,
      url.searchParams.get('mode') === 'view',
    );
    if (!caller.ok)
      return caller.error.code === 'unauthorized'
        ? { ok: false, code: YjsCloseCode.unauthorized, reason: 'missing, wrong or revoked token' }
        : { ok: false, code: YjsCloseCode.forbidden, reason: caller.error.message };
    const { classId, principal, access } = caller.value;
    if (!classId || !principal || !access) return queryParamAuth(request, url, boardId);
    return {
      ok: true,
      userId: access.userId,
      writable: access.writable,
      role: principal.role,
      classId,
      expiresAt: classroom.sessionExpiresAt(principal.sessionId),
    };
  };
}
