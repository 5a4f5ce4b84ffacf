import { userColor } from '../classroom/colorDirectory.js';
import type { Awareness } from 'y-protocols/awareness';
import {
  InstancePresenceRecordType,
  createUserId,
  react,
  type Signal,
  type TLInstancePresence,
  type TLShapeId,
  type TLStore,
} from 'tldraw';
import { PresenceStateSchema, type PresenceState, type UserId } from '@conjecture/shared';

/**
 * A user's display name for this viewer. `subscribe`, where the names can change while a board is open (the
 * class's directory: a teacher anonymizing names, a student joining), calls back after each change, so
 * what was named before (cursors) is named again. `unknownName`: what an id it does not know (yet) reads as,
 * where the caller wants other than the resolver's own word.
 */
export type ResolveDisplayName = ((userId: UserId, unknownName?: string) => string) & {
  subscribe?: (listener: () => void) => () => void;
};

export interface PresenceBindingOptions {
  userId: UserId;
  /** The local user's presence, e.g. from tldraw's `createPresenceStateDerivation`. */
  localPresence: Signal<TLInstancePresence | null>;
  resolveName: ResolveDisplayName;
  /**
   * When to publish after presence changed. Pointer moves change it at frame rate and awareness is relayed
   * to the whole room, so by default at most once per PRESENCE_THROTTLE_MS. Never synchronously: publishing
   * inside tldraw's reaction would run other stores' updates within its flush.
   */
  schedule?: (publish: () => void) => void;
}

export const PRESENCE_THROTTLE_MS = 50;

const presenceIdFor = (clientId: number) => InstancePresenceRecordType.createId(String(clientId));

/**
 * Presence goes over Yjs awareness only, never into the doc. What we publish carries the user's id and
 * colour but no name (`userName` blanked): every viewer resolves names from ids itself, so a later
 * change (pseudonyms, real names for the teacher only) needs no change on the wire. Remote presences
 * become `instance_presence` records merged as remote changes, keyed by awareness client id.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  options: PresenceBindingOptions,
): () => void {
  const { userId, localPresence, resolveName } = options;
  const schedule = options.schedule ?? ((fn: () => void) => setTimeout(fn, PRESENCE_THROTTLE_MS));
  const publish = () => {
    const presence = localPresence.get();
    const state: PresenceState = {
      // read at each publish: the server may give the user another colour on a move
      user: { id: userId, color: userColor(userId) },
      // Only what a classmate's page would draw of it (shownParts): tldraw names every selected id, ~30 bytes
      // each, and each state reaches every classmate 20 times a second (the server's presence byte budget).
      presence: presence
        ? { ...presence, ...shownParts(presence, (id) => store.has(id)), userName: '' }
        : null,
    };
    awareness.setLocalState(state);
  };

  let pending = false;
  let stopped = false;
  const stopPublishing = react('publish presence', () => {
    localPresence.get(); // track it
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      if (!stopped) publish();
    });
  });

  const applyRemote = (clientIds: number[], removedIds: number[]) => {
    const toPut: TLInstancePresence[] = [];
    const toRemove = removedIds.map(presenceIdFor);
    const states = awareness.getStates();
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue;
      const record = toPresenceRecord(
        clientId,
        states.get(clientId),
        resolveName,
        (id) => id.startsWith('shape:') && store.has(id),
      );
      if (record) toPut.push(record);
      else toRemove.push(presenceIdFor(clientId));
    }
    store.mergeRemoteChanges(() => {
      const present = toRemove.filter((id) => store.has(id));
      if (present.length > 0) store.remove(present);
      for (const record of toPut) {
        try {
          store.put([record]);
        } catch (error) {
          console.warn('ignored an invalid presence', error);
        }
      }
    });
  };

  const onChange = (change: { added: number[]; updated: number[]; removed: number[] }) =>
    applyRemote([...change.added, ...change.updated], change.removed);
  awareness.on('change', onChange);
  const applyAll = () => applyRemote([...awareness.getStates().keys()], []);
  applyAll();
  // A cursor keeps the name it was given until its peer's presence changes, which a still pointer never
  // does: when the names change, every cursor is named again.
  const stopRenaming = resolveName.subscribe?.(applyAll);

  return () => {
    stopped = true;
    stopPublishing();
    stopRenaming?.();
    awareness.off('change', onChange);
    const ours = store.query.records('instance_presence').get();
    store.mergeRemoteChanges(() => store.remove(ours.map((r) => r.id)));
  };
}

function toPresenceRecord(
  clientId: number,
  state: unknown,
  resolveName: ResolveDisplayName,
  holds: (id: TLShapeId) => boolean,
): TLInstancePresence | null {
  const parsed = PresenceStateSchema.safeParse(state);
  if (!parsed.success || !parsed.data.presence) return null;
  const { user, presence } = parsed.data;
  return InstancePresenceRecordType.create({
    ...(presence as Partial<TLInstancePresence>),
    ...shownParts(presence as Partial<TLInstancePresence>, holds),
    id: presenceIdFor(clientId),
    userId: createUserId(user.id),
    // A classmate who joined a moment ago is not in the viewer's names yet: no name tag (tldraw draws none
    // for '') until they arrive, rather than "Someone" for a few seconds and then a name.
    userName: resolveName(user.id, ''),
    // our own palette, not whatever the peer sent: the same colour for a user on every screen
    color: userColor(user.id),
  } as TLInstancePresence);
}

/**
 * The most of a peer's selection and scribbles drawn here. tldraw draws an outline on each shape a peer has
 * selected, for every id it names: a stock client naming one shape 3,000 times froze every classmate's page
 * (seen in Chromium), and an honest select-all on a big board draws no more than a hint of it past this.
 * Our own page publishes no more than this either (`publish`): the server's presence byte budget is sized
 * on it (server presenceCheck.ts).
 */
export const MAX_SHOWN_SELECTION = 200;
export const MAX_SHOWN_SCRIBBLES = 8;
export const MAX_SHOWN_SCRIBBLE_POINTS = 500;
export const MAX_SHOWN_CHAT_CHARS = 280;

/** The parts of a peer's presence a viewer draws, cut to what is worth drawing: each shape once, and held. */
function shownParts(
  presence: Partial<TLInstancePresence>,
  holds: (id: TLShapeId) => boolean,
): Partial<TLInstancePresence> {
  const shown: Partial<TLInstancePresence> = {};
  if (Array.isArray(presence.selectedShapeIds)) {
    const ids = new Set<TLShapeId>();
    for (const id of presence.selectedShapeIds) {
      if (ids.size === MAX_SHOWN_SELECTION) break;
      if (typeof id === 'string' && holds(id)) ids.add(id);
    }
    shown.selectedShapeIds = [...ids];
  }
  if (Array.isArray(presence.scribbles)) {
    shown.scribbles = presence.scribbles
      .slice(0, MAX_SHOWN_SCRIBBLES)
      .map((scribble) =>
        Array.isArray(scribble?.points)
          ? { ...scribble, points: scribble.points.slice(-MAX_SHOWN_SCRIBBLE_POINTS) }
          : scribble,
      );
  }
  if (typeof presence.chatMessage === 'string') {
    shown.chatMessage = presence.chatMessage.slice(0, MAX_SHOWN_CHAT_CHARS);
  }
  return shown;
}
