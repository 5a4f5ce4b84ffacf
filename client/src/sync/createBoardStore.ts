import { userColor } from '../classroom/colorDirectory.js';
import {
  InstancePresenceRecordType,
  UserRecordType,
  atom,
  createPresenceStateDerivation,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  type Editor,
  type Signal,
  type TLInstancePresence,
  type TLAssetStore,
  type TLStore,
  type TLUser,
  type TLUserStore,
} from 'tldraw';
import { type UserId } from '@conjecture/shared';
import { customRecordSchemas } from '@conjecture/shared/board/index';
import { boardShapeUtils } from '../shapes/index.js';
import type { ResolveDisplayName } from './presenceBridge.js';

export interface BoardStore {
  store: TLStore;
  localPresence: Signal<TLInstancePresence | null>;
  /** The editor, once one first mounts on the store (its first render, shapes included, is committed). */
  mounted: Promise<Editor>;
}

/**
 * The board's tldraw store. Its current user carries the id and colour but an empty name: the editor writes
 * that user into the doc as a `user:` record for attribution, and the doc must hold ids only. Names for any
 * id, ours included, come from the viewer's resolver.
 */
export function createBoardStore(
  userId: UserId,
  clientId: number,
  resolveName: ResolveDisplayName,
  /** Where pasted and dropped images go (the board's own upload target and credential). */
  assets: TLAssetStore,
): BoardStore {
  const $currentUser = atom<TLUser | null>(
    'currentUser',
    UserRecordType.create({ id: createUserId(userId), name: '', color: userColor(userId) }),
  );
  const resolved = new Map<string, Signal<TLUser | null>>();
  const users: TLUserStore = {
    currentUser: $currentUser,
    resolve(id) {
      let signal = resolved.get(id);
      if (!signal) {
        signal = atom(
          'user',
          UserRecordType.create({ id: createUserId(id), name: resolveName(id), color: userColor(id) }),
        );
        resolved.set(id, signal);
      }
      return signal;
    },
  };
  let onMounted = (_editor: Editor) => {};
  const mounted = new Promise<Editor>((resolve) => (onMounted = resolve));
  const store = createTLStore({
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    // Our own document records (critique threads), from the same definitions the server validates with.
    records: customRecordSchemas,
    assets,
    users,
    onMount: (editor) => onMounted(editor),
  });
  const localPresence = createPresenceStateDerivation($currentUser, {
    instanceId: InstancePresenceRecordType.createId(String(clientId)),
  })(store);
  return { store, localPresence, mounted };
}
