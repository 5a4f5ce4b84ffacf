// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Group, TagSummary } from '@conjecture/shared';
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
