import { useEffect, useState } from 'react';
import type { TLStore } from 'tldraw';
import type { BoardId, UserId } from '@conjecture/shared';
import { BoardSession, type BoardSessionStatus } from './boardSession.js';
import { createBoardStore } from './createBoardStore.js';
import { bindStoreToBoard, loadBoardIntoStore } from './storeYjsBridge.js';
import { bindPresence, type ResolveDisplayName } from './presenceBridge.js';

export interface BoardSessionState {
  status: BoardSessionStatus;
  /** Set once the board is loaded into it; mount the editor only then. */
  store: TLStore | null;
  session: BoardSession | null;
}

const LOADING: BoardSessionStatus = {
  phase: 'loading',
  failure: null,
  connection: 'connecting',
  unconfirmed: false,
};

/**
 * Opens the board for as long as the component is mounted. Everything is created inside the effect, so
 * StrictMode's mount–unmount–mount gets two independent sessions and the first is fully torn down; the
 * page remounts this per board (`key=`), so a board change never reuses a doc.
 */
export function useBoardSession(
  boardId: BoardId,
  userId: UserId,
  resolveName: ResolveDisplayName,
): BoardSessionState {
  const [state, setState] = useState<BoardSessionState>({ status: LOADING, store: null, session: null });

  useEffect(() => {
    const session = new BoardSession(boardId, userId);
    const unbind: Array<() => void> = [];
    let store: TLStore | null = null;
    let loadFailure: string | null = null;

    const update = () => {
      const status = session.getStatus();
      if (status.phase === 'ready' && !store && !loadFailure) {
        const created = createBoardStore(userId, session.doc.clientID, resolveName);
        try {
          loadBoardIntoStore(created.store, session.board);
          store = created.store;
          unbind.push(bindStoreToBoard(store, session.board));
          unbind.push(
            bindPresence(store, session.provider.awareness, {
              userId,
              localPresence: created.localPresence,
              resolveName,
            }),
          );
        } catch (error) {
          loadFailure = error instanceof Error ? error.message : String(error);
        }
      }
      setState({
        status: loadFailure ? { ...status, phase: 'failed', failure: loadFailure } : status,
        store,
        session,
      });
    };
    const unsubscribe = session.subscribe(update);
    update();

    return () => {
      unsubscribe();
      unbind.forEach((fn) => fn());
      session.destroy();
    };
  }, [boardId, userId, resolveName]);

  return state;
}
