import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { TLStore } from 'tldraw';
import type { ClassAuth } from '../classroom/classApi.js';
import { TEACHER_USER_ID } from '../classroom/teacherConnections.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import type { BoardAuthorship } from '../attribution/attributionModel.js';
import { useAuthorship } from '../attribution/useAuthorship.js';
import type { Viewer } from './threadModel.js';

/**
 * What the board's overlay layers share (they render in different tldraw slots): which thread is open, the
 * viewer, names, the toggles and the server's authorship. Provided around <Tldraw> by the board editor.
 */
export interface BoardInsights {
  boardId: string;
  viewer: Viewer;
  resolveName: ResolveDisplayName;
  openShapeId: string | null;
  openThread: (shapeId: string | null) => void;
  colourByAuthor: boolean;
  setColourByAuthor: (on: boolean) => void;
  showRepresentations: boolean;
  setShowRepresentations: (on: boolean) => void;
  /** Null until fetched; fetched only while colour by author is on or a thread is open. */
  authorship: BoardAuthorship | null;
}

export const BoardInsightsContext = createContext<BoardInsights | null>(null);

export const useBoardInsights = (): BoardInsights | null => useContext(BoardInsightsContext);

interface BoardInsightsProviderProps {
  boardId: string;
  store: TLStore;
  viewerId: string;
  resolveName: ResolveDisplayName;
  /** The credential for the board's REST routes (a class board); null for boards outside a class. */
  auth: ClassAuth | null;
  children: ReactNode;
}

export function BoardInsightsProvider({
  boardId,
  store,
  viewerId,
  resolveName,
  auth,
  children,
}: BoardInsightsProviderProps) {
  const [openShapeId, openThread] = useState<string | null>(null);
  const [colourByAuthor, setColourByAuthor] = useState(false);
  const [showRepresentations, setShowRepresentations] = useState(false);
  const authorship = useAuthorship(boardId, store, auth, colourByAuthor || openShapeId !== null);
  const value = useMemo<BoardInsights>(
    () => ({
      boardId,
      viewer: { userId: viewerId, isTeacher: viewerId === TEACHER_USER_ID },
      resolveName,
      openShapeId,
      openThread,
      colourByAuthor,
      setColourByAuthor,
      showRepresentations,
      setShowRepresentations,
      authorship,
    }),
    [boardId, viewerId, resolveName, openShapeId, colourByAuthor, showRepresentations, authorship],
  );
  return <BoardInsightsContext.Provider value={value}>{children}</BoardInsightsContext.Provider>;
}
