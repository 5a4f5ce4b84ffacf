// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import type { Anticipation } from '@conjecture/shared';
import { AnticipationEditor } from './AnticipationEditor.js';

vi.mock('./anticipationApi.js', () => ({
  addAnticipation: vi.fn(),
  replaceAnticipation: vi.fn(),
  deleteAnticipation: vi.fn(() => Promise.reject(new Error('the class has ended'))),
}));

const [FSI, PDI] = ['\u2068', '\u2069'];
// a right-to-left title, with an override stored before the server stripped them
const anticipation = {
  id: 'a1',
  title: 'מחיר \u202eלעט',
  description: '',
  kind: 'strategy',
  threshold: 1,
  lookFors: [{ kind: 'phrase', text: 'per pen', weight: 1 }],
} as Anticipation;

afterEach(cleanUp);

describe('the anticipation editor', () => {
  it('quotes a title in an isolate in its buttons’ names, the delete question and the error', async () => {
    const host = await render(
      <AnticipationEditor classId="c1" anticipations={[anticipation]} onChanged={vi.fn()} />,
    );
    const labels = [...host.querySelectorAll('button[aria-label]')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual([`Edit “${FSI}מחיר לעט${PDI}”`, `Delete “${FSI}מחיר לעט${PDI}”`]);

    act(() => (host.querySelector('button[aria-label^="Delete"]') as HTMLButtonElement).click());
    expect(document.querySelector('[role="dialog"] h2')?.textContent).toBe(`Delete “${FSI}מחיר לעט${PDI}”?`);

    const confirm = [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find(
      (b) => b.textContent === 'Delete',
    );
    await act(async () => confirm!.click());
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(
      `“${FSI}מחיר לעט${PDI}” was not deleted: the class has ended`,
    );
  });
});
