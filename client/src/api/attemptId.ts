/**
 * A new attempt id (`AttemptIdSchema`): made once per intent and sent with its request, so the same request
 * sent again is answered with what the first made. 128 random bits in hex (getRandomValues: randomUUID needs a
 * secure context, a classroom LAN may not be).
 */
export function newAttemptId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
