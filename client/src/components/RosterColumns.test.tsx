// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

/** The roster as the dashboard keeps it: a removal or a deletion comes back as the next class state. */
function LiveRoster({ initial }: { initial: ClassState }) {
  const [cls, setCls] = useState(initial);
  return (
    <RosterColumns
      cls={cls}
      onAssign={() => {}}
      onRemove={(studentId) =>
        setCls((c) => ({ ...c, students: c.students.filter((s) => s.studentId !== studentId) }))
      }
      onRenameGroup={noop}
      onDeleteGroup={async (groupId) =>
        setCls((c) => ({
          ...c,
          groups: c.groups.filter((g) => g.groupId !== groupId),
          students: c.students.map((s) => (s.groupId === groupId ? { ...s, groupId: null } : s)),
        }))
      }
    />
  );
}

const byLabel = (label: string) => document.querySelector<HTMLElement>(`[aria-label="${label}"]`)!;
const confirmButton = (name: string) =>
  [...document.querySelectorAll<HTMLElement>('[role="dialog"] button')].find(
    (b) => b.textContent?.trim() === name,
  )!;

// The confirmed action takes its opener away with the card or the column: the focus fell on the page's
// body, and a keyboard user started again from the top of the dashboard.
describe('after a confirmation takes its opener away, the focus goes to the next control', () => {
  const GROUP_2 = { groupId: 'group-2', name: 'Group 2', boardId: 'board-2' };
  const cls = aClass({
    groups: [GROUP, GROUP_2],
    students: [
      aStudent('student-001', 'Ada', GROUP.groupId),
      aStudent('student-002', 'Bruno', GROUP.groupId),
    ],
  });

  it('removing a student: the next student’s group', async () => {
    await render(<LiveRoster initial={cls} />);
    byLabel('Remove Ada').focus();
    await act(async () => byLabel('Remove Ada').click());
    await act(async () => confirmButton('Remove').click());
    await vi.waitFor(() => expect(document.activeElement).toBe(byLabel('Group for Bruno')));
  });

  it('deleting a group: the next group’s first action', async () => {
    await render(<LiveRoster initial={cls} />);
    byLabel('Delete group Group 1').focus();
    await act(async () => byLabel('Delete group Group 1').click());
    await act(async () => confirmButton('Delete group').click());
    await vi.waitFor(() => expect(document.activeElement).toBe(byLabel('Rename Group 2')));
  });
});

describe('a roster of more groups than the window is wide', () => {
  afterEach(() => vi.restoreAllMocks());

  /** happy-dom lays nothing out: the columns' width is given as a browser measures it, in a 1318 px roster. */
  async function roster(columnsWidth: number) {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(columnsWidth);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1318);
    const groups = [1, 2, 3, 4, 5].map((n) => ({
      groupId: `group-${n}`,
      name: `Group ${n}`,
      boardId: `b-${n}`,
    }));
    const scroller = (await column(aClass({ groups }), 'Group 5')).closest<HTMLElement>('.roster')!;
    return { scroller, frame: scroller.parentElement! };
  }

  it('shades its right edge while groups lie past it (at 1366 px the fifth was cut mid-word), until scrolled', async () => {
    const { scroller, frame } = await roster(1576);
    expect(frame.getAttribute('data-more')).toBe('right');
    act(() => {
      scroller.scrollLeft = 258;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(frame.hasAttribute('data-more')).toBe(false);
  });

  it('shows no shade when every group fits', async () => {
    const { frame } = await roster(1318);
    expect(frame.hasAttribute('data-more')).toBe(false);
  });
});
