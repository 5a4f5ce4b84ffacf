import { useEffect, useState } from 'react';
import { BoardIdSchema, ClassIdSchema, type BoardId } from '@conjecture/shared';

/** The app's routes: a plain history-based router is all a handful of pages need. */
export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: BoardId }
  | { page: 'newClass' }
  | { page: 'join' }
  | { page: 'student'; classId: string }
  | { page: 'teacher'; classId: string }
  | { page: 'projector'; classId: string }
  | { page: 'coach'; classId: string }
  | { page: 'notFound' };

const CLASS_ROUTES = { class: 'student', teach: 'teacher', project: 'projector', coach: 'coach' } as const;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (/^\/new\/?$/.test(pathname)) return { page: 'newClass' };
  if (/^\/join\/?$/.test(pathname)) return { page: 'join' };
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (board) {
    const id = BoardIdSchema.safeParse(decodeURIComponent(board[1] ?? ''));
    return id.success ? { page: 'board', boardId: id.data } : { page: 'notFound' };
  }
  const inClass = /^\/(class|teach|project|coach)\/([^/]+)\/?$/.exec(pathname);
  if (inClass) {
    const id = ClassIdSchema.safeParse(decodeURIComponent(inClass[2] ?? ''));
    const page = CLASS_ROUTES[inClass[1] as keyof typeof CLASS_ROUTES];
    return id.success ? { page, classId: id.data } : { page: 'notFound' };
  }
  return { page: 'notFound' };
}

export const boardPath = (boardId: BoardId) => `/b/${encodeURIComponent(boardId)}`;
export const studentClassPath = (classId: string) => `/class/${encodeURIComponent(classId)}`;

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
