import { UserIdSchema, type UserId } from '@conjecture/shared';

const USER_ID_KEY = 'conjecture:userId';

/**
 * A random opaque id kept in this browser, until the classroom work replaces it with a session token.
 * Only ids travel (awareness, the doc's `user:` records); names are resolved per viewer.
 */
export function getOrCreateUserId(
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): UserId {
  const stored = UserIdSchema.safeParse(storage.getItem(USER_ID_KEY));
  if (stored.success) return stored.data;
  const id = 'u' + [...randomBytes(8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  storage.setItem(USER_ID_KEY, id);
  return id;
}
