import type { ClassSocket } from '../classroom/useClassSocket.js';
import { useViewSetting } from '../classroom/useViewSetting.js';

/** The class's graph-paper setting, kept live (see useViewSetting). */
export function useGraphPaper(socket: ClassSocket | null, fromView: boolean | undefined): boolean {
  return useViewSetting(socket, 'graphPaperChanged', (p) => p.graphPaper, fromView, false);
}
