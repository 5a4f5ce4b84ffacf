import { z } from 'zod';
import { lazySchema } from '../lazySchema.js';

/** Every error the server answers with carries one of these codes, so clients can branch without parsing text. */
export const ErrorCodeSchema = lazySchema(() =>
  z.enum([
    'bad_request', // payload failed its schema; `issues` says where
    'unauthorized', // missing, wrong, expired or revoked credential
    'forbidden', // the role may not do this
    'not_found',
    'conflict',
    'too_large',
    'rate_limited',
    'class_paused', // the class is paused or ended: students' work and calls on the teacher wait
    'board_full', // the board holds MAX_BOARD_BYTES: nothing more is written to it (Yjs close code 4507)
    'protocol_mismatch',
    'unavailable', // storage is out of reach (PostgreSQL down): nothing was acknowledged; try again shortly
    'internal',
  ]),
);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * The message of an expired session's refusal (401 `unauthorized`, and the 4401 close of its board): in the
 * contract so a page can tell "expired" from "revoked" and say what to do, without matching server prose.
 */
export const SESSION_EXPIRED = 'this session has expired: join the class again';

export const IssueSchema = lazySchema(() =>
  z.object({
    path: z.array(z.union([z.string(), z.number()])),
    message: z.string(),
  }),
);
export type Issue = z.infer<typeof IssueSchema>;

export const ApiErrorSchema = lazySchema(() =>
  z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    issues: z.array(IssueSchema).optional(),
  }),
);
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** The shape of every socket.io acknowledgement. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: Issue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** zod's issues, reduced to what a client needs to point at the field. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
}

/**
 * The message of a refused request part, naming its first problem so whoever reads only the message (a
 * student's dialog, a log line) knows what to fix: "invalid body: text: Too big: expected string to have
 * <=500 characters", "invalid body: answer at least one question (and 1 more)".
 */
export function invalidMessage(what: string, issues: readonly Issue[]): string {
  const [first] = issues;
  if (!first) return `invalid ${what}`;
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `invalid ${what}: ${where}${first.message}${more}`;
}
