// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContributionTag, CorrectTagBody } from '@conjecture/shared';
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

/** `onCorrect` null: the list as a coach reads it. */
function render(
  tags: ContributionTag[],
  onCorrect: ((contributionId: string, correction: Required<CorrectTagBody>) => void) | null = vi.fn(),
) {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() =>
    root!.render(
      <TagCorrections
        classId="class1"
        tags={tags}
        groups={[
          { groupId: 'g1', name: 'Group 1' },
          { groupId: 'g2', name: 'Group 2' },
        ]}
        resolveName={(id) => id}
        error={null}
        onCorrect={onCorrect ?? undefined}
      />,
    ),
  );
  // in the first card: its Move select, then its Question type select
  const select = () => host.querySelector('.tag-row')!.querySelectorAll('select')[1] as HTMLSelectElement;
  const selectedText = () => select().selectedOptions[0]?.textContent;
  return { host, select, selectedText, onCorrect };
}

describe('the question type of a tagged contribution', () => {
  it('reads as a question without a type when the model withheld it, never "Not a question"', () => {
    const { selectedText, host } = render([tag({})]);
    expect(selectedText()).toBe('Question, type not shown');
    expect(host.querySelector('[data-testid="question-untyped"]')).not.toBeNull();
    // One line each, beside the selects: run together, the status broke mid-sentence under them at 1366
    const lines = [...host.querySelectorAll('.tag-row__status > .tag-row__status-line')];
    expect(lines.map((l) => l.textContent)).toEqual([
      'Talk move: very sure (93%)',
      'Question type: not sure enough to show',
    ]);
  });

  it('says in plain words why the tag was given and, once corrected, what it first was', () => {
    const { host } = render([tag({})]);
    expect(host.querySelector('.tag-row__cues')!.textContent).toBe('Why this tag: the words “Why”.');
    expect([...host.querySelectorAll('.tag-row__text mark')].map((m) => m.textContent)).toEqual(['Why']);
    expect(host.querySelector('.tag-row select')!.closest('label, .ui-field')?.textContent).toContain(
      'Talk move',
    );
    act(() => root?.unmount());
    const corrected = { move: 'revoicing', questionType: null, question: true, at: 2 };
    const reread = render([tag({ corrected })]);
    expect(reread.host.querySelector('.tag-row__status')!.textContent).toBe(
      'You corrected this (first tagged: Pressing for reasoning)',
    );
    // the reasons are the tagger's, for its own tag: not for the teacher's
    expect(reread.host.querySelector('.tag-row__cues')!.textContent).toBe(
      'Why it was first tagged so: the words “Why”.',
    );
    expect(reread.host.textContent).toContain('Download your corrections (for retraining)');
    expect(reread.host.textContent).not.toMatch(/model|JSON/);
  });

  it('is "Not a question" for a statement, and the type itself for a typed question', () => {
    const statement = render([tag({ question: false, kind: 'board_text', role: 'student', author: 'ada' })]);
    expect(statement.selectedText()).toBe('Not a question');
    // labels on their own start with a capital, like 'Not a question' beside them
    expect([...statement.select().options].map((o) => o.textContent)).toContain('Gathering information');
    expect([...statement.select().options].map((o) => o.textContent)).not.toContain(
      'Question, type not shown',
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
    const moveSelect = host.querySelector('.tag-row')!.querySelectorAll('select')[0] as HTMLSelectElement;
    act(() => {
      moveSelect.value = 'revoicing';
      moveSelect.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onCorrect).toHaveBeenCalledWith('c1', { move: 'revoicing', questionType: null, question: true });
    act(() => root?.unmount());
    const corrected = { move: 'revoicing', questionType: null, question: true, at: 2 };
    expect(render([tag({ corrected })]).selectedText()).toBe('Question, type not shown');
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

describe('the list of tagged contributions', () => {
  it('shows one group’s students, or the teacher’s own, when the teacher picks them', () => {
    const { host } = render([
      tag({ contributionId: 'q', text: 'What did you notice?' }),
      tag({ contributionId: 'a', role: 'student', author: 'ada', groupId: 'g1', text: 'Ada says' }),
      tag({ contributionId: 'b', role: 'student', author: 'bo', groupId: 'g2', text: 'Bo says' }),
    ]);
    const texts = () => [...host.querySelectorAll('.tag-row__text')].map((p) => p.textContent);
    const show = (value: string) =>
      act(() => {
        const filter = host.querySelector('.tag-filter select') as HTMLSelectElement;
        filter.value = value;
        filter.dispatchEvent(new Event('change', { bubbles: true }));
      });
    expect(texts()).toEqual(['Bo says', 'Ada says', 'What did you notice?']);
    show('g2');
    expect(texts()).toEqual(['Bo says']);
    show('teacher');
    expect(texts()).toEqual(['What did you notice?']);
  });
});

describe('the list read by a coach (no onCorrect)', () => {
  it('says each tag in words, with nothing to correct and no training export', () => {
    const { host } = render(
      [
        tag({}),
        tag({
          contributionId: 'a',
          role: 'student',
          author: 'ada',
          groupId: 'g1',
          kind: 'board_text',
          move: 'making_a_claim',
          question: false,
        }),
      ],
      null,
    );
    expect(host.querySelectorAll('.tag-row select')).toHaveLength(0);
    expect(host.textContent).not.toContain('Download your corrections');
    const readings = [...host.querySelectorAll('[data-testid="tag-reading"]')].map((p) => p.textContent);
    expect(readings[0]).toMatch(/^Talk move: .+ — very sure \(93%\) · Question type: Not a question$/);
    expect(readings[1]).toBe(
      'Talk move: Pressing for reasoning — very sure (93%) · Question type: Question, type not shown',
    );
    const corrected = { move: 'revoicing', questionType: null, question: true, at: 2 };
    act(() => root?.unmount());
    const reread = render([tag({ corrected })], null);
    expect(reread.host.querySelector('[data-testid="tag-reading"]')!.textContent).toContain(
      '— corrected by the teacher (first tagged: Pressing for reasoning)',
    );
    // the filter still picks a group, and names the teacher as someone else
    expect(reread.host.querySelector('.tag-filter')!.textContent).toContain(
      "The teacher's questions and talk",
    );
  });
});

describe('why a contribution was tagged', () => {
  it("marks the student's own words that led to the tag and says the rest in a sentence, without the tagger's terms", () => {
    const text = 'I agree with Maya, it is 12 because 3 times 4 is 12';
    const { host } = render([
      tag({
        role: 'student',
        author: 'ada',
        kind: 'board_text',
        question: false,
        move: 'relating_to_another_student',
        text,
        cues: [
          '"agree"',
          'starts with "i agree"',
          '"because a number"',
          'follows a student',
          '9-15 words long',
          'mathematical words',
        ],
      }),
    ]);
    expect([...host.querySelectorAll('.tag-row__text mark')].map((m) => m.textContent)).toEqual([
      'I agree',
      'because 3',
    ]);
    expect(host.querySelector('.tag-row__text')!.textContent).toBe(text);
    expect(host.querySelector('.tag-row__cues')!.textContent).toBe(
      'Why this tag: the words “I agree” and “because 3”, and it comes right after the student and uses mathematical words.',
    );
  });

  it('names the prompt a reflection answers, not "a contribution" nobody said', () => {
    const { host } = render([
      tag({
        role: 'student',
        author: 'ada',
        kind: 'reflection',
        question: false,
        move: 'making_a_claim',
        text: 'Try it with 7 pens',
        cues: ['"with a number"', 'previous contribution says "what"'],
      }),
    ]);
    expect(host.querySelector('.tag-row__cues')!.textContent).toBe(
      'Why this tag: the words “with 7”, and it answers a reflection prompt with “what” in it.',
    );
  });

  it('gives the reasons alone when no word of the contribution led to the tag, and nothing when none is left', () => {
    const { host } = render([
      tag({ cues: ['phrased as a question', '9-15 words long'] }),
      tag({ contributionId: 'c2', cues: ['5-8 words long'] }),
    ]);
    const lines = [...host.querySelectorAll('.tag-row')].map(
      (r) => r.querySelector('.tag-row__cues')?.textContent,
    );
    expect(lines).toEqual([undefined, 'Why this tag: it is phrased as a question.']);
  });
});

describe('what each tagged contribution is', () => {
  it('is named as the replay and the reflection name it: "On the board", in sentence case', () => {
    const { host } = render([
      tag({ role: 'student', author: 'ada', kind: 'board_text' }),
      tag({ contributionId: 'c2', role: 'student', author: 'ada', kind: 'critique_reply' }),
    ]);
    expect([...host.querySelectorAll('.tag-row__who .ui-badge')].map((b) => b.textContent)).toEqual([
      'Critique reply',
      'On the board',
    ]);
  });
});

describe('how much of a long lesson the list shows', () => {
  // Typed questions the tagger was very sure of: nothing about them needs the teacher.
  const sureTags = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      tag({ contributionId: `c${i}`, text: `Said ${i}`, questionType: 'probing_thinking', taggedAt: i }),
    );
  const texts = (host: HTMLElement) => [...host.querySelectorAll('.tag-row__text')].map((p) => p.textContent);
  const button = (host: HTMLElement, name: RegExp) =>
    [...host.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;

  it('shows the newest ten and the older ones the tagger was not sure of, and all of them on request', () => {
    const tags = sureTags(14);
    tags[1] = { ...tags[1]!, confidence: 0.4 };
    tags[2] = { ...tags[2]!, questionType: null };
    const { host } = render(tags);
    expect(texts(host)).toEqual([
      ...[13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map((i) => `Said ${i}`),
      'Said 2',
      'Said 1',
    ]);
    act(() => button(host, /^Show all 14$/).click());
    expect(texts(host)).toHaveLength(14);
    // the keyboard lands on the first row that was hidden, not back at the top of the page
    expect(document.activeElement?.textContent).toContain('Said 3');
    act(() => {
      button(host, /^Show fewer$/).focus();
      button(host, /^Show fewer$/).click();
    });
    expect(texts(host)).toHaveLength(12);
    expect(document.activeElement?.textContent).toBe('Show all 14');
  });

  it('filters the whole list, not only the rows shown', () => {
    const tags = sureTags(14);
    tags[0] = { ...tags[0]!, role: 'student', author: 'ada', groupId: 'g2', text: 'Ada, long ago' };
    const { host } = render(tags);
    expect(texts(host)).not.toContain('Ada, long ago');
    act(() => {
      const filter = host.querySelector('.tag-filter select') as HTMLSelectElement;
      filter.value = 'g2';
      filter.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(texts(host)).toEqual(['Ada, long ago']);
    expect(host.textContent).not.toMatch(/Show all/);
  });

  it('keeps a row the teacher is correcting where it is, even once it no longer needs her', () => {
    const tags = sureTags(14);
    tags[1] = { ...tags[1]!, confidence: 0.4 };
    const onCorrect = vi.fn();
    const { host } = render(tags, onCorrect);
    const row = [...host.querySelectorAll('.tag-row')].find(
      (r) => r.querySelector('.tag-row__text')?.textContent === 'Said 1',
    )!;
    const moveSelect = row.querySelector('select')!;
    act(() => {
      moveSelect.focus();
      // happy-dom sends no focusin, which React's onFocus listens for; a browser sends both
      moveSelect.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    const corrected = { move: 'revoicing', questionType: 'probing_thinking', question: true, at: 20 };
    tags[1] = { ...tags[1]!, corrected };
    act(() =>
      root!.render(
        <TagCorrections
          classId="class1"
          tags={tags}
          groups={[]}
          resolveName={(id) => id}
          error={null}
          onCorrect={onCorrect}
        />,
      ),
    );
    expect(texts(host)).toContain('Said 1');
  });
});
