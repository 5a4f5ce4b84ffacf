import { describe, expect, it } from 'vitest';
import { parseSimpleNumber } from './simpleNumber.js';

const value = (text: string) => {
  const r = parseSimpleNumber(text);
  return r.ok ? r.value : r.error;
};

describe('numbers as students type them', () => {
  it('reads fractions, mixed numbers, decimals and simple sums', () => {
    expect(value('2/3')).toBeCloseTo(2 / 3);
    expect(value('-1 1/2')).toBe(-1.5);
    expect(value('0.75')).toBe(0.75);
    expect(value('.5')).toBe(0.5);
    expect(value('3/4+1')).toBe(1.75);
    expect(value('1 1/2 - 1/4')).toBe(1.25);
    expect(value('−2')).toBe(-2); // the typographic minus
    expect(value(' 7 ')).toBe(7);
    expect(value('1.5/3')).toBe(0.5);
  });

  it('refuses anything else with a message that says what to type', () => {
    for (const bad of ['', 'abc', '2/', '1//2', '3x', '2 3', '1+', '(1)', '1e5', '2*3']) {
      const r = parseSimpleNumber(bad);
      expect({ bad, ok: r.ok }).toEqual({ bad, ok: false });
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    }
    expect(parseSimpleNumber('1/0')).toEqual({ ok: false, error: 'a fraction cannot have 0 below the line' });
    expect(parseSimpleNumber('1'.repeat(41)).ok).toBe(false);
  });

  it('quotes what the student typed isolated, so a right-to-left character cannot reorder the message', () => {
    const hint = 'type a number like 0.75, 2/3, -1 1/2 or 3/4+1';
    expect(parseSimpleNumber('٣')).toEqual({ ok: false, error: `unexpected "\u2068٣\u2069": ${hint}` });
    expect(parseSimpleNumber('1 ب')).toEqual({ ok: false, error: `unexpected "\u2068ب\u2069": ${hint}` });
  });
});
