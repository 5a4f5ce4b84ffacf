// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { JumpToStudentsAndGroups, StudentsAndGroups } from './StudentsAndGroups.js';
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
});
