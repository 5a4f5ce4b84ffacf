import { ClaimedUserIdSchema, YjsCloseCode } from '@conjecture/shared';
import type { AuthenticateYjs } from './yjsEndpoint.js';

/**
 * The foundation's identity: the connection names its opaque user id in `?user=` and may ask for a
 * read-only connection with `?mode=view`. There are no accounts yet; the classroom issue replaces this with
 * session tokens checked against the server's session table.
 */
export const queryParamAuth: AuthenticateYjs = (_request, url) => {
  const user = ClaimedUserIdSchema.safeParse(url.searchParams.get('user'));
  if (!user.success) {
    const why = user.error.issues[0]?.message ?? '';
    return { ok: false, code: YjsCloseCode.unauthorized, reason: `missing or bad ?user=: ${why}` };
  }
  return { ok: true, userId: user.data, writable: url.searchParams.get('mode') !== 'view' };
};
