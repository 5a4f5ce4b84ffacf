import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { closeMessage, mayTryAgainAfter } from './boardSession.js';

describe('what a student reads when the server closes the board', () => {
  it('says plainly that a full board is full, and that deleting (or the teacher) frees room', () => {
    const words = closeMessage(YjsCloseCode.boardFull);
    expect(words).toMatch(/board is full/);
    expect(words).toMatch(/deleting/i);
    expect(words).toMatch(/teacher/);
    expect(words).not.toMatch(/start a new one/);
  });
});

describe('which closes a fresh session may get past', () => {
  it('a full board (room is freed by deleting), too many tabs, a refused change: yes', () => {
    expect(mayTryAgainAfter(YjsCloseCode.boardFull)).toBe(true);
    expect(mayTryAgainAfter(YjsCloseCode.tooManyConnections)).toBe(true);
    expect(mayTryAgainAfter(YjsCloseCode.rateLimited)).toBe(true);
  });

  it('moved, removed, signed out, forbidden, unknown: no (the page follows a move on its own)', () => {
    for (const code of [
      YjsCloseCode.moved,
      YjsCloseCode.removed,
      YjsCloseCode.unauthorized,
      YjsCloseCode.forbidden,
      YjsCloseCode.unknownBoard,
    ])
      expect(mayTryAgainAfter(code)).toBe(false);
  });
});
