import { describe, expect, it } from 'vitest';
import { lessonIsRunning, listNames, rankAttention, type AttentionInput } from './attention.js';

const MIN = 60_000;
const [RLO, FSI, PDI] = ['\u202e', '\u2068', '\u2069'];
const NOW = 100 * MIN;

const base = (over: Partial<AttentionInput> = {}): AttentionInput => ({
  groups: [
    { groupId: 'g1', name: 'Group 1', boardId: 'b1' },
    { groupId: 'g2', name: 'Group 2', boardId: 'b2' },
    { groupId: 'g3', name: 'Group 3', boardId: 'b3' },
  ],
  students: [
    { studentId: 'ada', displayName: 'Ada', groupId: 'g1' },
    { studentId: 'bruno', displayName: 'Bruno', groupId: 'g1' },
    { studentId: 'chen', displayName: 'Chen', groupId: 'g2' },
    { studentId: 'dara', displayName: 'Dara', groupId: 'g2' },
    { studentId: 'eve', displayName: 'Eve', groupId: null },
  ],
  online: ['ada', 'bruno', 'chen', 'dara'], // Eve, without a group, is offline
  hands: [],
  activity: [
    {
      groupId: 'g1',
      members: [
        { studentId: 'ada', lastContributionAt: NOW - MIN },
        { studentId: 'bruno', lastContributionAt: NOW - MIN },
      ],
    },
    {
      groupId: 'g2',
      members: [
        { studentId: 'chen', lastContributionAt: NOW - MIN },
        { studentId: 'dara', lastContributionAt: NOW - MIN },
      ],
    },
  ],
  questions: [],
  now: NOW,
  quietAfterMs: 3 * MIN,
  ...over,
});

describe('rankAttention', () => {
  it('is empty when every grouped student is busy, and skips groups without members', () => {
    expect(rankAttention(base())).toEqual([]);
  });

  it('names the students online without a group once the lesson runs, beside the hands', () => {
    const items = rankAttention(
      base({
        students: [...base().students, { studentId: 'finn', displayName: 'Finn', groupId: null }],
        online: ['ada', 'bruno', 'chen', 'dara', 'eve', 'finn'],
        hands: ['chen'],
      }),
    );
    expect(items.map((i) => i.kind)).toEqual(['hand', 'waiting']);
    expect(items[1]).toMatchObject({
      id: 'waiting',
      groupId: '',
      groupName: 'Not in a group',
      reason: 'Eve and Finn have no group yet',
      studentIds: ['eve', 'finn'],
    });
    // Before any group has members there is no lesson to wait for: the roster is still being made.
    const before = base({
      students: base().students.map((s) => ({ ...s, groupId: null })),
      online: ['ada', 'eve'],
    });
    expect(rankAttention(before)).toEqual([]);
  });

  it('puts a raised hand first, naming who, with the group board to open', () => {
    const items = rankAttention(
      base({
        hands: ['chen'],
        questions: [{ questionId: 'q', groupId: 'g1', text: 'Why?', createdAt: NOW - 5 * MIN, answers: [] }],
      }),
    );
    expect(items.map((i) => [i.kind, i.groupName])).toEqual([
      ['hand', 'Group 2'],
      ['question', 'Group 1'],
    ]);
    expect(items[0]).toMatchObject({ reason: 'Chen raised a hand', boardId: 'b2', studentIds: ['chen'] });
    expect(items[1]?.reason).toBe('Asked 5 min ago, no answer: “\u2068Why?\u2069”');
  });

  it('quotes a question in an isolate, so a right-to-left word or a leftover override cannot reorder the reason', () => {
    const text = `למה 15 ${RLO}lanoitar? ${'x'.repeat(60)}`;
    const items = rankAttention(
      base({ questions: [{ questionId: 'q', groupId: 'g1', text, createdAt: NOW - 5 * MIN, answers: [] }] }),
    );
    const reason = items.find((i) => i.kind === 'question')?.reason;
    expect(reason).toBe(`Asked 5 min ago, no answer: “${FSI}למה 15 lanoitar? ${'x'.repeat(41)}…${PDI}”`);
  });

  it('orders hands by when they were raised and joins a group’s hands into one item', () => {
    const items = rankAttention(base({ hands: ['dara', 'bruno', 'ada'] }));
    expect(items.map((i) => i.reason)).toEqual(['Dara raised a hand', 'Bruno and Ada raised hands']);
  });

  it('counts a question to all groups as unanswered for each group none of whose members answered', () => {
    const items = rankAttention(
      base({
        questions: [
          {
            questionId: 'q',
            groupId: null,
            text: 'Compare',
            createdAt: NOW - 2 * MIN,
            answers: [{ studentId: 'ada' }],
          },
        ],
      }),
    );
    expect(items.map((i) => i.groupName)).toEqual(['Group 2']);
  });

  it('says so when nobody in the group has written yet', () => {
    const items = rankAttention(base({ online: ['ada', 'bruno'], activity: [] }));
    expect(items.map((i) => i.reason)).toEqual(['Ada and Bruno have not drawn or written yet']);
  });

  it('flags online members quiet past the threshold, the longest quiet first; offline ones are not flagged', () => {
    const items = rankAttention(
      base({
        online: ['ada', 'chen', 'dara'],
        activity: [
          { groupId: 'g1', members: [{ studentId: 'ada', lastContributionAt: NOW - 4 * MIN }] },
          { groupId: 'g2', members: [{ studentId: 'chen', lastContributionAt: NOW - 9 * MIN }] },
        ],
      }),
    );
    expect(items.map((i) => i.reason)).toEqual(['Chen and Dara quiet for 3+ min', 'Ada quiet for 4 min']);
  });
});

describe('lessonIsRunning', () => {
  it('is true once the class has groups', () => {
    expect(lessonIsRunning(base())).toBe(true);
    expect(lessonIsRunning({ groups: [] })).toBe(false);
  });
});

describe('listNames', () => {
  it('joins names in English', () => {
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('puts a wipe the server undid first, naming who and how much, until it is seen', () => {
    const items = rankAttention(
      base({
        hands: ['chen'],
        undoneWipes: [
          { boardId: 'b1', studentId: 'bruno', count: 40, undone: 'deleted', at: NOW - MIN },
          { boardId: 'b1', studentId: 'bruno', count: 5, undone: 'deleted', at: NOW },
        ],
      }),
    );
    expect(items[0]).toMatchObject({
      id: 'wipe:g1',
      kind: 'wipe',
      groupName: 'Group 1',
      reason: "Bruno tried to delete, empty or hide 45 of the group's things at once; they were put back",
      studentIds: ['bruno'],
      since: NOW - MIN,
    });
    expect(items[1]?.kind).toBe('hand');
    expect(rankAttention(base()).some((i) => i.kind === 'wipe')).toBe(false);
  });

  it('puts a flood the server took back first too, apart from a wipe on the same board', () => {
    const items = rankAttention(
      base({
        hands: ['chen'],
        undoneWipes: [
          { boardId: 'b1', studentId: 'bruno', count: 900, undone: 'added', at: NOW },
          { boardId: 'b1', studentId: 'bruno', count: 40, undone: 'deleted', at: NOW - MIN },
        ],
      }),
    );
    expect(items.map((i) => i.id)).toEqual(['wipe:g1', 'flood:g1', 'hand:g2']);
    expect(items[1]).toMatchObject({
      kind: 'flood',
      reason: 'Bruno tried to add 900 things to the board at once; they were taken back',
      studentIds: ['bruno'],
      since: NOW,
    });
  });

  it('puts work a student left hidden outside a frame, moved back into sight, first too', () => {
    const items = rankAttention(
      base({
        hands: ['chen'],
        undoneWipes: [{ boardId: 'b1', studentId: 'ada', count: 3, undone: 'hidden', at: NOW }],
      }),
    );
    expect(items.map((i) => i.id)).toEqual(['hidden:g1', 'hand:g2']);
    expect(items[0]).toMatchObject({
      kind: 'hidden',
      reason:
        "Ada left 3 of the group's things outside a frame, where no one could see them; they were moved back into sight",
      studentIds: ['ada'],
    });
  });
});
