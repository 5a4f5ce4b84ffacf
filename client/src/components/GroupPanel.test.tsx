// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Group, GroupActivity, GroupParticipation } from '@conjecture/shared';
import { GroupPanel } from './GroupPanel.js';
import { aClass, aStudent } from '../test/classState.js';
import { cleanUp, render } from '../test/render.js';

// No thumbnail is drawn (`?views=none`): the note about an empty board is the card's, not the drawing's.
beforeEach(() => window.history.replaceState(null, '', '/?views=none'));
afterEach(() => {
  cleanUp();
  window.history.replaceState(null, '', '/');
});

const GROUP: Group = { groupId: 'group-1', name: 'Group 1', boardId: 'board-1' };
const noop = () => {};

/** `contributions`: the group's, as the participation report counts them; `lastActivityAt`: anyone's change. */
async function renderPanel(memberIds: string[], contributions: number, lastActivityAt: number | null = null) {
  const cls = aClass({
    groups: [GROUP],
    students: memberIds.map((id) => aStudent(id, id, GROUP.groupId)),
  });
  const activity: GroupActivity = {
    groupId: GROUP.groupId,
    lastActivityAt,
    members: memberIds.map((studentId) => ({ studentId, lastContributionAt: lastActivityAt, online: true })),
  };
  const participation: GroupParticipation = {
    groupId: GROUP.groupId,
    members: [],
    contributions,
    firstContributionAt: null,
    dominantMember: null,
    quietMembers: [],
  };
  const host = await render(
    <GroupPanel
      group={GROUP}
      cls={cls}
      activity={activity}
      hands={[]}
      now={1_000}
      resolveName={(id) => id}
      licenseKey={null}
      projected={false}
      canProjectMore
      participation={participation}
      participationOptions={undefined}
      onOpen={noop}
      onReplay={noop}
      onToggleProjected={noop}
      onClearHand={noop}
    />,
  );
  return host.querySelector('.thumbnail')!;
}

describe('a group card whose board is empty', () => {
  it('says no one is in the group yet, rather than a blank picture', async () => {
    expect((await renderPanel([], 0)).textContent).toContain('No one in this group yet');
  });

  it('says the group has done nothing on its board yet once it has members', async () => {
    // a change on the board (the teacher's task card, a cursor) is not the group's work
    expect((await renderPanel(['ada'], 0, 500)).textContent).toContain('No work from the group yet');
  });

  it('says nothing over a board the group has worked on', async () => {
    expect((await renderPanel(['ada'], 3, 500)).querySelector('.thumbnail__empty')).toBeNull();
  });
});
