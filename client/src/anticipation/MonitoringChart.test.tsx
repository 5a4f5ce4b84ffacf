// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonitoringState } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { MonitoringChart } from './MonitoringPanel.js';

afterEach(cleanUp);

const UNIT_PRICE = {
  id: 'unit-price',
  title: 'Unit price',
  description: 'Finds what one pen costs at each store',
  kind: 'strategy' as const,
  lookFors: [],
  threshold: 2,
};

const state = (groups: MonitoringState['groups']): MonitoringState => ({
  classId: 'c1',
  anticipations: [UNIT_PRICE],
  groups,
});

const GROUP_SEEN: MonitoringState['groups'][number] = {
  groupId: 'g1',
  name: 'Group 1',
  boardId: 'b1',
  matches: [
    {
      anticipationId: 'unit-price',
      kind: 'strategy',
      score: 2,
      threshold: 2,
      matched: true,
      evidence: [{ shapeId: 'shape:a', text: 'note with "per pen" and 0.67' }],
      verdict: null,
    },
  ],
  notAnticipated: [{ shapeId: 'shape:b', text: 'table with 5 and 3' }],
  flagged: [],
  updatedAt: 0,
};

const renderChart = (s: MonitoringState) => render(<MonitoringChart state={s} onVerdict={() => {}} />);

describe('the monitoring chart', () => {
  it('shows a cell’s evidence in our tooltip on focus, with no browser title bubble anywhere', async () => {
    const host = await renderChart(state([GROUP_SEEN]));
    expect([...host.querySelectorAll('[title]')].map((el) => el.getAttribute('title'))).toEqual([]);
    const seen = [...host.querySelectorAll<HTMLElement>('[tabindex="0"]')].find((el) =>
      el.textContent?.includes('seen'),
    )!;
    await act(async () => seen.focus());
    expect(document.querySelector('[role="tooltip"]')?.textContent).toBe('note with "per pen" and 0.67');
  });

  it('says in its caption what it shows, and keys its marks, "partly" among them, in words', async () => {
    const partly = {
      ...GROUP_SEEN,
      matches: [{ ...GROUP_SEEN.matches[0]!, score: 1, matched: false }],
    };
    const host = await renderChart(state([partly]));
    expect(host.querySelector('caption')!.textContent).toBe(
      'What each group’s board shows of the strategies and misconceptions you anticipated',
    );
    expect(host.querySelector('td.monitor-cell')!.textContent).toBe('partly');
    const key = host.querySelector<HTMLElement>('[aria-label="Key to the marks"]')!;
    const entries = [...key.querySelectorAll('li')].map((li) => li.textContent);
    expect(entries).toEqual([
      'seen: a strategy you anticipated',
      'seen: a misconception you anticipated',
      'partly: some signs of it, not enough to count yet',
      'Hover over or focus a mark to see the work behind it.',
    ]);
    expect(key.querySelector('svg[data-icon="check"]')).not.toBeNull();
    expect(key.querySelector('svg[data-icon="flag"]')).not.toBeNull();
  });

  it('has no key to marks before there is anything anticipated', async () => {
    const host = await renderChart({ ...state([GROUP_SEEN]), anticipations: [] });
    expect(host.querySelector('[aria-label="Key to the marks"]')).toBeNull();
  });

  it('says why it is empty before there are groups', async () => {
    const host = await renderChart(state([]));
    expect(host.querySelector('tbody')?.textContent).toContain('No groups yet');
  });

  it('draws "seen" and the misconception flag with our SVG icons, not text symbols (✓, ⚑)', async () => {
    const misconception = {
      ...UNIT_PRICE,
      id: 'differences',
      title: 'Compares differences',
      kind: 'misconception' as const,
    };
    const flagged: MonitoringState['groups'][number] = {
      ...GROUP_SEEN,
      matches: [
        ...GROUP_SEEN.matches,
        { ...GROUP_SEEN.matches[0]!, anticipationId: 'differences', kind: 'misconception' },
      ],
      flagged: ['differences'],
    };
    const host = await renderChart({ ...state([flagged]), anticipations: [UNIT_PRICE, misconception] });
    const table = host.querySelector('table')!;
    expect(table.textContent).not.toMatch(/[✓⚑]/u);
    const [strategyCell, misconceptionCell] = [...table.querySelectorAll('tbody td.monitor-cell--matched')];
    expect(strategyCell!.querySelector('svg[data-icon="check"]')).not.toBeNull();
    expect(strategyCell!.textContent).toContain('seen');
    expect(misconceptionCell!.querySelector('svg[data-icon="flag"]')).not.toBeNull();
    expect(misconceptionCell!.textContent).toContain('seen');
    const groupFlag = table.querySelector('.monitor-flag')!;
    expect(groupFlag.querySelector('svg[data-icon="flag"]')).not.toBeNull();
    expect(groupFlag.textContent).toBe('1 misconception seen');
  });
});

/**
 * A row read at 1366×768: its actions on one line each. Confirm and Reject were two text buttons that wrapped
 * one under the other in a cell; the row's snapshot a second full "Take a snapshot" under the group's name.
 */
describe('a row of the monitoring chart', () => {
  it('offers its snapshot as one small camera button beside the group’s name, named for the group', async () => {
    const host = await renderChart(state([GROUP_SEEN]));
    const rowHeader = host.querySelector('tbody th[scope="row"]')!;
    const buttons = [...rowHeader.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Take a snapshot of Group 1']);
    expect(buttons[0]!.classList.contains('ui-icon-button')).toBe(true);
    expect(buttons[0]!.querySelector('svg[data-icon="camera"]')).not.toBeNull();
    // on the name's line: inside the same row as the name, no button text to wrap under it
    expect(rowHeader.querySelector('.monitor-group')!.contains(buttons[0]!)).toBe(true);
    expect(rowHeader.textContent).toBe('Group 1');
  });

  it('gives a matched cell its verdict as a pair of small icon buttons, Confirm and Reject, pressed as set', async () => {
    const confirmed = {
      ...GROUP_SEEN,
      matches: [{ ...GROUP_SEEN.matches[0]!, verdict: 'confirmed' as const }],
    };
    const host = await renderChart(state([confirmed]));
    const verdict = host.querySelector('td.monitor-cell .monitor-verdict')!;
    const buttons = [...verdict.querySelectorAll('button')];
    expect(buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed')])).toEqual([
      ['Confirm this match', 'true'],
      ['Reject this match', 'false'],
    ]);
    expect(buttons.every((b) => b.classList.contains('ui-icon-button'))).toBe(true);
    expect(buttons[0]!.querySelector('svg[data-icon="check"]')).not.toBeNull();
    expect(buttons[1]!.querySelector('svg[data-icon="x"]')).not.toBeNull();
  });
});
