import type { z } from 'zod';
import {
  ApiRequestError,
  createApiClient,
  jsonAnswerOf,
  refusalOf,
  type ApiClient,
} from '@conjecture/shared';
import { fetchPreferringEarly } from './earlyAnswers.js';

export { ApiRequestError };

/**
 * Who is calling: a student's, the projector's or a coach's token (sent as a bearer token), or the teacher,
 * whose httpOnly cookie the browser adds to same-origin requests by itself.
 */
export type ClassAuth = { token: string } | { teacher: true };

/** The teacher's credential: nothing to send, the cookie rides by itself. */
export const TEACHER_AUTH: ClassAuth = { teacher: true };

/** Takes the answers the page asked for before its first bundle ran (boot/earlyRequests.ts), else fetches. */
const earlyFetch = fetchPreferringEarly();

/** The typed REST client (routes as data, in shared) for the teacher's cookie or a public call. */
export const api: ApiClient = createApiClient({ fetch: earlyFetch });

const tokenClients = new Map<string, ApiClient>();
/** The typed REST client that sends this bearer token. */
export function apiFor(auth: ClassAuth | string): ApiClient {
  const token = typeof auth === 'string' ? auth : 'token' in auth ? auth.token : '';
  if (!token) return api;
  let client = tokenClients.get(token);
  if (!client) {
    client = createApiClient({ headers: { Authorization: `Bearer ${token}` }, fetch: earlyFetch });
    tokenClients.set(token, client);
  }
  return client;
}

/** For the one upload that is not JSON (images): fetches and parses the answer with a shared schema. */
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
  const body = await jsonAnswerOf(response);
  if (!response.ok) throw refusalOf(response.status, body, url);
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiRequestError('bad_response', `unexpected answer from ${url}`, response.status);
  return parsed.data;
}
