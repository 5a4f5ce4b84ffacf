// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '@conjecture/shared';
import { cleanUp, labelOf, render } from '../test/render.js';
import { DiscourseTimeline } from './DiscourseTimeline.js';

afterEach(cleanUp);

const entry = (at: number, fields: Partial<TimelineEntry>): TimelineEntry => ({
  kind: 'question',
  at,
  author: 'teacher',
  text: `entry ${at}`,
  move: null,
  questionType: null,
  question: false,
  corrected: false,
  shapeId: null,
  ...fields,
});

/** A group's talk: a claim, then the teacher's questions of each kind the timeline must tell apart. */
const entries: TimelineEntry[] = [
  entry(1, { kind: 'tag', author: 'ana', text: '3/4 is bigger', move: 'making_a_claim' }),
  entry(2, {
    text: 'How do you know?',
    move: 'pressing_for_reasoning',
    question: true,
    questionType: 'encouraging_reflection_and_justification',
  }),
  entry(3, { text: 'What did you try?', move: 'none', question: true, questionType: 'probing_thinking' }),
  entry(4, {
    text: 'Where is 3/4 on the line?',
    move: 'pressing_for_accuracy',
    question: true,
    questionType: 'making_the_mathematics_visible',
    corrected: true,
  }),
  entry(5, { text: 'And then?', move: 'none', question: true, questionType: null }),
  entry(6, { kind: 'answer', author: 'ben', text: 'We drew it', move: 'providing_evidence_reasoning' }),
];

async function renderTimeline(props: { viewerCorrects?: boolean; onJump?: (i: number) => void } = {}) {
  await render(
    <DiscourseTimeline
      entries={entries}
      current={-1}
      resolveName={(id) => id}
      onJump={props.onJump ?? (() => {})}
      viewerCorrects={props.viewerCorrects}
    />,
  );
}

const row = (text: string) =>
  [...document.querySelectorAll<HTMLElement>('.discourse-timeline li')].find((li) =>
    li.textContent?.includes(text),
  );
const typeOf = (text: string) =>
  row(text)?.querySelector('[data-testid="timeline-question-type"]')?.textContent;
const shownTexts = () =>
  [...document.querySelectorAll('.discourse-timeline__text')].map((t) => t.textContent);
const filter = () => document.querySelector<HTMLSelectElement>('select')!;
async function show(value: string) {
  await act(async () => {
    filter().value = value;
    filter().dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the discourse timeline', () => {
  // A teacher's question showed its talk move only: its NCTM type, what a coach reads questioning by, was
  // dropped whenever the question also had a move, and a question the tagger left untyped showed nothing.
  it('shows each question’s type beside its move, and says when a question’s type is not shown', async () => {
    await renderTimeline();
    expect(row('How do you know?')?.querySelector('.discourse-timeline__move')?.textContent).toBe(
      'Pressing for reasoning',
    );
    expect(typeOf('How do you know?')).toContain('Encouraging reflection and justification');
    expect(typeOf('What did you try?')).toContain('Probing thinking');
    expect(typeOf('And then?')).toContain('Question, type not shown');
    expect(document.body.textContent).toContain('the tagger was not sure enough to type');
    // Not questions: no type at all.
    expect(typeOf('3/4 is bigger')).toBeUndefined();
    expect(typeOf('We drew it')).toBeUndefined();
  });

  it('marks a tag the teacher corrected, in words for who reads it', async () => {
    await renderTimeline({ viewerCorrects: true });
    expect(row('Where is 3/4 on the line?')?.textContent).toContain('You corrected this');
    expect(row('How do you know?')?.textContent).not.toContain('corrected');
    cleanUp();
    await renderTimeline(); // a coach
    expect(row('Where is 3/4 on the line?')?.textContent).toContain('Corrected by the teacher');
  });

  it('filters the talk to the questions, or to the questions of one type, and jumps to the right moment', async () => {
    const onJump = vi.fn();
    await renderTimeline({ onJump });
    expect(labelOf(filter())).toBe('Show');
    const options = [...filter().options].map((o) => o.textContent);
    expect(options).toEqual([
      'All talk and questions (6)',
      'All questions (4)',
      'Gathering information (0)',
      'Probing thinking (1)',
      'Making the mathematics visible (1)',
      'Encouraging reflection and justification (1)',
      'Question, type not shown (1)',
    ]);
    await show('questions');
    expect(shownTexts()).toEqual([
      'How do you know?',
      'What did you try?',
      'Where is 3/4 on the line?',
      'And then?',
    ]);
    await show('probing_thinking');
    expect(shownTexts()).toEqual(['What did you try?']);
    // Choosing it moves the replay to that entry of the whole timeline, not of the filtered list.
    await act(async () => row('What did you try?')!.querySelector('button')!.click());
    expect(onJump).toHaveBeenCalledWith(2);
    await show('untyped');
    expect(shownTexts()).toEqual(['And then?']);
    await show('gathering_information');
    expect(shownTexts()).toEqual([]);
    expect(document.body.textContent).toContain('No questions of this type');
    await show('all');
    expect(shownTexts()).toHaveLength(6);
  });

  // After "Load the latest" the last untyped question had been given a type: its choice was gone, the select
  // showed another, and the list stayed empty under it.
  it('shows everything again when the chosen filter is no longer offered', async () => {
    const retyped = entries.map((e) =>
      e.text === 'And then?' ? { ...e, questionType: 'probing_thinking' } : e,
    );
    let reload = () => {};
    function Reloading() {
      const [latest, setLatest] = useState(entries);
      reload = () => setLatest(retyped);
      return <DiscourseTimeline entries={latest} current={-1} resolveName={(id) => id} onJump={() => {}} />;
    }
    await render(<Reloading />);
    await show('untyped');
    expect(shownTexts()).toEqual(['And then?']);
    await act(async () => reload());
    expect(filter().value).toBe('all');
    expect(shownTexts()).toHaveLength(6);
  });

  it('offers no filter when the talk holds no question', async () => {
    await render(
      <DiscourseTimeline entries={[entries[0]!]} current={-1} resolveName={(id) => id} onJump={() => {}} />,
    );
    expect(document.querySelector('select')).toBeNull();
    expect(shownTexts()).toEqual(['3/4 is bigger']);
  });
});
