import { useState } from 'react';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';

/**
 * The class's graph-paper setting: what the class view said when it was fetched, then every
 * `graphPaperChanged` the teacher sends while the page is open. An event counts only against the view it
 * arrived after: a view fetched later (a refresh, a reconnect that missed events) is newer and wins.
 */
export function useGraphPaper(socket: ClassSocket | null, fromView: boolean | undefined): boolean {
  const [live, setLive] = useState<{ value: boolean; after: boolean | undefined } | null>(null);
  useSocketEvent(socket, 'graphPaperChanged', ({ graphPaper }) =>
    setLive({ value: graphPaper, after: fromView }),
  );
  return live && live.after === fromView ? live.value : (fromView ?? false);
}
