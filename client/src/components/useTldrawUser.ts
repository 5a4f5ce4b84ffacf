import { userColor } from '../classroom/colorDirectory.js';
import { useMemo } from 'react';
import { atom, createTLCurrentUser, type TLUserPreferences } from 'tldraw';
import { type UserId } from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';

/**
 * tldraw's own idea of the user: the same id as in presence (so our cursor is not listed as a
 * collaborator), kept in memory rather than in tldraw's localStorage preferences.
 */
export function useTldrawUser(userId: UserId, resolveName: ResolveDisplayName) {
  return useMemo(() => {
    const preferences = atom<TLUserPreferences>('preferences', {
      id: userId,
      name: resolveName(userId),
      color: userColor(userId),
    });
    return createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: (p) => preferences.set(p),
    });
  }, [userId, resolveName]);
}
