// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Group, TagCounts, TagSummary } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { DiscourseSummary } from './DiscourseSummary.js';

afterEach(cleanUp);

const GROUP = { groupId: 'g1', name: 'Tigers' } as Group;

describe('the live lesson’s Discussion table', () => {
  // its own table with its own type size, borders and padding: not the product's table beside the others
  it('is the product’s table, its counts in number columns', async () => {
    const host = await render(
      <DiscourseSummary groups={[GROUP]} summary={null as TagSummary | null} representations={null} />,
    );
    const table = host.querySelector('table');
    expect(table?.classList.contains('ui-table')).toBe(true);
    expect(table?.closest('.ui-table-frame')).not.toBeNull();
    const counts = host.querySelectorAll('[data-testid="discourse-Tigers"] td[data-move]');
    expect(counts.length).toBeGreaterThan(0);
    for (const cell of counts) expect(cell.classList.contains('ui-numeric')).toBe(true);
  });
});

describe('what the Discussion table counts', () => {
  it('says it counts the lesson’s talk, and that reflections are not in it', async () => {
    const host = await render(<DiscourseSummary groups={[GROUP]} summary={null} representations={null} />);
    const note = host.querySelector('[data-testid="discussion-counted"]');
    expect(note?.textContent).toBe(
      'Counts what each group’s students wrote on the board, replied in critiques and answered during the lesson; their reflections are in Reflections.',
    );
  });
});

describe('a group’s questions by type', () => {
  const summaryOf = (questionTypes: TagCounts['questionTypes'], questionsUntyped: number): TagSummary => ({
    groups: { g1: { moves: {}, questionTypes, questionsUntyped } },
    teacherQuestions: {},
    teacherQuestionsUntyped: 0,
  });
  const cell = async (summary: TagSummary) => {
    const host = await render(<DiscourseSummary groups={[GROUP]} summary={summary} representations={null} />);
    return host.querySelector('[data-testid="discourse-Tigers"] [data-testid="group-question-types"]')
      ?.textContent;
  };

  // "—" for a group whose only questions were left untyped read as no questions, or as broken
  it('counts the questions whose type was not shown, beside the typed ones', async () => {
    expect(await cell(summaryOf({}, 3))).toBe('3 of a type not shown');
    expect(await cell(summaryOf({ probing_thinking: 1 }, 2))).toBe(
      '1 probing thinking, 2 of a type not shown',
    );
  });

  it('says in words that a group asked no question', async () => {
    // read live and after the lesson (a coach's page): "yet" read oddly once the lesson was over
    expect(await cell(summaryOf({}, 0))).toBe('no questions asked');
  });

  it('says what a type not shown is', async () => {
    const host = await render(
      <DiscourseSummary groups={[GROUP]} summary={summaryOf({}, 1)} representations={null} />,
    );
    expect(host.querySelector('[data-testid="discussion-untyped"]')?.textContent).toContain(
      'A question of a type not shown is one the tagger was not sure enough to type',
    );
  });
});
