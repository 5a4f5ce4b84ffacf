import { ApiErrorSchema, type ErrorCode, type Issue } from './result.js';
import { API_PREFIX } from './rest.js';
import { SHARD_COUNT, SHARD_PARAM, sessionIdOfToken, shardOf } from '../domain/shards.js';
import {
  routePath,
  routes,
  type RouteInput,
  type RouteName,
  type RouteOutput,
  type Routes,
} from './routes.js';

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

/**
 * What a caller hears when something other than Conjecture's server answered: a captive portal's login page,
 * a firewall's or a proxy's error page. Said as "no answer" (`network`), since that is what it is to the
 * student, rather than as a broken answer.
 */
export const SERVER_DID_NOT_ANSWER = "Conjecture's server did not answer — check the network";

/**
 * The answer's JSON body. The server answers every route, refusals included, in JSON: an answer that is not
 * JSON came from something in between (a school Wi-Fi's portal answers any request with its HTML login page,
 * 200 or 511) and is thrown as no answer instead of failing later as a parse error or a bad answer.
 */
export async function jsonAnswerOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiRequestError('network', SERVER_DID_NOT_ANSWER, response.status);
  }
}

export interface ApiClientOptions {
  /** Where the server is: '' in the browser (same origin), `http://127.0.0.1:<port>` in tests and tools. */
  origin?: string;
  /** Headers sent with every call: a bearer token, or a cookie outside a browser. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

type Args<N extends RouteName> =
  RouteInput<Routes[N]> extends { params?: undefined; body?: undefined }
    ? [input?: RouteInput<Routes[N]>]
    : [input: RouteInput<Routes[N]>];

/** One method per route of the shared table, typed by it: `api.renameGroup({ params, body })`. */
export type ApiClient = { [N in RouteName]: (...args: Args<N>) => Promise<RouteOutput<Routes[N]>> };

/**
 * The typed client of the REST contract, generated from the routes table: every call builds its URL from the
 * route's path, sends its body as JSON, and parses the answer with the route's schema (an answer that does
 * not match is an error, not data). Refusals throw ApiRequestError with the server's code and issues.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client: Partial<Record<RouteName, unknown>> = {};
  for (const name of Object.keys(routes) as RouteName[]) {
    client[name] = (input: { params?: Record<string, string>; query?: object; body?: unknown } = {}) =>
      callRoute(name, input, options);
  }
  return client as ApiClient;
}

/** The error for a refused answer: the server's code, message and issues, or `bad_response` if it sent none. */
export function refusalOf(status: number, body: unknown, url: string): ApiRequestError {
  const parsed = ApiErrorSchema.safeParse(body);
  return parsed.success
    ? new ApiRequestError(parsed.data.code, parsed.data.message, status, parsed.data.issues ?? [])
    : new ApiRequestError('bad_response', `HTTP ${status} from ${url}`, status);
}

async function callRoute(
  name: RouteName,
  input: { params?: Record<string, string>; query?: object; body?: unknown },
  options: ApiClientOptions,
): Promise<unknown> {
  const spec = routes[name];
  const search = new URLSearchParams(
    Object.entries(input.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
  );
  search.set(SHARD_PARAM, String(shardOfCall(input, options.headers)));
  const query = `?${search}`;
  const url = `${options.origin ?? ''}${API_PREFIX}${routePath(spec, input.params)}${query}`;
  const hasBody = input.body !== undefined;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: spec.method,
      headers: { ...options.headers, ...(hasBody ? { 'Content-Type': 'application/json' } : {}) },
      ...(hasBody ? { body: JSON.stringify(input.body) } : {}),
    });
  } catch (error) {
    throw new ApiRequestError('network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw refusalOf(response.status, await jsonAnswerOf(response), url);
  if (!spec.response) return undefined;
  const parsed = spec.response.safeParse(await jsonAnswerOf(response));
  if (!parsed.success)
    throw new ApiRequestError('bad_response', `unexpected answer from ${url}`, response.status);
  return parsed.data;
}

/**
 * A route's same-origin URL for what a browser fetches or links to outside the typed client (downloads,
 * files): its path, `query`, and the shard the load balancer routes by.
 */
export function routeUrl(
  spec: Routes[RouteName],
  params: Record<string, string>,
  query: Record<string, string> = {},
): string {
  const search = new URLSearchParams(query);
  search.set(SHARD_PARAM, String(shardOfCall({ params }, undefined)));
  return `${API_PREFIX}${routePath(spec, params)}?${search}`;
}

/**
 * Every call names its shard for the load balancer (docs/scale-out.md): the class's or board's in its
 * path, a join's code, the caller's session, or — for a call of no class yet (a new class or board) —
 * any, chosen at random, where the server that takes it makes the new ids.
 */
function shardOfCall(
  input: { params?: Record<string, string>; body?: unknown },
  headers: Record<string, string> | undefined,
): number {
  const key =
    input.params?.classId ??
    input.params?.boardId ??
    (input.body as { joinCode?: unknown } | undefined)?.joinCode ??
    sessionIdOfToken(/^Bearer\s+(\S+)$/i.exec(headers?.Authorization ?? '')?.[1] ?? '');
  return typeof key === 'string' && key ? shardOf(key) : Math.floor(Math.random() * SHARD_COUNT);
}
