import { YjsCloseCode } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import { principalOf } from '../http/auth.js';
import { queryParamAuth } from './queryParamAuth.js';
import type { AuthenticateYjs } from './yjsEndpoint.js';

/**
 * Yjs connections to a class's group boards must present a session: `?token=` (students, projectors,
 * third-party clients) or the teacher's cookie for that class. `?mode=view` asks for a read-only connection
 * (the dashboard's thumbnails). Boards outside any class keep the foundation's open `?user=` identity.
 */
export function sessionAuth(classroom: ClassroomService): AuthenticateYjs {
  return (request, url, boardId) => {
    const classId = classroom.classOfBoard(boardId);
    if (!classId) return queryParamAuth(request, url, boardId);
    const token = url.searchParams.get('token');
    const principal = principalOf(
      classroom,
      { authorization: token ? `Bearer ${token}` : undefined, cookie: request.headers.cookie },
      classId,
    );
    if (!principal)
      return { ok: false, code: YjsCloseCode.unauthorized, reason: 'missing, wrong or revoked token' };
    const access = classroom.boardAccess(principal, boardId, url.searchParams.get('mode') === 'view');
    if (!access.ok) return { ok: false, code: YjsCloseCode.forbidden, reason: access.reason };
    return { ok: true, userId: access.userId, writable: access.writable, role: principal.role, classId };
  };
}
