import type { UserId } from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';

/**
 * The foundation's resolver: "Guest 3f2a" from the id's last four characters. The board and its presence
 * take any resolver, so rosters or pseudonyms can replace this without touching the sync code.
 */
export const guestName: ResolveDisplayName = (userId: UserId) => `Guest ${userId.slice(-4)}`;
