// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassState } from '@conjecture/shared';
import { RosterColumns } from './RosterColumns.js';
import { aClass, aStudent } from '../test/classState.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

const GROUP = { groupId: 'group-1', name: 'Group 1', boardId: 'board-1' };
const noop = async () => {};

async function column(cls: ClassState, name: string): Promise<HTMLElement> {
  const host = await render(
    <RosterColumns
      cls={cls}
      onAssign={() => {}}
      onRemove={() => {}}
      onRenameGroup={noop}
      onDeleteGroup={noop}
    />,
  );
  return host.querySelector<HTMLElement>(`[data-testid="roster-column-${name}"]`)!;
}

describe('the roster’s "Not in a group" column', () => {
  it('says everyone is in a group once all are placed, rather than stand as an empty box', async () => {
    const cls = aClass({ groups: [GROUP], students: [aStudent('student-001', 'Ada', GROUP.groupId)] });
    const ungrouped = await column(cls, 'Not in a group');
    expect(ungrouped.querySelector('[data-testid="roster-column-empty"]')?.textContent).toBe(
      'Everyone is in a group.',
    );
  });

  it('says nobody has joined yet before the first student', async () => {
    const ungrouped = await column(aClass(), 'Not in a group');
    expect(ungrouped.querySelector('[data-testid="roster-column-empty"]')?.textContent).toBe(
      'Nobody has joined yet.',
    );
  });

  it('lists the students waiting for a group, with no empty-state line', async () => {
    const cls = aClass({ groups: [GROUP], students: [aStudent('student-001', 'Ada')] });
    const ungrouped = await column(cls, 'Not in a group');
    expect(ungrouped.querySelector('[data-testid="student-Ada"]')).not.toBeNull();
    expect(ungrouped.querySelector('[data-testid="roster-column-empty"]')).toBeNull();
  });
});

describe('an empty group’s column', () => {
  it('says how to fill it', async () => {
    const cls = aClass({ groups: [GROUP], students: [aStudent('student-001', 'Ada')] });
    const group = await column(cls, 'Group 1');
    expect(group.querySelector('[data-testid="roster-column-empty"]')?.textContent).toBe(
      'No one yet: drag a student here or choose this group on their card.',
    );
  });
});
