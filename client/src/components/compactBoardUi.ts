import { useState } from 'react';

/**
 * A viewport this short is a laptop zoomed in (a 1366×768 Chromebook at 200 % is 683×384 CSS px): tldraw's
 * desktop layout there keeps its style panel open over the top right of the board, over the task card's end,
 * and cuts the panel's own last row. tldraw's compact (mobile) layout puts the styles behind a toolbar button.
 */
export const COMPACT_BOARD_UI_QUERY = '(max-height: 480px)';

/**
 * Whether the board opens in tldraw's compact layout. Read once, when the board opens: tldraw reads its
 * `forceMobile` only as the editor mounts, so a student who zooms in mid-lesson gets it on the next opening.
 */
export function useCompactBoardUi(): boolean {
  const [compact] = useState(() => window.matchMedia?.(COMPACT_BOARD_UI_QUERY).matches ?? false);
  return compact;
}
