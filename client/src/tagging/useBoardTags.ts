import { useEffect, useState } from 'react';
import type { ContributionTag } from '@conjecture/shared';
import type { ClassAuth } from '../classroom/classApi.js';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import type { BoardSession } from '../sync/boardSession.js';
import { BoardTagStore } from './boardTags.js';
import { getBoardTags } from './tagsApi.js';

/**
 * Where a class board's chips come from: the board's tags over REST with this credential, then the live
 * tags from the board session's socket and, for views without one (the teacher's read-only drill-in), from
 * the class socket given here.
 */
export interface BoardTagsFeed {
  auth: ClassAuth;
  classSocket?: ClassSocket | null;
}

/** One chip store per open board, fed for as long as the board is open; null without a feed. */
export function useBoardTags(
  boardId: string,
  session: BoardSession | null,
  feed: BoardTagsFeed | undefined,
): BoardTagStore | null {
  const [store, setStore] = useState<BoardTagStore | null>(null);
  const authKey = feed ? JSON.stringify(feed.auth) : null;
  const classSocket = feed?.classSocket ?? null;

  useEffect(() => {
    if (!authKey || !session) return;
    const created = new BoardTagStore(boardId);
    setStore(created);
    const stopLive = session.onTagged((tag) => created.apply(tag));
    let cancelled = false;
    getBoardTags(boardId, JSON.parse(authKey) as ClassAuth)
      .then((tags) => {
        if (!cancelled) created.apply(...tags);
      })
      .catch((error: unknown) => console.warn('board tags not loaded', error));
    return () => {
      cancelled = true;
      stopLive();
      setStore(null);
    };
  }, [boardId, session, authKey]);

  useEffect(() => {
    if (!store || !classSocket) return;
    const onTag = ({ tag }: { tag: ContributionTag }) => store.apply(tag);
    classSocket.on('contributionTagged', onTag);
    return () => {
      classSocket.off('contributionTagged', onTag);
    };
  }, [store, classSocket]);

  return store;
}
