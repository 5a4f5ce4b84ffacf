// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { NewGroupButton } from './NewGroupButton.js';

afterEach(cleanUp);

/** A request the test answers when it chooses. */
function pendingRequests() {
  const answers: Array<() => void> = [];
  return {
    answers,
    create: () => new Promise<void>((resolve) => answers.push(resolve)),
  };
}

describe('the teacher’s "New group" button', () => {
  it('makes one group of a double click: busy while its request is in flight, ready again after', async () => {
    const requests = pendingRequests();
    const host = await render(<NewGroupButton onCreate={requests.create} />);
    const button = host.querySelector('button')!;
    act(() => {
      button.click();
      button.click();
    });
    expect(requests.answers).toHaveLength(1);
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    await act(async () => requests.answers[0]!());
    expect(button.disabled).toBe(false);
    act(() => button.click());
    expect(requests.answers).toHaveLength(2);
  });

  it('is ready again after a request that failed', async () => {
    const host = await render(<NewGroupButton onCreate={() => Promise.reject(new Error('offline'))} />);
    const button = host.querySelector('button')!;
    await act(async () => button.click());
    expect(button.disabled).toBe(false);
  });
});
