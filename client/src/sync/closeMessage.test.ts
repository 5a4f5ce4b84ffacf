import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { closeMessage } from './boardSession.js';

describe('what a student reads when the server closes the board', () => {
  it('says plainly that a full board is full, and that deleting (or the teacher) frees room', () => {
    const words = closeMessage(YjsCloseCode.boardFull);
    expect(words).toMatch(/board is full/);
    expect(words).toMatch(/deleting/i);
    expect(words).toMatch(/teacher/);
    expect(words).not.toMatch(/start a new one/);
  });
});
