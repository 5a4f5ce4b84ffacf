// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupColumnControls } from './GroupColumnControls.js';
import { cleanUp, labelOf, render } from '../test/render.js';

afterEach(cleanUp);

const TIGERS = { groupId: 'group-1', name: 'Tigers', boardId: 'board-1' };
const LIONS = { groupId: 'group-2', name: 'Lions', boardId: 'board-2' };

async function renameTigers(renamed: string[] = []) {
  const host = await render(
    <GroupColumnControls
      group={TIGERS}
      groups={[TIGERS, LIONS]}
      memberCount={2}
      onRename={async (_groupId, name) => {
        renamed.push(name);
      }}
      onDelete={async () => {}}
    />,
  );
  await act(async () => host.querySelector<HTMLButtonElement>('[aria-label="Rename Tigers"]')!.click());
  const field = () => host.querySelector<HTMLInputElement>('input');
  const type = async (text: string) =>
    act(async () => {
      const input = field()!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const press = async (key: string) =>
    act(async () => {
      field()!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
  return { host, field, type, press };
}

describe('renaming a group', () => {
  it('opens the app’s text field, named for the group and focused', async () => {
    const { field } = await renameTigers();
    const input = field()!;
    expect(input.classList.contains('ui-input')).toBe(true);
    expect(labelOf(input)).toBe('New name for Tigers');
    expect(document.activeElement).toBe(input);
  });

  it('Enter saves the cleaned name and closes the field', async () => {
    const renamed: string[] = [];
    const { host, field, type, press } = await renameTigers(renamed);
    await type('  Pumas ');
    await press('Enter');
    expect(renamed).toEqual(['Pumas']);
    expect(field()).toBeNull();
    expect(host.querySelector('h3')?.textContent).toBe('Tigers');
  });

  it('Escape cancels without saving', async () => {
    const renamed: string[] = [];
    const { host, field, type, press } = await renameTigers(renamed);
    await type('Nope');
    await press('Escape');
    expect(renamed).toEqual([]);
    expect(field()).toBeNull();
    expect(host.querySelector('[aria-label="Rename Tigers"]')).not.toBeNull();
  });

  it('a name another group has marks the field invalid and describes it with the reason', async () => {
    const { host, field, type, press } = await renameTigers();
    await type('lions');
    await press('Enter');
    const input = field()!;
    const alerts = host.querySelectorAll('[role="alert"]');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.textContent).toBe('another group is already called "Lions"');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alerts[0]!.id);
  });
});
