import type { Response } from 'express';
import type { z } from 'zod';
import type { ApiError, ErrorCode } from '@conjecture/shared';
import { invalidMessage, toIssues } from '@conjecture/shared';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  class_paused: 409,
  board_full: 507,
  protocol_mismatch: 400,
  unavailable: 503,
  internal: 500,
};

export function sendError(
  res: Response,
  code: ErrorCode,
  message: string,
  issues?: ApiError['issues'],
): void {
  const body: ApiError = issues ? { code, message, issues } : { code, message };
  res.status(STATUS[code]).json(body);
}

/** Parses a request part with its schema; on failure answers 400 with the issues and returns undefined. */
export function parseOr400<S extends z.ZodType>(res: Response, schema: S, value: unknown, what: string) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<S>;
  const issues = toIssues(parsed.error);
  sendError(res, 'bad_request', invalidMessage(what, issues), issues);
  return undefined;
}
