// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/http.js';
import { cleanUp, render } from '../test/render.js';
import { ClassDataFooter } from './ClassDataFooter.js';

beforeEach(() => {
  // No retention period set: the footer's sentence alone.
  vi.spyOn(api, 'classRetention').mockResolvedValue({ retentionDays: null, deleteAfter: null } as never);
});
afterEach(() => {
  cleanUp();
  vi.restoreAllMocks();
});

describe("the dashboard's foot", () => {
  it('says how to keep a copy in a sentence, not a menu path', async () => {
    const host = await render(<ClassDataFooter classId="class-0001" onDelete={() => {}} />);
    const words = host.querySelector('p')!.textContent!;
    expect(words).not.toContain('›');
    expect(words).toBe('To keep a copy, download “All class data (JSON)” from the Export menu.');
  });

  it('offers "Delete the class" at the size of the page\'s other buttons, in the danger tone', async () => {
    const host = await render(<ClassDataFooter classId="class-0001" onDelete={() => {}} />);
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Delete the class')!;
    expect(button.dataset.size).toBe('md');
    expect(button.dataset.variant).toBe('danger');
  });
});
