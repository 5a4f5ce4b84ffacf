// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPATION_OPTIONS, type MemberParticipation } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { ParticipationBar } from './ParticipationBar.js';

afterEach(cleanUp);

/** A red a student may be given: on the bar it read as an alarm. */
const RED = '#e03131';

const member = (studentId: string, contributions: number, share: number): MemberParticipation => ({
  studentId,
  itemsCreated: contributions,
  itemsEdited: 0,
  words: 0,
  critiqueReplies: 0,
  answers: 0,
  talkMoves: {},
  contributions,
  share,
  lastContributionAt: 0,
});

describe('the participation bar', () => {
  it('draws every share in the product’s colour and keeps the student’s colour for the marker by the name', async () => {
    const host = await render(
      <ParticipationBar
        participation={{
          groupId: 'g1',
          members: [member('s1', 3, 1)],
          contributions: 3,
          firstContributionAt: 0,
          dominantMember: null,
          quietMembers: [],
        }}
        options={DEFAULT_PARTICIPATION_OPTIONS}
        members={[{ studentId: 's1', displayName: 'Ada', color: RED }]}
      />,
    );
    const segments = [...host.querySelectorAll<HTMLElement>('.participation__segment')];
    expect(segments).toHaveLength(1);
    // a lone student at 100 % is a full bar, not a full red bar
    expect(segments[0]!.style.background).toBe('');
    expect(host.querySelector<HTMLElement>('.participation__dot')!.style.background).not.toBe('');
  });
});

describe('whose share is whose on the participation bar', () => {
  const twoMembers = () =>
    render(
      <ParticipationBar
        participation={{
          groupId: 'g1',
          members: [member('s1', 3, 0.75), member('s2', 1, 0.25)],
          contributions: 4,
          firstContributionAt: 0,
          dominantMember: null,
          quietMembers: [],
        }}
        options={DEFAULT_PARTICIPATION_OPTIONS}
        members={[
          { studentId: 's1', displayName: 'Ada', color: RED },
          { studentId: 's2', displayName: 'Bo', color: '#1971c2' },
        ]}
      />,
    );

  it('picks out a member’s share on the bar while their name has focus or the pointer', async () => {
    const host = await twoMembers();
    const [ada, bo] = [...host.querySelectorAll<HTMLElement>('.participation__member')];
    const picked = () =>
      [...host.querySelectorAll<HTMLElement>('.participation__segment')].map((s) => s.dataset.picked ?? '');
    expect(picked()).toEqual(['', '']);
    act(() => bo!.focus());
    expect(picked()).toEqual(['', 'true']);
    expect(bo!.dataset.picked).toBe('true');
    // what the share is made of opens below the name: above, it covered the very bar it picks out
    expect(document.querySelector('.ui-tooltip')?.getAttribute('data-side')).toBe('bottom');
    act(() => bo!.blur());
    act(() => ada!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(picked()).toEqual(['true', '']);
  });

  it('says the shares in words for a reader who cannot see the bar', async () => {
    const host = await twoMembers();
    expect(host.querySelector('.participation__bar')!.getAttribute('aria-label')).toBe(
      'Share of contributions: Ada 75%, Bo 25%',
    );
  });
});
