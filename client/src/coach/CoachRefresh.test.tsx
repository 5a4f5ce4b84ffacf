// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { CoachRefresh } from './CoachRefresh.js';

afterEach(cleanUp);

/** The coach page's header: a refresh that reads the evidence again until the test says it is read. */
function Header({ onRefresh }: { onRefresh: () => void }) {
  const [refreshing, setRefreshing] = useState(false);
  return (
    <>
      <CoachRefresh
        readAt={Date.UTC(2026, 11, 7, 9, 30)}
        refreshing={refreshing}
        refresh={() => {
          onRefresh();
          setRefreshing(true);
        }}
      />
      <button type="button" onClick={() => setRefreshing(false)}>
        Read
      </button>
    </>
  );
}

const buttonNamed = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)!;

// Disabled while it read the evidence again, Refresh dropped the focus on the page's body: the coach's next
// Tab started from the top of the page.
describe("the coach's Refresh", () => {
  it('keeps the focus while it reads the evidence again, and ignores a second press', async () => {
    const onRefresh = vi.fn();
    await render(<Header onRefresh={onRefresh} />);
    const refresh = buttonNamed('Refresh');
    refresh.focus();
    await act(async () => refresh.click());
    expect(refresh.textContent).toBe('Refreshing…');
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(refresh);
    await act(async () => refresh.click());
    expect(onRefresh).toHaveBeenCalledOnce();
    await act(async () => buttonNamed('Read').click());
    expect(refresh.textContent).toBe('Refresh');
    expect(refresh.getAttribute('aria-disabled')).toBeNull();
  });
});
