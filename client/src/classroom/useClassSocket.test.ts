import { describe, expect, it } from 'vitest';
import { isRefusedForGood, retryAfterRefusal, SOCKET_CAP_RETRY_MS } from './useClassSocket.js';

const refused = (code: string) => Object.assign(new Error('refused'), { data: { code } });

describe('a class socket refused at its handshake', () => {
  it('connects again later when the session had too many sockets open (socket.io would not)', () => {
    expect(retryAfterRefusal(refused('rate_limited'), false)).toBe(SOCKET_CAP_RETRY_MS);
  });

  it('is left to the page when the token was refused, and to socket.io when it retries by itself', () => {
    expect(retryAfterRefusal(refused('unauthorized'), false)).toBeNull();
    expect(retryAfterRefusal(refused('rate_limited'), true)).toBeNull();
    expect(retryAfterRefusal(new Error('xhr poll error'), true)).toBeNull();
    expect(retryAfterRefusal(null, false)).toBeNull();
  });

  it('is the page’s to recheck when refused for any other reason, once socket.io has stopped', () => {
    expect(isRefusedForGood(refused('unauthorized'), false)).toBe(true);
    expect(isRefusedForGood(refused('protocol_mismatch'), false)).toBe(true);
    expect(isRefusedForGood(refused('rate_limited'), false)).toBe(false);
    expect(isRefusedForGood(new Error('xhr poll error'), true)).toBe(false);
  });
});
