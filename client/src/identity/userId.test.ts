import { describe, expect, it } from 'vitest';
import { UserIdSchema } from '@conjecture/shared';
import { getOrCreateUserId } from './userId.js';
import { guestName } from './displayName.js';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
};

describe('user identity', () => {
  it('creates a valid id once and keeps it', () => {
    const storage = memoryStorage();
    const bytes = (n: number) => new Uint8Array(n).fill(0xab);
    const id = getOrCreateUserId(storage, bytes);
    expect(UserIdSchema.safeParse(id).success).toBe(true);
    expect(id).toBe('uabababababababab');
    expect(getOrCreateUserId(storage, () => new Uint8Array(8))).toBe(id);
  });

  it('replaces a stored value that is not a valid id', () => {
    const storage = memoryStorage();
    storage.setItem('conjecture:userId', 'not valid!');
    expect(getOrCreateUserId(storage, (n) => new Uint8Array(n))).toBe('u0000000000000000');
  });

  it('resolves a guest name from the id', () => {
    expect(guestName('u12345678903f2a')).toBe('Guest 3f2a');
  });
});
