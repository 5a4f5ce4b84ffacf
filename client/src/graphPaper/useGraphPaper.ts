import { useState } from 'react';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';

/**
 * The class's graph-paper setting: what the class view said when it was fetched, then every
 * `graphPaperChanged` the teacher sends while the page is open.
 */
export function useGraphPaper(socket: ClassSocket | null, fromView: boolean | undefined): boolean {
  const [live, setLive] = useState<boolean | null>(null);
  useSocketEvent(socket, 'graphPaperChanged', ({ graphPaper }) => setLive(graphPaper));
  return live ?? fromView ?? false;
}
