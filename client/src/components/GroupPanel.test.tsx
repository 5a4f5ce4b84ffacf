// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Group, GroupActivity, GroupParticipation } from '@conjecture/shared';
import { GroupPanel } from './GroupPanel.js';
import { aClass, aStudent } from '../test/classState.js';
import { fakeClassServer } from '../test/fakeClassServer.js';
import { cleanUp, render, rerender } from '../test/render.js';

// No thumbnail is drawn (`?views=none`): the note about an empty board is the card's, not the drawing's.
beforeEach(() => window.history.replaceState(null, '', '/?views=none'));
afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const GROUP: Group = { groupId: 'group-1', name: 'Group 1', boardId: 'board-1' };
const noop = () => {};
const SNAPSHOT = {
  snapshotId: 'snap-0001',
  groupId: 'group-0001',
  groupName: GROUP.name,
  boardId: 'board-0001',
  title: GROUP.name,
  region: null,
  records: [],
};

/** `contributions`: the group's, as the participation report counts them; `lastActivityAt`: anyone's change. */
function panel(memberIds: string[], contributions: number, lastActivityAt: number | null = null) {
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
  return (
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
    />
  );
}

async function renderPanel(memberIds: string[], contributions: number, lastActivityAt: number | null = null) {
  const host = await render(panel(memberIds, contributions, lastActivityAt));
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

describe('a group card says each thing once', () => {
  it('an empty board: "No work from the group yet", not also "No edits yet"', async () => {
    const card = (await renderPanel(['ada'], 0)).closest('article')!;
    expect(card.textContent).toContain('No work from the group yet');
    expect(card.textContent).not.toContain('No edits yet');
  });

  it('a snapshot: in the status line the card already has, until the board changes after it', async () => {
    const server = fakeClassServer({
      'POST /classes/class-0001/snapshots': { ...SNAPSHOT, shapeCount: 3, takenAt: 600 },
    });
    vi.stubGlobal('fetch', server.fetch);
    const host = await render(panel(['ada'], 3, 500));
    const card = host.querySelector('article')!;
    const snap = [...card.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Take a snapshot'),
    )!;
    await act(async () => snap.click());
    const status = card.querySelector('[data-testid="snapshot-status"]')!;
    expect(status.textContent).toBe('Snapshot taken: 3 items');
    // no row of its own under the card's buttons: it takes the place of "Active …" in the footer
    expect(status.closest('.group-panel__footer')).not.toBeNull();
    expect(card.querySelector('.group-panel__footer')!.textContent).not.toContain('Active');
    await rerender(panel(['ada'], 3, 700));
    expect(card.querySelector('[data-testid="snapshot-status"]')?.textContent ?? '').toBe('');
    expect(card.querySelector('.group-panel__footer')!.textContent).toContain('Active');
  });
});
