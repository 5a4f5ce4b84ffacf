// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { YjsCloseCode, type BoardId, type UserId } from '@conjecture/shared';
import { BoardSession } from './boardSession.js';

const sessions: BoardSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.destroy()));

/** A session whose provider never reaches a server (nothing listens on port 9): only its policy is read. */
const aSession = () => {
  const session = new BoardSession(
    'b1' as BoardId,
    { userId: 's1' as UserId, yjsParams: {}, socketAuth: null, localCopy: false },
    { protocol: 'http:', host: '127.0.0.1:9' },
  );
  sessions.push(session);
  return session;
};

const reconnectsAfter = (session: BoardSession, code: number) =>
  session.provider.shouldReconnect({ code, reason: '' } as CloseEvent, session.provider);

describe('which closes of the board a session stops at', () => {
  it('stops at a full board, so the student reads that it is full instead of "Reconnecting…" forever', () => {
    // y-websocket retries every 45xx code ("try again later"); each retry sent the change that did not fit
    // again and was closed again, while the badge said the work was kept and would go when reconnected.
    expect(reconnectsAfter(aSession(), YjsCloseCode.boardFull)).toBe(false);
  });

  it('still retries a server shutting down, and stops at the codes that say retrying cannot help', () => {
    const session = aSession();
    expect(reconnectsAfter(session, YjsCloseCode.shuttingDown)).toBe(true);
    expect(reconnectsAfter(session, 1006)).toBe(true);
    expect(reconnectsAfter(session, YjsCloseCode.forbidden)).toBe(false);
    expect(reconnectsAfter(session, YjsCloseCode.moved)).toBe(false);
  });
});
