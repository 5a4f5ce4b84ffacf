import type { ComponentProps } from 'react';
import { BoardView } from '../components/BoardView.js';
import { useShowGraphPaper } from '../graphPaper/graphPaperSetting.js';

/**
 * The projector's earlier design, a read-only tldraw editor per board (`?views=editor`), kept for the
 * benchmark's baseline. Loaded on its own, so the projector's usual page never downloads tldraw.
 */
export function EditorProjectedBoard({
  graphPaper,
  ...view
}: ComponentProps<typeof BoardView> & { graphPaper: boolean }) {
  useShowGraphPaper(graphPaper);
  return <BoardView {...view} />;
}
