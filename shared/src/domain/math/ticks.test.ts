import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatFraction,
  gridValues,
  labelStride,
  MAX_GRID_LINES,
  MAX_NUMBER_LINE_TICKS,
  numberLineTicks,
  snapToTick,
  tickCount,
  type TickSpacing,
} from './ticks.js';

const line = (over: Partial<TickSpacing> = {}): TickSpacing => ({
  min: 0,
  max: 2,
  tickNumerator: 1,
  tickDenominator: 4,
  tickLabels: 'fraction',
  ...over,
});

describe('number line ticks', () => {
  it('labels quarter ticks as reduced fractions, whole numbers as integers', () => {
    expect(numberLineTicks(line()).map((t) => t.label)).toEqual([
      '0',
      '1/4',
      '1/2',
      '3/4',
      '1',
      '5/4',
      '3/2',
      '7/4',
      '2',
    ]);
  });

  it('marks whole numbers as major ticks and places ticks between min (0) and max (1)', () => {
    const ticks = numberLineTicks(line({ min: -1, max: 1, tickDenominator: 2 }));
    expect(ticks.map((t) => [t.label, t.at, t.major])).toEqual([
      ['-1', 0, true],
      ['-1/2', 0.25, false],
      ['0', 0.5, true],
      ['1/2', 0.75, false],
      ['1', 1, true],
    ]);
  });

  it('labels tenths as decimals without floating-point noise', () => {
    const ticks = numberLineTicks(line({ max: 1, tickDenominator: 10, tickLabels: 'decimal' }));
    expect(ticks.map((t) => t.label)).toEqual([
      '0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
      '1',
    ]);
  });

  it('steps of several whole units start at the first multiple inside the range', () => {
    const ticks = numberLineTicks(line({ min: -7, max: 12, tickNumerator: 5, tickDenominator: 1 }));
    expect(ticks.map((t) => t.label)).toEqual(['-5', '0', '5', '10']);
  });

  it('counts ticks without building them, and builds none past the maximum', () => {
    expect(tickCount(line())).toBe(9);
    const huge = line({ min: 0, max: 1e9, tickNumerator: 1, tickDenominator: 1 });
    expect(tickCount(huge)).toBe(1e9 + 1);
    expect(numberLineTicks(huge)).toEqual([]);
    expect(numberLineTicks(line({ max: MAX_NUMBER_LINE_TICKS - 1, tickDenominator: 1 }))).toHaveLength(
      MAX_NUMBER_LINE_TICKS,
    );
    expect(numberLineTicks(line({ max: MAX_NUMBER_LINE_TICKS, tickDenominator: 1 }))).toEqual([]);
  });

  it('snaps a value to the nearest tick inside the line', () => {
    expect(snapToTick(0.6, line())).toBe(0.5);
    expect(snapToTick(0.65, line())).toBe(0.75);
    expect(snapToTick(-3, line())).toBe(0);
    expect(snapToTick(9, line())).toBe(2);
    expect(snapToTick(0.3, line({ min: 0.1, max: 0.4, tickDenominator: 1 }))).toBe(0.3);
  });

  it('thins labels so they do not overlap on a short line', () => {
    const ticks = numberLineTicks(line({ max: 100, tickDenominator: 1 }));
    expect(labelStride(ticks, 10_000)).toBe(1);
    expect(labelStride(ticks, 400)).toBeGreaterThan(1);
    // quarters from 0 to 3 (longest label "11/4"): all labelled on the default 432 px line, every other on 200
    const quarters = numberLineTicks(line({ max: 3 }));
    expect(labelStride(quarters, 432)).toBe(1);
    expect(labelStride(quarters, 200)).toBe(2);
  });
});

describe('number formatting', () => {
  it.each([
    [2, 4, '1/2'],
    [-3, 4, '-3/4'],
    [8, 4, '2'],
    [0, 4, '0'],
    [6, 8, '3/4'],
    [-8, 4, '-2'],
  ])('%d/%d → %s', (p, q, text) => expect(formatFraction(p, q)).toBe(text));

  it.each([
    [0.1 + 0.2, '0.3'],
    [-0, '0'],
    [3 * 0.1 - 0.3, '0'],
    [1.5, '1.5'],
  ])('%d → %s', (value, text) => expect(formatDecimal(value)).toBe(text));
});

describe('grid values', () => {
  it('lists multiples of the step inside the window', () => {
    expect(gridValues(-2.5, 2.5, 1)).toEqual([-2, -1, 0, 1, 2]);
    expect(gridValues(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('lists none for a step that would draw more than the maximum', () => {
    expect(gridValues(0, MAX_GRID_LINES, 1)).toEqual([]);
    expect(gridValues(0, MAX_GRID_LINES - 1, 1)).toHaveLength(MAX_GRID_LINES);
  });
});
