import type { z } from 'zod';
import { ApiErrorSchema, type ErrorCode, type Issue } from '@conjecture/shared';

/** A failed API call: `code` is the server's error code, or `network` when no answer came back. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly code: ErrorCode | 'network' | 'bad_response',
    message: string,
    readonly status: number | null = null,
    /** The server's issues for a refused body (e.g. which item and field of an item bank is wrong). */
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** Fetches and parses the answer with the shared schema: a response that does not match is an error, not data. */
export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new ApiRequestError('network', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(body);
    if (parsed.success)
      throw new ApiRequestError(
        parsed.data.code,
        parsed.data.message,
        response.status,
        parsed.data.issues ?? [],
      );
    throw new ApiRequestError('bad_response', `HTTP ${response.status} from ${url}`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiRequestError('bad_response', `unexpected answer from ${url}`, response.status);
  return parsed.data;
}

export const jsonBody = (value: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});
