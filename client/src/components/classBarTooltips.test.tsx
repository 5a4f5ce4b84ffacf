// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { RaiseHandButton, useRaisedHand } from './RaiseHandButton.js';
import { ClassBarTask } from './ClassBarTask.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

/** The class connection as far as the button listens: it is never asked to send here. */
const quietSocket = {
  on: () => quietSocket,
  off: () => quietSocket,
  emitWithAck: () => {
    throw new Error('a greyed-out hand sent nothing');
  },
} as unknown as ClassSocket;

function PausedHand() {
  const hand = useRaisedHand(quietSocket, 'student-001');
  return <RaiseHandButton hand={hand} disabledReason="The class is paused." />;
}

describe('the student’s class bar', () => {
  it('says why "Raise my hand" is greyed out, in our tooltip on focus (a Chromebook shows no title bubble)', async () => {
    const host = await render(<PausedHand />);
    const button = host.querySelector('button')!;
    expect(button.hasAttribute('title')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await act(async () => button.focus());
    expect(document.querySelector('[role="tooltip"]')?.textContent).toBe('The class is paused.');
    await act(async () => button.click()); // refused here, not by the server
  });

  it('shows the whole task in our tooltip on focus of its one-line summary', async () => {
    const prompt = 'Which is the better deal: 3 pens for $2 or 5 pens for $3? Show how you know.';
    const host = await render(<ClassBarTask taskPrompt={prompt} />);
    const toggle = host.querySelector('button')!;
    expect(toggle.hasAttribute('title')).toBe(false);
    await act(async () => toggle.focus());
    expect(document.querySelector('[role="tooltip"]')?.textContent).toBe(prompt);
  });
});
