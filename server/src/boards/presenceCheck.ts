import type { Awareness } from 'y-protocols/awareness';
import { getUnixTime } from 'lib0/time';
import { PresenceStateSchema } from '@conjecture/shared';
import type { AwarenessEntry } from './syncMessages.js';

/**
 * Presence bytes one user may have relayed on a board, sustained, over all her connections: each classmate
 * takes them all in. Measured on tldraw's presence record as our client publishes it (at most every 50 ms,
 * and no more of a selection than classmates draw: MAX_SHOWN_SELECTION = 200 ids): a cursor alone is
 * ~0.5 KB; 200 shapes selected add ~6 KB, a brush 0.1 KB, two 200-point laser strokes ~17 KB. So a
 * select-all on a big board dragged about is ~6.5 KB 20 times a second (~131 KB/s, a quarter of the budget),
 * and everything at once ~23.3 KB (~466 KB/s, within it). A page loaded before the client's cap names every
 * selected id (1,000: ~30.5 KB, ~611 KB/s): once the burst is spent (~11 s) about one state in seven is
 * dropped, so classmates see her cursor move a little less smoothly (1,063 of 1,200 states in a minute).
 * Past the budget states are dropped, never the connection: her next state, a whole one, shows her as she
 * is. Before it, a script could have 30 states of 64 KB a second (~2 MB/s) relayed to every classmate, and
 * 1 MiB/s before our client capped its selection (presenceBytes.test.ts measures all of these).
 */
export const PRESENCE_BYTES_PER_SECOND = 512 * 1024;
/** …and at once: two seconds of the everything-at-once worst case at full rate. */
export const PRESENCE_BYTES_BURST = 2 * PRESENCE_BYTES_PER_SECOND;

/**
 * Whether a presence state may ride in a board's awareness: the shared schema's, and the state names the
 * connection's own user. A cursor moves every second while the `user` part never changes, so `user` is
 * checked with the schema once per connection and compared to what was accepted afterwards; `presence`
 * (tldraw's free-form record) only needs to be an object.
 */
export class PresenceCheck {
  private acceptedUser: { id: string; color: string } | null = null;

  constructor(private readonly userId: string) {}

  accepts(state: unknown): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    const { user, presence } = state as { user?: unknown; presence?: unknown };
    if (!(presence === undefined || presence === null || isRecord(presence))) return false;
    const known = this.acceptedUser;
    if (known && isRecord(user) && user.id === known.id && user.color === known.color) return true;
    const parsed = PresenceStateSchema.safeParse(state);
    // Presence carries the connection's own id only: a client cannot appear as someone else.
    if (!parsed.success || parsed.data.user.id !== this.userId) return false;
    this.acceptedUser = { id: parsed.data.user.id, color: parsed.data.user.color };
    return true;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies checked entries to the room's awareness with y-protocols' rules (a newer clock wins; a removal at
 * the same clock also counts) from the states already parsed for checking — `applyAwarenessUpdate` would
 * parse the JSON again and deep-compare each state with the previous one to tell listeners what changed,
 * which nothing on the server listens for. The room relays the message as received, so no event is emitted.
 */
export function applyAwarenessEntries(awareness: Awareness, entries: AwarenessEntry[]): void {
  // The awareness's own clock (it drops states not renewed for 30 s by it), not the room's.
  const now = getUnixTime();
  for (const { clientId, clock, state } of entries) {
    const held = awareness.meta.get(clientId)?.clock ?? 0;
    const removesPresent = clock === held && state === null && awareness.states.has(clientId);
    if (clock <= held && !removesPresent) continue;
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state as Record<string, unknown>);
    awareness.meta.set(clientId, { clock, lastUpdated: now });
  }
}
