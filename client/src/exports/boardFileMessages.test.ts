import { describe, expect, it } from 'vitest';
import { boardFileMessages } from './boardFileMessages.js';

// a right-to-left name, with an override that would turn the rest backwards
const NAME = 'לוח \u202ecba.tldr';
const SHOWN = '\u2068לוח cba.tldr\u2069';

describe('the board-file import’s messages', () => {
  it('name the file in an isolate, so a right-to-left name or an override cannot reorder them', () => {
    expect(boardFileMessages.notJson(NAME)).toBe(`${SHOWN} is not a board file (not JSON)`);
    expect(boardFileMessages.notTldr(NAME, 'Required')).toBe(`${SHOWN} is not a .tldr board file: Required`);
    expect(boardFileMessages.opened(NAME, 3, 0)).toBe(`Opened 3 items from ${SHOWN}.`);
    expect(boardFileMessages.opened(NAME, 3, 1)).toBe(
      `Opened 3 items from ${SHOWN}; 1 left out (not yours to change: the task card, the teacher's cards).`,
    );
  });
});
