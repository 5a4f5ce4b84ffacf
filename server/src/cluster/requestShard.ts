import { SHARD_COUNT, SHARD_PARAM, sessionIdOfToken, shardOf } from '@conjecture/shared';

/** Where a request's class or board lies: a shard, nowhere in particular, or in its body (a join). */
export type RequestShard = { shard: number } | { any: true } | { joinBody: true };

const BY_PATH = /^\/(?:api\/classes|api\/boards|api\/assets|yjs)\/([A-Za-z0-9_-]+)/;
const TEACHER_COOKIE = /(?:^|;\s*)conjecture_teacher_[A-Za-z0-9_-]+=([^;]+)/;

/**
 * The shard of an HTTP request or websocket upgrade, from what it carries, most specific first: the
 * class, board or asset id in its path (ids of a class lie in its shard), the upload's `classId` or
 * `boardId`, the load balancer's `?shard=`, a join's code (in its body), then the session of its bearer
 * token or teacher cookie. Anything else (the app's files, creating a class)
 * may be served by any shard.
 */
export function requestShard(method: string, rawUrl: string, headers: Record<string, unknown>): RequestShard {
  const url = new URL(rawUrl, 'http://x');
  const byPath = BY_PATH.exec(url.pathname)?.[1];
  if (byPath) return { shard: shardOf(byPath) };
  const owner = url.searchParams.get('classId') ?? url.searchParams.get('boardId');
  if (owner) return { shard: shardOf(owner) };
  const explicit = Number(url.searchParams.get(SHARD_PARAM) ?? NaN);
  if (Number.isInteger(explicit) && explicit >= 0 && explicit < SHARD_COUNT) return { shard: explicit };
  // Before the session: a browser may hold another class's teacher cookie while joining this one.
  if (method === 'POST' && url.pathname === '/api/join') return { joinBody: true };
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1];
  const cookie = TEACHER_COOKIE.exec(String(headers.cookie ?? ''))?.[1];
  const session = sessionIdOfToken(bearer ?? (cookie ? decodeURIComponent(cookie) : ''));
  if (session) return { shard: shardOf(session) };
  return { any: true };
}
