// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { YjsCloseCode } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { closeMessage } from '../sync/boardSession.js';
import { ClosedBoardCard } from './ClosedBoardCard.js';

afterEach(cleanUp);

const tryAgainIn = (host: HTMLElement) =>
  [...host.querySelectorAll('button')].find((button) => button.textContent === 'Try again');

describe('the card over a board the server closed', () => {
  it('offers a full board “Try again”, which opens the board again in place (no reload)', async () => {
    let tries = 0;
    const host = await render(
      <ClosedBoardCard code={YjsCloseCode.boardFull} onTryAgain={() => (tries += 1)} />,
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('This board is full');
    const button = tryAgainIn(host);
    expect(button).toBeDefined();
    act(() => button!.click());
    expect(tries).toBe(1);
  });

  it('offers nothing to try again where a new session is closed the same way (moved, removed, signed out)', async () => {
    for (const code of [YjsCloseCode.moved, YjsCloseCode.removed, YjsCloseCode.unauthorized]) {
      const host = await render(<ClosedBoardCard code={code} onTryAgain={() => {}} />);
      expect(host.textContent).toContain(closeMessage(code));
      expect(tryAgainIn(host)).toBeUndefined();
      cleanUp();
    }
  });

  it('says why in words that match its button: “try again”, not “reload”', () => {
    for (const code of [YjsCloseCode.boardFull, YjsCloseCode.tooManyConnections, YjsCloseCode.tooLarge]) {
      expect(closeMessage(code)).toMatch(/try again/i);
      expect(closeMessage(code)).not.toMatch(/reload/);
    }
  });
});
