import { describe, expect, it } from 'vitest';
import {
  groupParticipation,
  ParticipationReportSchema,
  quietMembers,
  wordCount,
  type ParticipationAct,
} from './participation.js';

const MIN = 60_000;
const act = (
  author: string,
  kind: ParticipationAct['kind'],
  at: number,
  itemId: string | null = null,
  words = 0,
) => ({ author, kind, at, itemId, words }) satisfies ParticipationAct;

describe('groupParticipation', () => {
  it('counts distinct items created and edited, words, replies, answers and talk moves per member', () => {
    const g = groupParticipation({
      groupId: 'g1',
      members: ['ana', 'ben'],
      acts: [
        act('ana', 'create', 1, 'shape:a', 3),
        act('ana', 'edit', 2, 'shape:a', 2),
        act('ana', 'edit', 3, 'shape:a', 0),
        act('ben', 'edit', 4, 'shape:a', 1),
        act('ben', 'critiqueReply', 5, null, 6),
        act('ben', 'answer', 6, null, 4),
        act('teacher', 'create', 7, 'shape:t', 9), // not a member: ignored
      ],
      talkMoves: [
        { author: 'ana', move: 'making_claim' },
        { author: 'ben', move: 'providing_evidence' },
        { author: 'ben', move: 'providing_evidence' },
      ],
      now: 10,
    });
    const [ana, ben] = g.members;
    expect(ana).toMatchObject({ itemsCreated: 1, itemsEdited: 1, words: 5, critiqueReplies: 0, answers: 0 });
    expect(ana?.talkMoves).toEqual({ making_claim: 1 });
    expect(ben).toMatchObject({ itemsCreated: 0, itemsEdited: 1, words: 11, critiqueReplies: 1, answers: 1 });
    expect(ben?.talkMoves).toEqual({ providing_evidence: 2 });
    expect(g.contributions).toBe(5);
    expect(ana?.share).toBeCloseTo(2 / 5);
    expect(ben?.share).toBeCloseTo(3 / 5);
    expect(ben?.lastContributionAt).toBe(6);
    expect(g.firstContributionAt).toBe(1);
    expect(() =>
      ParticipationReportSchema.parse({ classId: 'c', generatedAt: 10, options: {}, groups: [g] }),
    ).not.toThrow();
  });

  it('flags a member holding more than the dominant share, once there is enough to judge', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => act('ana', 'create', i, `shape:${i}`));
    const members = ['ana', 'ben', 'cy'];
    const early = groupParticipation({ groupId: 'g', members, acts: many(3), talkMoves: [], now: 10 });
    expect(early.dominantMember).toBeNull();
    const seventyPercent = [
      ...many(7),
      act('ben', 'answer', 8),
      act('cy', 'answer', 9),
      act('cy', 'answer', 9),
    ];
    const later = groupParticipation({
      groupId: 'g',
      members,
      acts: seventyPercent,
      talkMoves: [],
      now: 10,
    });
    expect(later.members[0]?.share).toBeCloseTo(0.7);
    expect(later.dominantMember).toBe('ana');
    const looser = groupParticipation({
      groupId: 'g',
      members,
      acts: seventyPercent,
      talkMoves: [],
      now: 10,
      options: { dominantShare: 0.75 },
    });
    expect(looser.dominantMember).toBeNull();
    const alone = groupParticipation({
      groupId: 'g',
      members: ['ana'],
      acts: many(9),
      talkMoves: [],
      now: 10,
    });
    expect(alone.dominantMember).toBeNull();
  });

  it('flags members quiet for N minutes since their last act, or since the group began for one who never acted', () => {
    const g = groupParticipation({
      groupId: 'g',
      members: ['ana', 'ben', 'cy'],
      acts: [act('ana', 'create', 0, 'shape:a'), act('ben', 'create', 4 * MIN, 'shape:b')],
      talkMoves: [],
      now: 5 * MIN,
      options: { quietAfterMs: 5 * MIN },
    });
    expect(g.quietMembers).toEqual(['ana', 'cy']);
    // The dashboard asks again as its clock ticks.
    expect(quietMembers(g, 9 * MIN, 5 * MIN)).toEqual(['ana', 'ben', 'cy']);
    expect(quietMembers(g, 4 * MIN, 5 * MIN)).toEqual([]);
    const none = groupParticipation({
      groupId: 'g',
      members: ['ana'],
      acts: [],
      talkMoves: [],
      now: 99 * MIN,
    });
    expect(none.quietMembers).toEqual([]);
    expect(none.members[0]?.share).toBe(0);
  });

  it('counts words between spaces', () => {
    expect(wordCount(' 3/4 is  more than\n2/3 ')).toBe(5);
    expect(wordCount(null)).toBe(0);
  });
});
