import { useCallback, useState } from 'react';
import { NOTHING_BEYOND, sameBeyond, type MoreBeyond } from '../thumbnails/viewFrame.js';
import { MoreBelowCue } from './MoreBelowCue.js';
import { MoreRightCue } from './MoreRightCue.js';

/**
 * Where a cell's board goes on beyond it, as its view reports it after each framing. The state is the cell's
 * own, so it goes with the cell (a board long when last projected once kept its cue when projected short);
 * an unchanged answer keeps the state, so a re-framing re-renders nothing.
 */
export function useMoreBeyond(): [MoreBeyond, (more: MoreBeyond) => void] {
  const [more, setMore] = useState(NOTHING_BEYOND);
  const report = useCallback(
    (next: MoreBeyond) => setMore((shown) => (sameBeyond(shown, next) ? shown : next)),
    [],
  );
  return [more, report];
}

/** "More below" and "More to the right", each when the board goes on that way. */
export function MoreBeyondCues({ more }: { more: MoreBeyond }) {
  return (
    <>
      {more.below && <MoreBelowCue />}
      {more.right && <MoreRightCue />}
    </>
  );
}
