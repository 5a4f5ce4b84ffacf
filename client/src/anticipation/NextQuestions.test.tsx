// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContributionTag, MonitoringState } from '@conjecture/shared';
import { teacherQuestionTag } from '../test/teacherQuestionTag.js';
import { NextQuestions } from './NextQuestions.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const posed = (contributionId: string, over: Partial<ContributionTag>): ContributionTag =>
  teacherQuestionTag({ contributionId, ...over });

const state: MonitoringState = { classId: 'class1', anticipations: [], groups: [] };

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function balanceLine(tags: ContributionTag[]): string {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() => root!.render(<NextQuestions state={state} tags={tags} onPose={vi.fn()} />));
  return host.querySelector('[data-testid="question-balance"]')?.textContent ?? '';
}

describe('the balance of the teacher’s questions beside the suggestions', () => {
  it('counts the questions whose type is not shown, as the Live lesson’s summary does', () => {
    const line = balanceLine([
      posed('q1', { questionType: 'probing_thinking' }),
      posed('q2', {}),
      // kept a question by the teacher's correction of its move alone
      posed('q3', { corrected: { move: 'revoicing', questionType: null, question: true, at: 2 } }),
      // unmade by "Not a question"
      posed('q4', { corrected: { move: 'revoicing', questionType: null, question: false, at: 2 } }),
    ]);
    expect(line).toContain('1 probing thinking');
    expect(line).toContain('2 of a type not shown');
  });

  it('says nothing of untyped questions when there are none', () => {
    expect(balanceLine([posed('q1', { questionType: 'probing_thinking' })])).not.toContain('type not shown');
  });
});
