import type { Request } from 'express';
import type { ClassroomService, Principal } from '../classroom/classroomService.js';

export const teacherCookieName = (classId: string) => `conjecture_teacher_${classId}`;

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

/**
 * The principal behind a request: `Authorization: Bearer <token>` (students, projectors, third-party
 * clients) or, for a class's routes, the teacher's httpOnly cookie for that class.
 */
export function principalOf(
  classroom: ClassroomService,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  classId?: string,
): Principal | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return classroom.authenticate(bearer);
  if (classId) {
    const cookie = parseCookies(headers.cookie).get(teacherCookieName(classId));
    if (cookie) return classroom.authenticate(cookie);
  }
  return null;
}

export const requestPrincipal = (classroom: ClassroomService, req: Request, classId?: string) =>
  principalOf(classroom, req.headers, classId);

/** Why a request's credential was refused, in words the user can act on. */
export function refusalReason(classroom: ClassroomService, req: Request, classId?: string): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const cookie = classId ? parseCookies(req.headers.cookie).get(teacherCookieName(classId)) : undefined;
  const token = bearer ?? cookie;
  if (!token) return 'sign in first: no token or teacher cookie was sent';
  const checked = classroom.checkToken(token);
  return checked.ok ? 'this credential is for another class' : checked.reason;
}
