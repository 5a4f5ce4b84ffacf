import { useEffect, useState } from 'react';
import { BoardIdSchema, type BoardId } from '@conjecture/shared';

/** The app's routes: a plain history-based router is all two pages need. */
export type Route = { page: 'home' } | { page: 'board'; boardId: BoardId } | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (board) {
    const id = BoardIdSchema.safeParse(decodeURIComponent(board[1] ?? ''));
    return id.success ? { page: 'board', boardId: id.data } : { page: 'notFound' };
  }
  return { page: 'notFound' };
}

export const boardPath = (boardId: BoardId) => `/b/${encodeURIComponent(boardId)}`;

const NAVIGATED = 'conjecture:navigate';

/** Navigates within the app, keeping the query string (e.g. `?debug`) as a session flag. */
export function navigate(pathname: string): void {
  window.history.pushState(null, '', pathname + window.location.search);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onChange);
    window.addEventListener(NAVIGATED, onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener(NAVIGATED, onChange);
    };
  }, []);
  return route;
}
