import { fail } from '@conjecture/shared';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KEY_FILE = 'signing.key';
const KEY_BYTES = 32;

/**
 * The key that signs session tokens lives in the data directory, so a restart logs no one out; a missing
 * key is created (readable by the server's user only).
 */
export function loadSigningKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} is not a ${KEY_BYTES}-byte base64 key`);
  return key;
}

/**
 * Tokens are `<sessionId>.<HMAC>`: the signature lets the server reject forged tokens without a database
 * read, and the session table (checked after) makes every token revocable.
 */
export class TokenSigner {
  constructor(private readonly key: Buffer) {}

  sign(sessionId: string): string {
    return `${sessionId}.${this.mac(sessionId)}`;
  }

  /** The session id of a well-signed token, or null. */
  verify(token: string): string | null {
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const sessionId = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(sessionId));
    return given.length === expected.length && timingSafeEqual(given, expected) ? sessionId : null;
  }

  private mac(sessionId: string): string {
    return createHmac('sha256', this.key).update(sessionId).digest('base64url');
  }
}

/** Secrets in links are stored only as hashes; they are long and random, so one SHA-256 round suffices. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const randomId = (bytes = 12) => randomBytes(bytes).toString('base64url');

/**
 * The id a create request makes, from its attempt id (`AttemptIdSchema`) when it carries one: the same request
 * sent again names the same row, so it is answered with what the first made instead of making a second.
 * `scope` keeps one class's (and one kind's) ids apart from another's.
 */
export const idOf = (scope: string, attemptId: string | undefined, bytes = 9): string =>
  attemptId === undefined
    ? randomId(bytes)
    : createHash('sha256')
        .update(`${scope}:${attemptId}`)
        .digest('base64url')
        .slice(0, Math.ceil((bytes * 4) / 3));

/**
 * The refusal of an attempt id sent again with a request other than the one that made `made`: answering what
 * it made would silently answer another thing. One attempt id, one request.
 */
export const attemptReused = (made: string) =>
  fail('conflict', `this attempt id already made ${made}: another request takes another attempt id`);
