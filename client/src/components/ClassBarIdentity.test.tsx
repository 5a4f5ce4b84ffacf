// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { ClassBarIdentity } from './ClassBarIdentity.js';

afterEach(cleanUp);

/** What a screen reader reads of each part of the bar, in order, and what is seen (hidden text left out). */
function readAndSeen(host: HTMLElement): { read: string[]; seen: string[] } {
  const parts = [...host.children];
  const seen = parts.map((part) => {
    const copy = part.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ui-visually-hidden').forEach((hidden) => hidden.remove());
    return copy.textContent ?? '';
  });
  return { read: parts.map((part) => part.textContent ?? ''), seen };
}

describe('the student’s name and group in the class bar', () => {
  it('are read with what they are, and seen as before', async () => {
    const host = await render(<ClassBarIdentity displayName="Ada" groupName="Group 1" />);
    expect(readAndSeen(host)).toEqual({
      read: ['Your name: Ada', 'Your group: Group 1'],
      seen: ['Ada', 'Group 1'],
    });
    // the group's name alone, as the pages' tests read it
    expect(host.querySelector('[data-testid="my-group"]')?.textContent).toBe('Group 1');
  });

  it('say when there is no group yet', async () => {
    const host = await render(<ClassBarIdentity displayName="Ada" groupName={null} />);
    expect(readAndSeen(host).read).toEqual(['Your name: Ada', 'Your group: No group yet']);
  });
});
