/**
 * Join codes are read off a projector and typed on a Chromebook: no look-alike characters
 * (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), upper case, and typing is forgiving about case, spaces and dashes.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

/** Builds a code from random bytes (the caller supplies randomness, so this stays pure). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) throw new Error(`need ${JOIN_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[(bytes[i] as number) % JOIN_CODE_ALPHABET.length];
  }
  return code;
}

/** What a student typed, as the code it most likely means; null if it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== JOIN_CODE_LENGTH) return null;
  return [...cleaned].every((c) => JOIN_CODE_ALPHABET.includes(c)) ? cleaned : null;
}
