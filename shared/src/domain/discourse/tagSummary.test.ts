import { describe, expect, it } from 'vitest';
import { describeQuestionBalance, summarizeTags } from './tagSummary.js';

describe('tag summaries for the dashboard', () => {
  it('counts students’ moves per group and the teacher’s question types', () => {
    const summary = summarizeTags([
      { groupId: 'g1', role: 'student', move: 'making_a_claim', questionType: null },
      { groupId: 'g1', role: 'student', move: 'making_a_claim', questionType: null },
      { groupId: 'g1', role: 'student', move: 'asking_for_more_info', questionType: 'probing_thinking' },
      { groupId: 'g2', role: 'student', move: 'providing_evidence_reasoning', questionType: null },
      { groupId: null, role: 'teacher', move: 'pressing_for_reasoning', questionType: 'probing_thinking' },
      { groupId: 'g1', role: 'teacher', move: 'none', questionType: 'gathering_information' },
      { groupId: null, role: 'teacher', move: 'none', questionType: 'gathering_information' },
    ]);
    expect(summary.groups.g1?.moves).toEqual({ making_a_claim: 2, asking_for_more_info: 1 });
    expect(summary.groups.g1?.questionTypes).toEqual({ probing_thinking: 1 });
    expect(summary.groups.g2?.moves).toEqual({ providing_evidence_reasoning: 1 });
    expect(summary.teacherQuestions).toEqual({ probing_thinking: 1, gathering_information: 2 });
    expect(describeQuestionBalance(summary.teacherQuestions)).toBe(
      '2 gathering information, 1 probing thinking',
    );
    expect(describeQuestionBalance({})).toBe('no questions asked');
  });

  it('counts a teacher’s question whose type the model withheld: it was asked all the same', () => {
    const summary = summarizeTags([
      { groupId: null, role: 'teacher', move: 'pressing_for_reasoning', questionType: null, question: true },
      { groupId: null, role: 'teacher', move: 'none', questionType: 'probing_thinking', question: true },
      { groupId: null, role: 'teacher', move: 'revoicing', questionType: null, question: false },
      { groupId: 'g1', role: 'student', move: 'asking_for_more_info', questionType: null, question: true },
    ]);
    expect(summary.teacherQuestions).toEqual({ probing_thinking: 1 });
    expect(summary.teacherQuestionsUntyped).toBe(1);
    expect(describeQuestionBalance(summary.teacherQuestions, summary.teacherQuestionsUntyped)).toBe(
      '1 probing thinking, 1 of a type not shown',
    );
    expect(describeQuestionBalance({}, 2)).toBe('2 of a type not shown');
  });

  it('counts a group’s questions whose type the model withheld: a group that only asked those asked some', () => {
    const summary = summarizeTags([
      { groupId: 'g1', role: 'student', move: 'asking_for_more_info', questionType: null, question: true },
      { groupId: 'g1', role: 'student', move: 'asking_for_more_info', questionType: null, question: true },
      { groupId: 'g1', role: 'student', move: 'none', questionType: 'probing_thinking', question: true },
      { groupId: 'g1', role: 'student', move: 'making_a_claim', questionType: null, question: false },
      { groupId: 'g2', role: 'student', move: 'making_a_claim', questionType: null },
    ]);
    expect(summary.groups.g1).toMatchObject({ questionTypes: { probing_thinking: 1 }, questionsUntyped: 2 });
    expect(summary.groups.g2?.questionsUntyped).toBe(0);
  });
});
