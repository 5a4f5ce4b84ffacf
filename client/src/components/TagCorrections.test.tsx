// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import { teacherQuestionTag } from '../test/teacherQuestionTag.js';
import { TagCorrections } from './TagCorrections.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tag = teacherQuestionTag;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function render(tags: ContributionTag[], onCorrect = vi.fn()) {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() =>
    root!.render(
      <TagCorrections
        classId="class1"
        tags={tags}
        resolveName={(id) => id}
        error={null}
        onCorrect={onCorrect}
      />,
    ),
  );
  const select = () => host.querySelectorAll('select')[1] as HTMLSelectElement;
  const selectedText = () => select().selectedOptions[0]?.textContent;
  return { host, select, selectedText, onCorrect };
}

describe('the question type of a tagged contribution', () => {
  it('reads as a question without a type when the model withheld it, never "Not a question"', () => {
    const { selectedText, host } = render([tag({})]);
    expect(selectedText()).toBe('A question, type not shown');
    expect(host.querySelector('[data-testid="question-untyped"]')).not.toBeNull();
  });

  it('is "Not a question" for a statement, and the type itself for a typed question', () => {
    const statement = render([tag({ question: false, kind: 'board_text', role: 'student', author: 'ada' })]);
    expect(statement.selectedText()).toBe('Not a question');
    // labels on their own start with a capital, like 'Not a question' beside them
    expect([...statement.select().options].map((o) => o.textContent)).toContain('Gathering information');
    expect([...statement.select().options].map((o) => o.textContent)).not.toContain(
      'A question, type not shown',
    );
    act(() => root?.unmount());
    const typed = render([tag({ questionType: 'probing_thinking' })]);
    expect(typed.select().value).toBe('probing_thinking');
  });

  it('corrects an untyped question to a type the teacher picks', () => {
    const { select, onCorrect } = render([tag({})]);
    act(() => {
      select().value = 'making_the_mathematics_visible';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onCorrect).toHaveBeenCalledWith('c1', {
      move: 'pressing_for_reasoning',
      questionType: 'making_the_mathematics_visible',
      question: true,
    });
  });

  it('keeps an untyped question a question when the teacher changes only its move', () => {
    const { host, onCorrect } = render([tag({})]);
    const moveSelect = host.querySelectorAll('select')[0] as HTMLSelectElement;
    act(() => {
      moveSelect.value = 'revoicing';
      moveSelect.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onCorrect).toHaveBeenCalledWith('c1', { move: 'revoicing', questionType: null, question: true });
    act(() => root?.unmount());
    const corrected = { move: 'revoicing', questionType: null, question: true, at: 2 };
    expect(render([tag({ corrected })]).selectedText()).toBe('A question, type not shown');
  });

  it('unmakes a question when the teacher picks "Not a question"', () => {
    const { select, onCorrect } = render([tag({})]);
    act(() => {
      select().value = '';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onCorrect).toHaveBeenCalledWith('c1', {
      move: 'pressing_for_reasoning',
      questionType: null,
      question: false,
    });
  });
});
