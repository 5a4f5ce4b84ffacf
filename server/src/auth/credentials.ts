import type { ClassroomService, Principal } from '../classroom/classroomService.js';

/**
 * What a caller presented, whatever the transport: a bearer token (an `Authorization` header, a socket.io
 * handshake's `token`, a Yjs `?token=`) and the Cookie header, which holds the teacher's httpOnly cookie.
 */
export interface Credentials {
  bearer?: string | undefined;
  cookie?: string | undefined;
}

export const teacherCookieName = (classId: string) => `conjecture_teacher_${classId}`;

/** The credentials of an HTTP request's headers. */
export function credentialsOfHeaders(headers: {
  authorization?: string | undefined;
  cookie?: string | undefined;
}): Credentials {
  return { bearer: /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1], cookie: headers.cookie };
}

/** Parses a Cookie header without a dependency: name=value pairs separated by semicolons. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie is ignored, not fatal
    }
  }
  return cookies;
}

/** The token a caller presented for a class: the bearer token first, else the teacher's cookie for it. */
function tokenOf(creds: Credentials, classId?: string): string | undefined {
  if (creds.bearer) return creds.bearer;
  return classId ? parseCookies(creds.cookie).get(teacherCookieName(classId)) : undefined;
}

/** The principal behind the credentials, or null when there is none or it is not valid. */
export function principalOf(
  classroom: ClassroomService,
  creds: Credentials,
  classId?: string,
): Principal | null {
  const token = tokenOf(creds, classId);
  return token ? classroom.authenticate(token) : null;
}

/** Why credentials were refused, in words the user can act on. */
export function refusalReason(classroom: ClassroomService, creds: Credentials, classId?: string): string {
  const token = tokenOf(creds, classId);
  if (!token) return 'sign in first: no token or teacher cookie was sent';
  const checked = classroom.checkToken(token);
  return checked.ok ? 'this credential is for another class' : checked.reason;
}
