// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { RaiseHandButton, useRaisedHand } from './RaiseHandButton.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

/** The class connection as far as the hand listens: the test says which hands are up, in the server's place. */
function handsSocket() {
  const listeners = new Set<(hands: { raised: string[] }) => void>();
  const socket = {
    on: (_event: string, listener: (hands: { raised: string[] }) => void) =>
      listeners.add(listener) && socket,
    off: (_event: string, listener: (hands: { raised: string[] }) => void) =>
      listeners.delete(listener) && socket,
  };
  return {
    socket: socket as unknown as ClassSocket,
    raised: (...ids: string[]) => listeners.forEach((listener) => listener({ raised: ids })),
  };
}

const buttonsIn = (host: HTMLElement) => [...host.querySelectorAll('button')].map((b) => b.textContent);

/** The student's page: the class bar's button, and a second one (the following screen's) when shown. */
let showSecond: (shown: boolean) => void = () => {};
function StudentPage({ socket }: { socket: ClassSocket }) {
  const hand = useRaisedHand(socket, 's1');
  const [second, setSecond] = useState(false);
  showSecond = setSecond;
  return (
    <>
      <RaiseHandButton hand={hand} />
      {second && <RaiseHandButton hand={hand} />}
    </>
  );
}

describe('her raised hand', () => {
  it('shows raised on a button mounted after it went up (the following screen’s, a class bar mounted anew)', async () => {
    const { socket, raised } = handsSocket();
    const host = await render(<StudentPage socket={socket} />);
    await act(async () => raised('s1'));
    expect(buttonsIn(host)).toEqual(['Lower my hand']);
    await act(async () => showSecond(true));
    expect(buttonsIn(host)).toEqual(['Lower my hand', 'Lower my hand']);
    await act(async () => raised());
    expect(buttonsIn(host)).toEqual(['Raise my hand', 'Raise my hand']);
  });
});
