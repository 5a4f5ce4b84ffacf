import { describe, expect, it } from 'vitest';
import { linkEnd } from './linkEnd.js';

/** A cell of a presented step, beside another: 681 px wide under the header, as at 1366×768. */
const CELL = { left: 0, top: 74, right: 681, bottom: 768 };

describe('linkEnd', () => {
  it('ends on the middle of the side facing the other item when the item is on screen', () => {
    const item = { left: 263, top: 142, right: 418, bottom: 298 };
    expect(linkEnd(item, CELL, true)).toEqual({ x: 418, y: 220 });
    expect(linkEnd(item, CELL, false)).toEqual({ x: 263, y: 220 });
  });

  it('ends at the foot of its own cell, by "More below", when the item is cut off below it', () => {
    // held readable from its top, the far note lay 1,000 px under the screen: the connector ran off the
    // bottom and its label with it, or across the snapshot stacked under this one
    const item = { left: 848, top: 1700, right: 1003, bottom: 1856 };
    expect(linkEnd(item, { left: 685, top: 74, right: 1366, bottom: 768 }, false)).toEqual({
      x: 848,
      y: 768,
    });
  });

  it('ends at the right edge of its own cell when the item is cut off right of it', () => {
    const item = { left: 900, top: 200, right: 1050, bottom: 300 };
    expect(linkEnd(item, CELL, false)).toEqual({ x: 681, y: 250 });
  });
});
