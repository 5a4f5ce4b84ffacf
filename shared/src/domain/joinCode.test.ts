import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, joinCodeFromBytes, normalizeJoinCode } from './joinCode.js';

describe('join codes', () => {
  it('never contains look-alike characters', () => {
    for (const c of '0O1IL5S2Z8B') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('maps random bytes onto the alphabet', () => {
    const code = joinCodeFromBytes(new Uint8Array([0, 1, 2, 250, 255, 24]));
    expect(code).toHaveLength(6);
    expect([...code].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
  });

  it('forgives case, spaces and dashes but refuses impossible codes', () => {
    expect(normalizeJoinCode(' ack-34x ')).toBe('ACK34X');
    expect(normalizeJoinCode('AC0K34')).toBeNull();
    expect(normalizeJoinCode('ACK34')).toBeNull();
  });
});
