import { useEffect, useState } from 'react';
import { atom, type Signal, type TLStore } from 'tldraw';
import type { BoardId } from '@conjecture/shared';
import { BoardSession, type BoardConnection, type BoardSessionStatus } from './boardSession.js';
import { takeWarmBoardSession } from './boardSessionWarmup.js';
import { boardAssetStore } from './assetStore.js';
import { createBoardStore } from './createBoardStore.js';
import { bindStoreToBoard, loadBoardIntoStore, loadBoardProgressively } from './storeYjsBridge.js';
import { putRemaining } from './progressiveLoad.js';
import { measureStoreAheadOnFirstUse } from './measureAhead.js';
import type { PendingRecords } from './pendingRecords.js';
import type { ViewBox } from './loadPlan.js';
import { bindPresence, type ResolveDisplayName } from './presenceBridge.js';

export interface BoardSessionState {
  phase: BoardSessionStatus['phase'];
  failure: string | null;
  /** Set once the board is loaded into it; mount the editor only then. */
  store: TLStore | null;
  session: BoardSession | null;
  /**
   * True once every record is in the store (at once for a load in one go, after the last batch of a
   * progressive one): work that is no use while the board fills, like the overlay layers, waits for it.
   */
  loaded: Signal<boolean> | null;
}

const LOADING: BoardSessionState = {
  phase: 'loading',
  failure: null,
  store: null,
  session: null,
  loaded: null,
};

export interface BoardSessionOptions {
  /**
   * Mount the editor on the shapes in this first view (a fresh session's camera: the page's origin at zoom
   * 1) and put the rest in batches after it, so a big board never freezes the page. Views that fit the
   * camera to the whole board load it in one go instead.
   */
  progressive?: boolean;
  /** A new number opens a fresh session of the same board (the closed board's "Try again"). */
  attempt?: number;
}

/** What a fresh editor shows first: its camera starts at the page origin at zoom 1. */
const firstView = (): ViewBox => ({ x: 0, y: 0, w: window.innerWidth, h: window.innerHeight });

/**
 * Opens the board for as long as the component is mounted. Everything is created inside the effect, so
 * StrictMode's mount–unmount–mount gets two independent sessions and the first is fully torn down; the
 * page remounts this per board (`key=`), so a board change never reuses a doc. It re-renders only when the
 * phase changes: connection details go to components that subscribe to the session themselves, so the
 * editor is not re-rendered by every confirmation.
 */
export function useBoardSession(
  boardId: BoardId,
  connection: BoardConnection,
  resolveName: ResolveDisplayName,
  { progressive = false, attempt = 0 }: BoardSessionOptions = {},
): BoardSessionState {
  const [state, setState] = useState<BoardSessionState>(LOADING);
  // Callers build the connection inline: a new object with the same content is the same connection.
  const connectionKey = JSON.stringify(connection);

  useEffect(() => {
    const sessionConnection = JSON.parse(connectionKey) as BoardConnection;
    // The page may have opened it already, while this component's chunk was loading.
    const session =
      takeWarmBoardSession(boardId, sessionConnection) ?? new BoardSession(boardId, sessionConnection);
    const { userId } = session;
    const unbind: Array<() => void> = [];
    let store: TLStore | null = null;
    let loadFailure: string | null = null;
    const closed = new AbortController();
    const loaded = atom('board loaded', false);
    let mountDeferred = false;

    const update = () => {
      const status = session.getStatus();
      if (status.phase === 'ready' && !store && !loadFailure) {
        if (progressive && !mountDeferred) {
          // The board's first sync was decoded in this task (a 5,000-shape board: ~170 ms at 1×): planning
          // the load and mounting the editor go in the next, so that the page is not frozen for both at once.
          mountDeferred = true;
          setTimeout(() => closed.signal.aborted || update(), 0);
          return;
        }
        const created = createBoardStore(
          userId,
          session.doc.clientID,
          resolveName,
          boardAssetStore(boardId, session.connection),
        );
        try {
          let pending: PendingRecords | undefined;
          if (progressive) pending = loadBoardProgressively(created.store, session.board, firstView());
          else loadBoardIntoStore(created.store, session.board);
          store = created.store;
          measureStoreAheadOnFirstUse(store);
          unbind.push(bindStoreToBoard(store, session.board, pending));
          if (pending)
            void putRemaining(store, pending, created.mounted, closed.signal).then(() => loaded.set(true));
          else loaded.set(true);
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
      const next: BoardSessionState = loadFailure
        ? { phase: 'failed', failure: loadFailure, store, session, loaded }
        : { phase: status.phase, failure: status.failure, store, session, loaded };
      setState((previous) =>
        previous.phase === next.phase && previous.store === next.store && previous.session === next.session
          ? previous
          : next,
      );
    };
    const unsubscribe = session.subscribe(update);
    update();

    return () => {
      closed.abort();
      unsubscribe();
      unbind.forEach((fn) => fn());
      session.destroy();
    };
  }, [boardId, connectionKey, resolveName, progressive, attempt]);

  return state;
}
