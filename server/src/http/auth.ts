import type { Request, Response } from 'express';
import { can, ClassIdSchema, type Capability } from '@conjecture/shared';
import type { ClassroomService, Principal } from '../classroom/classroomService.js';
import type { Logger } from '../util/logger.js';
import { sendError } from './validate.js';

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

/**
 * The class in the path and the caller's right to `capability` on it: 404 for an unknown class, 401 with the
 * reason for a missing or foreign credential, 403 for a role that may not. Answers the refusal itself and then
 * returns undefined. With `log`, a refused capability is logged (someone tried what their role cannot do).
 */
export function authorizeClass(
  classroom: ClassroomService,
  req: Request,
  res: Response,
  capability: Capability,
  log?: Logger,
): { classId: string; principal: Principal } | undefined {
  const classId = ClassIdSchema.safeParse(req.params.classId);
  if (!classId.success || !classroom.hasClass(classId.data))
    return void sendError(res, 'not_found', 'no such class');
  const principal = requestPrincipal(classroom, req, classId.data);
  if (!principal || principal.classId !== classId.data)
    return void sendError(res, 'unauthorized', refusalReason(classroom, req, classId.data));
  if (!can(principal.role, capability)) {
    log?.info('refused an action the role may not take', {
      classId: classId.data,
      role: principal.role,
      capability,
      path: req.path,
    });
    return void sendError(res, 'forbidden', `a ${principal.role} may not do this`);
  }
  return { classId: classId.data, principal };
}
