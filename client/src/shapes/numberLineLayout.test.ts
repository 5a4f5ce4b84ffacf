import { describe, expect, it } from 'vitest';
import { NUMBER_LINE_MARGIN_PX, valueToX, xToValue } from './numberLineLayout.js';

const axis = { min: -2, max: 2, tickNumerator: 1, tickDenominator: 2, tickLabels: 'fraction' as const };

describe('number line layout', () => {
  it('puts min and max at the margins and maps back', () => {
    expect(valueToX(-2, axis, 448, 96)).toBe(NUMBER_LINE_MARGIN_PX);
    expect(valueToX(2, axis, 448, 96)).toBe(448 - NUMBER_LINE_MARGIN_PX);
    expect(valueToX(0, axis, 448, 96)).toBe(224);
    expect(xToValue(224, axis, 448, 96)).toBe(0);
  });

  it('clamps positions past the ends to the range', () => {
    expect(xToValue(-50, axis, 448, 96)).toBe(-2);
    expect(xToValue(5000, axis, 448, 96)).toBe(2);
  });
});
