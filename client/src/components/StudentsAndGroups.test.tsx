// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_BOARDS_ID, JumpToStudentsAndGroups, StudentsAndGroups } from './StudentsAndGroups.js';
import { aClass, aStudent } from '../test/classState.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

const GROUP = { groupId: 'group-1', name: 'Group 1', boardId: 'board-1' };
const noop = async () => {};

describe('“Students and groups” from the top of the live lesson', () => {
  it('is one click away: the button brings the roster and puts focus on its heading', async () => {
    const cls = aClass({ groups: [GROUP], students: [aStudent('student-001', 'Ada', GROUP.groupId)] });
    const host = await render(
      <>
        <JumpToStudentsAndGroups />
        {/* the group boards and the lesson's tags, between the top and the roster */}
        <div style={{ height: '4400px' }} />
        <StudentsAndGroups
          cls={cls}
          onCreateGroup={noop}
          onAssign={() => {}}
          onRemove={() => {}}
          onRenameGroup={noop}
          onDeleteGroup={noop}
        />
      </>,
    );
    const jump = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Students and groups');
    expect(jump, 'the jump button').toBeDefined();

    await act(async () => jump!.click());

    const heading = document.activeElement;
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('Students and groups');
    // the heading is the section's name, and the section the roster's place
    expect(
      heading?.closest('section[aria-label="Students and groups"]')?.querySelector('.roster'),
    ).not.toBeNull();
  });

  it('and back: under Live the roster offers one click up to the group boards, which takes the focus', async () => {
    const cls = aClass({ groups: [GROUP], students: [aStudent('student-001', 'Ada', GROUP.groupId)] });
    const roster = (backToGroupBoards: boolean) => (
      <>
        <section id={GROUP_BOARDS_ID} tabIndex={-1} aria-label="Groups" />
        <div style={{ height: '4400px' }} />
        <StudentsAndGroups
          cls={cls}
          backToGroupBoards={backToGroupBoards}
          onCreateGroup={noop}
          onAssign={() => {}}
          onRemove={() => {}}
          onRenameGroup={noop}
          onDeleteGroup={noop}
        />
      </>
    );
    const back = (host: HTMLElement) =>
      [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Back to the group boards');
    // scrolled down to the roster, the boards were thousands of pixels up with no way back but the scrollbar
    const host = await render(roster(true));
    const button = back(host);
    expect(button, 'the way back').toBeDefined();
    const scrolled: Element[] = [];
    const scrollIntoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      await act(async () => button!.click());
    } finally {
      Element.prototype.scrollIntoView = scrollIntoView;
    }
    const boards = document.getElementById(GROUP_BOARDS_ID);
    expect(scrolled).toEqual([boards]);
    expect(document.activeElement).toBe(boards);
    cleanUp();
    // under Prepare there are no boards to go back to
    expect(back(await render(roster(false)))).toBeUndefined();
  });
});
