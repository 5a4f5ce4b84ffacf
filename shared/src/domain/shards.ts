import { normalizeJoinCode } from './joinCode.js';

/**
 * Scale-out partitions classes and standalone boards into a fixed number of shards (docs/scale-out.md).
 * The browser, the load balancer and every server process must agree on a key's shard, so the count is
 * a constant of the wire contract rather than a setting: changing it moves every class.
 */
export const SHARD_COUNT = 64;

/** The query parameter that carries a request's shard, for the load balancer (`balance url_param`). */
export const SHARD_PARAM = 'shard';

/** FNV-1a (32 bit): tiny, stable across runtimes, and spreads short random ids evenly. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The shard of a routing key: a class id, a standalone board's id, a join code or a session id. The
 * server makes every id of a class (its boards, join code, sessions) land in the class's shard, so any
 * of them routes to the class.
 */
export function shardOf(key: string): number {
  return fnv1a(normalizeJoinCode(key) ?? key) % SHARD_COUNT;
}

/** The session id inside a `<sessionId>.<signature>` token (its routing key); null if malformed. */
export function sessionIdOfToken(token: string): string | null {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
}

/** Repeats `make` until its result lies in `shard` (about SHARD_COUNT tries); `null` shard: the first. */
export function idInShard(shard: number | null, make: () => string): string {
  for (;;) {
    const id = make();
    if (shard === null || shardOf(id) === shard) return id;
  }
}

/**
 * The routing key a socket.io handshake carries as `?shard=`: browsers cannot add headers to a websocket,
 * and its `auth` travels after the upgrade, where the load balancer cannot read it.
 */
export function shardOfHandshake(auth: { token?: string | undefined; classId?: string | undefined }): number {
  const key = auth.classId ?? sessionIdOfToken(auth.token ?? '') ?? '';
  return shardOf(key);
}
