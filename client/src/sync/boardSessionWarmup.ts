import { useLayoutEffect } from 'react';
import type { BoardId } from '@conjecture/shared';
import { BoardSession, type BoardConnection } from './boardSession.js';
import { sessionWarmup } from './sessionWarmup.js';

/** One board session's identity: the board and how this browser connects to it. */
export const boardSessionKey = (boardId: BoardId, connection: BoardConnection) =>
  `${boardId}\n${JSON.stringify(connection)}`;

const warmup = sessionWarmup((key) => {
  const [boardId, connection] = key.split('\n', 2) as [BoardId, string];
  return new BoardSession(boardId, JSON.parse(connection) as BoardConnection);
});

/** The session a page opened ahead for this board and connection, if any (the caller now owns it). */
export const takeWarmBoardSession = (boardId: BoardId, connection: BoardConnection): BoardSession | null =>
  warmup.take(boardSessionKey(boardId, connection));

/**
 * The session opened ahead for this board, to read while it waits for the editor (the board's preview): the
 * caller must not destroy it, and may keep reading it after the editor took it, until the page lets go.
 */
export const peekWarmBoardSession = (boardId: BoardId, connection: BoardConnection): BoardSession | null =>
  warmup.peek(boardSessionKey(boardId, connection));

/**
 * Opens the board's session as soon as the page knows it, while the editor's chunk still loads; the
 * editor's `useBoardSession` takes it. A layout effect: it runs before any child's passive effect, so the
 * editor, even when its chunk is already loaded, finds the session waiting rather than opening a second.
 */
export function useWarmBoardSession(boardId: BoardId | null, connection: BoardConnection | null): void {
  const key = boardId && connection ? boardSessionKey(boardId, connection) : null;
  useLayoutEffect(() => (key ? warmup.warm(key) : undefined), [key]);
}
