import { userColor } from '../classroom/colorDirectory.js';
import { useEffect, useMemo } from 'react';
import { atom, createTLCurrentUser, type TLUserPreferences } from 'tldraw';
import { type UserId } from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';

/**
 * tldraw's own idea of the user: the same id as in presence (so our cursor is not listed as a
 * collaborator), kept in memory rather than in tldraw's localStorage preferences, and always light. Its colour follows the
 * one the server assigned (it may change when the student moves to another group).
 */
export function useTldrawUser(userId: UserId, resolveName: ResolveDisplayName) {
  const preferences = useMemo(
    () =>
      atom<TLUserPreferences>('preferences', {
        id: userId,
        name: resolveName(userId),
        color: userColor(userId),
      }),
    [userId, resolveName],
  );
  const color = userColor(userId);
  useEffect(() => {
    if (preferences.get().color !== color) preferences.set({ ...preferences.get(), color });
  }, [preferences, color]);
  return useMemo(
    () =>
      createTLCurrentUser({
        userPreferences: preferences,
        // Light only: our panels and cards are drawn for a light canvas, and tldraw's dark mode (Ctrl+/, easy to
        // press by chance) would leave the task card's text unreadable under them.
        setUserPreferences: (p) => preferences.set({ ...p, colorScheme: 'light' }),
      }),
    [preferences],
  );
}
