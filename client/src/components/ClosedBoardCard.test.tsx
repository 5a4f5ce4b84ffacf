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

  it('back after a Try again, gives its button the focus the Try again had (it fell to the page as the card went)', async () => {
    const host = await render(
      <ClosedBoardCard code={YjsCloseCode.boardFull} afterTryAgain onTryAgain={() => {}} />,
    );
    expect(document.activeElement).toBe(tryAgainIn(host));
  });

  it('takes no focus on the first close, nor from a control she has moved to since', async () => {
    const first = await render(<ClosedBoardCard code={YjsCloseCode.boardFull} onTryAgain={() => {}} />);
    expect(document.activeElement).not.toBe(tryAgainIn(first));
    cleanUp();
    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    await render(<ClosedBoardCard code={YjsCloseCode.boardFull} afterTryAgain onTryAgain={() => {}} />);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('offers nothing to try again where a new session is closed the same way (moved, removed, signed out)', async () => {
    for (const code of [YjsCloseCode.moved, YjsCloseCode.removed, YjsCloseCode.unauthorized]) {
      const host = await render(<ClosedBoardCard code={code} onTryAgain={() => {}} />);
      expect(host.textContent).toContain(closeMessage(code));
      expect(tryAgainIn(host)).toBeUndefined();
      cleanUp();
    }
  });

  it('offers a move’s card a way to the board of the group she is in now, where the page can open it', async () => {
    let opened = 0;
    const host = await render(
      <ClosedBoardCard
        code={YjsCloseCode.moved}
        onTryAgain={() => {}}
        onOpenGroupBoard={() => (opened += 1)}
      />,
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('moved to another group');
    expect(tryAgainIn(host)).toBeUndefined();
    const open = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Open my group’s board');
    expect(open).toBeDefined();
    act(() => open!.click());
    expect(opened).toBe(1);
  });

  it('says why in words that match its button: “try again”, not “reload”', () => {
    for (const code of [YjsCloseCode.boardFull, YjsCloseCode.tooManyConnections, YjsCloseCode.tooLarge]) {
      expect(closeMessage(code)).toMatch(/try again/i);
      expect(closeMessage(code)).not.toMatch(/reload/);
    }
  });
});
