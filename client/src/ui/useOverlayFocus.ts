import { useEffect, type RefObject } from 'react';
import { rememberFocus } from './focusReturn.js';

/**
 * The keyboard of a screen-filling overlay rendered into `<body>` (a group's replay, a student's view of what
 * the teacher shows): while it is open the rest of the page is `inert` — it is hidden under the overlay, so Tab went on through it unseen — and
 * keyboard and screen-reader users start at `start` (its title). Closed, it takes its focused button with it:
 * the focus goes back to what opened it (a group's Replay), not to the page's body, where the keyboard would
 * start again from the top. The page's live region stays out of `inert`, so announcements still reach people.
 */
export function useOverlayFocus(
  overlay: RefObject<HTMLElement | null>,
  start: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const shown = overlay.current;
    if (!shown) return;
    const focusReturn = rememberFocus(shown);
    const underneath = [...shown.ownerDocument.body.children].filter(
      (el) => el !== shown && !el.hasAttribute('inert') && !el.hasAttribute('aria-live'),
    );
    for (const el of underneath) el.setAttribute('inert', '');
    start.current?.focus();
    return () => {
      for (const el of underneath) el.removeAttribute('inert');
      focusReturn.restore();
    };
  }, [overlay, start]);
}
