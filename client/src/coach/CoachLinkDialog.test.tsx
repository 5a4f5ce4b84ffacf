// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoachLinkState } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';
import { CoachLinkDialog, type CoachLinkCommands } from './CoachLinkDialog.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ORIGIN = 'http://10.0.0.5:3000';
let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function commands(state: CoachLinkState, over: Partial<CoachLinkCommands> = {}) {
  return {
    coachLink: vi.fn(() => Promise.resolve(state)),
    createCoachLink: vi.fn(() => Promise.resolve({ coachLink: '/coach/abc12345#key=s3cret' })),
    revokeCoachLink: vi.fn(() => Promise.resolve()),
    ...over,
  };
}

async function open(cmds: CoachLinkCommands) {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  await act(async () =>
    root!.render(<CoachLinkDialog open onOpenChange={() => {}} commands={cmds} origin={ORIGIN} />),
  );
  const dialog = () => document.querySelector('[role="dialog"]')!;
  const button = (name: string) =>
    [...dialog().querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
  const click = (name: string) => act(async () => button(name)!.click());
  const text = () => dialog().textContent ?? '';
  return { dialog, button, click, text };
}

describe('sharing the evidence with a coach', () => {
  it('says what a coach sees and cannot do, and makes a link shown once as a full address', async () => {
    const cmds = commands({ on: false, createdAt: null });
    const { button, click, text, dialog } = await open(cmds);
    expect(text()).toContain('Share the evidence with a coach');
    expect(text()).toContain("with students' real names");
    expect(text()).toContain('cannot change anything or see the live boards');
    expect(text()).toContain('No coach link is on.');
    expect(button('Turn the link off')).toBeNull();
    await click('Make a coach link');
    expect(cmds.createCoachLink).toHaveBeenCalledOnce();
    expect(dialog().querySelector('input')!.value).toBe(`${ORIGIN}/coach/abc12345#key=s3cret`);
    expect(button('Make a new link')).not.toBeNull();
    expect(button('Turn the link off')).not.toBeNull();
  });

  it('reopened with a link on, says so without its address, and turns it off', async () => {
    const cmds = commands({ on: true, createdAt: Date.now() });
    const { button, click, text, dialog } = await open(cmds);
    expect(text()).toMatch(
      /A coach link is on \(made today at .+\)\. Its address was shown when it was made/,
    );
    expect(dialog().querySelector('input')).toBeNull();
    await click('Turn the link off');
    expect(cmds.revokeCoachLink).toHaveBeenCalledOnce();
    expect(text()).toContain('The coach link is off');
    expect(button('Make a coach link')).not.toBeNull();
    expect(button('Turn the link off')).toBeNull();
  });

  // Disabled while their request was sending, the dialog's buttons dropped the focus on the dialog itself: a
  // keyboard user had to find their place again after every link made, and after the link was turned off.
  it('keeps the focus on its first button while a link is made and after the link is turned off', async () => {
    const cmds = commands({ on: false, createdAt: null });
    const { button, click } = await open(cmds);
    button('Make a coach link')!.focus();
    await click('Make a coach link');
    expect(document.activeElement).toBe(button('Make a new link'));
    button('Turn the link off')!.focus();
    await click('Turn the link off');
    expect(button('Turn the link off')).toBeNull();
    expect(document.activeElement).toBe(button('Make a coach link'));
  });

  it('ignores a second press while its request is sending', async () => {
    let answer: (link: { coachLink: string }) => void = () => {};
    const cmds = commands(
      { on: false, createdAt: null },
      { createCoachLink: vi.fn(() => new Promise<{ coachLink: string }>((resolve) => (answer = resolve))) },
    );
    const { button, click } = await open(cmds);
    await click('Make a coach link');
    expect(button('Make a coach link')!.getAttribute('aria-disabled')).toBe('true');
    await click('Make a coach link');
    expect(cmds.createCoachLink).toHaveBeenCalledOnce();
    await act(async () => answer({ coachLink: '/coach/abc12345#key=s3cret' }));
    expect(button('Make a new link')!.getAttribute('aria-disabled')).toBeNull();
  });

  it("shows the server's refusal as an alert and keeps what it knew", async () => {
    const cmds = commands(
      { on: true, createdAt: null },
      { createCoachLink: vi.fn(() => Promise.reject(new ApiRequestError('internal', 'disk full', 500))) },
    );
    const { click, dialog, text } = await open(cmds);
    await click('Make a new link');
    expect(dialog().querySelector('[role="alert"]')!.textContent).toBe('The link was not made: disk full');
    expect(text()).toContain('A coach link is on.');
  });
});
