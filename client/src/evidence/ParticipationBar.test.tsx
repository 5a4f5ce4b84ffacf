// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARTICIPATION_OPTIONS, type MemberParticipation } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { ParticipationBar } from './ParticipationBar.js';

afterEach(cleanUp);

/** A red a student may be given: on the bar it read as an alarm. */
const RED = '#e03131';
/** Members as the dashboard has them, with their colours: the bar must not take them up. */
const ADA = { studentId: 's1', displayName: 'Ada', color: RED };
const BO = { studentId: 's2', displayName: 'Bo', color: '#1971c2' };

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
  it('draws every share in the product’s colour, and never a student’s colour by the name', async () => {
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
        members={[ADA]}
      />,
    );
    const segments = [...host.querySelectorAll<HTMLElement>('.participation__segment')];
    expect(segments).toHaveLength(1);
    // a lone student at 100 % is a full bar, not a full red bar
    expect(segments[0]!.style.background).toBe('');
    expect(host.querySelector<HTMLElement>('.participation__swatch')!.style.background).toBe('');
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
        members={[ADA, BO]}
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
    // what the share is made of opens beside the name: above, it covered the very bar it picks out, and
    // below, at the window's foot, it flipped above
    expect(document.querySelector('.ui-tooltip')?.getAttribute('data-side')).toBe('right');
    act(() => bo!.blur());
    act(() => ada!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(picked()).toEqual(['true', '']);
  });

  // "3 created, 0 edited, …" under a row of names said whose only by where it opened
  it('names the member whose figures the tooltip gives, and leaves out what they did none of', async () => {
    const host = await twoMembers();
    const bo = host.querySelectorAll<HTMLElement>('.participation__member')[1]!;
    act(() => bo.focus());
    expect(document.querySelector('.ui-tooltip')?.textContent).toBe('Bo: 1 created');
  });

  // A red and a blue dot under a bar all of one blue read as a key the bar did not follow.
  it('marks each name with the very shade of its share on the bar, not with a colour the bar lacks', async () => {
    const host = await twoMembers();
    const tone = (el: Element) => (el as HTMLElement).dataset.tone;
    const segments = [...host.querySelectorAll('.participation__segment')].map(tone);
    const swatches = [...host.querySelectorAll('.participation__swatch')].map(tone);
    expect(swatches).toEqual(segments);
    expect(new Set(segments).size).toBe(2);
    for (const s of host.querySelectorAll<HTMLElement>('.participation__swatch'))
      expect(s.style.background).toBe('');
  });

  it('says the shares in words for a reader who cannot see the bar', async () => {
    const host = await twoMembers();
    expect(host.querySelector('.participation__bar')!.getAttribute('aria-label')).toBe(
      'Share of contributions: Ada 75%, Bo 25%',
    );
  });
});
