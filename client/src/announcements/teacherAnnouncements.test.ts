import { describe, expect, it } from 'vitest';
import {
  dashboardAnnouncements,
  withUnnamedJoinsHeld,
  type DashboardSnapshot,
} from './teacherAnnouncements.js';

const names: Record<string, string> = { s1: 'Ada', s2: 'Bruno' };
const nameOf = (id: string) => names[id] ?? 'a student';

const base: DashboardSnapshot = {
  paused: false,
  online: ['s1'],
  hands: [],
  questions: [],
  projectedBoardIds: [],
  groups: [{ groupId: 'g1', name: 'Group 1', boardId: 'b1' }],
  attention: [],
};
const question = { questionId: 'q1', groupId: 'g1', text: 'Why 3 pens?', answers: [] };

describe('dashboardAnnouncements', () => {
  it('says nothing for the state found on load, nor when nothing spoken changed', () => {
    expect(dashboardAnnouncements(null, base, nameOf)).toEqual([]);
    expect(dashboardAnnouncements(base, { ...base }, nameOf)).toEqual([]);
  });

  it('announces students joining and leaving, and a raised hand, by name', () => {
    const next = { ...base, online: ['s2'], hands: ['s1'] };
    expect(dashboardAnnouncements(base, next, nameOf)).toEqual([
      'Bruno joined.',
      'Ada left.',
      'Ada raised a hand.',
    ]);
  });

  it('announces an answer received with its words, once', () => {
    const asked = { ...base, questions: [question] };
    const answered = {
      ...base,
      questions: [{ ...question, answers: [{ answerId: 'a1', studentId: 's2', text: ' Each is cheaper ' }] }],
    };
    expect(dashboardAnnouncements(asked, answered, nameOf)).toEqual([
      'Answer from Bruno: \u2068Each is cheaper\u2069',
    ]);
    expect(dashboardAnnouncements(answered, answered, nameOf)).toEqual([]);
  });

  it('isolates a question’s and an answer’s words, so a right-to-left word or an old override cannot reorder the rest', () => {
    // a right-to-left question and answer, with overrides from before the server stripped them
    const asked = { ...question, text: 'למה \u202e3 עטים?' };
    const answers = [{ answerId: 'a1', studentId: 's2', text: 'כי \u202e2 < 3' }];
    expect(dashboardAnnouncements(base, { ...base, questions: [asked] }, nameOf)).toEqual([
      'Question posed to Group 1: \u2068למה 3 עטים?\u2069',
    ]);
    const answered = { ...base, questions: [{ ...asked, answers }] };
    expect(dashboardAnnouncements({ ...base, questions: [asked] }, answered, nameOf)).toEqual([
      'Answer from Bruno: \u2068כי 2 < 3\u2069',
    ]);
  });

  it('confirms the teacher’s commands: pause, resume, projection, a question posed', () => {
    const posed = dashboardAnnouncements(base, { ...base, questions: [question] }, nameOf);
    expect(posed).toEqual(['Question posed to Group 1: \u2068Why 3 pens?\u2069']);
    const toAll = dashboardAnnouncements(
      base,
      { ...base, questions: [{ ...question, groupId: null }] },
      nameOf,
    );
    expect(toAll).toEqual(['Question posed to all groups: \u2068Why 3 pens?\u2069']);
    const paused = { ...base, paused: true };
    expect(dashboardAnnouncements(base, paused, nameOf)).toEqual([
      'The class is paused: every board is read-only.',
    ]);
    expect(dashboardAnnouncements(paused, base, nameOf)).toEqual([
      'The class resumed: students can work again.',
    ]);
    const projected = { ...base, projectedBoardIds: ['b1'] };
    expect(dashboardAnnouncements(base, projected, nameOf)).toEqual(['Group 1 is on the projector.']);
    expect(dashboardAnnouncements(projected, base, nameOf)).toEqual(['The projector shows the join code.']);
  });

  it('announces a group’s new quiet alert, not the hand and question alerts already spoken', () => {
    const quiet = {
      id: 'quiet:g1',
      kind: 'quiet' as const,
      groupName: 'Group 1',
      reason: 'Ada has not added anything',
    };
    const hand = { id: 'hand:g1', kind: 'hand' as const, groupName: 'Group 1', reason: 'Ada raised a hand' };
    const next = { ...base, attention: [hand, quiet] };
    expect(dashboardAnnouncements(base, next, nameOf)).toEqual([
      'Group 1 needs you: Ada has not added anything.',
    ]);
    expect(dashboardAnnouncements(next, next, nameOf)).toEqual([]);
  });

  it('announces students without a group, and again when someone new is among them', () => {
    const waiting = (reason: string) => ({
      id: 'waiting',
      kind: 'waiting' as const,
      groupName: 'Not in a group',
      reason,
    });
    const dara = { ...base, attention: [waiting('Dara has no group yet')] };
    expect(dashboardAnnouncements(base, dara, nameOf)).toEqual(['Dara has no group yet.']);
    expect(dashboardAnnouncements(dara, dara, nameOf)).toEqual([]);
    const both = { ...base, attention: [waiting('Dara and Eve have no group yet')] };
    expect(dashboardAnnouncements(dara, both, nameOf)).toEqual(['Dara and Eve have no group yet.']);
    expect(dashboardAnnouncements(both, base, nameOf)).toEqual([]);
  });

  it('announces a wipe the server undid, once', () => {
    const wipe = {
      id: 'wipe:g1',
      kind: 'wipe' as const,
      groupName: 'Group 1',
      reason: "Bruno tried to delete, empty or hide 40 of the group's things at once; they were put back",
    };
    const next = { ...base, attention: [wipe] };
    expect(dashboardAnnouncements(base, next, nameOf)).toEqual([
      "Group 1 needs you: Bruno tried to delete, empty or hide 40 of the group's things at once; they were put back.",
    ]);
    expect(dashboardAnnouncements(next, next, nameOf)).toEqual([]);
  });
});

describe('withUnnamedJoinsHeld', () => {
  it('holds a join back until the student’s name is known, then it is said with the name', () => {
    const joined = { ...base, online: ['s1', 's3'] };
    const isNamed = (known: string[]) => (id: string) => known.includes(id);
    // presence first: s3 is online but the class view with their name has not arrived
    const held = withUnnamedJoinsHeld(base, joined, isNamed(['s1']));
    expect(held.online).toEqual(['s1']);
    expect(dashboardAnnouncements(base, held, nameOf)).toEqual([]);
    // the name arrives: the same snapshot now says the join, by name
    const named = withUnnamedJoinsHeld(held, joined, isNamed(['s1', 's3']));
    expect(dashboardAnnouncements(held, named, (id) => (id === 's3' ? 'Chen' : nameOf(id)))).toEqual([
      'Chen joined.',
    ]);
  });

  it('keeps a student already online whose name is unknown, and changes nothing on first load', () => {
    const both = { ...base, online: ['s1', 's9'] };
    expect(withUnnamedJoinsHeld(both, both, () => false)).toBe(both);
    expect(withUnnamedJoinsHeld(null, both, () => false)).toBe(both);
  });
});
