import { describe, expect, it } from 'vitest';
import { howSure } from './howSure.js';

describe('how sure the tagger was, in words', () => {
  it('says very sure, fairly sure or not sure, with the percentage in parentheses', () => {
    expect(howSure(0.93)).toBe('very sure (93%)');
    expect(howSure(0.85)).toBe('very sure (85%)');
    expect(howSure(0.72)).toBe('fairly sure (72%)');
    expect(howSure(0.6)).toBe('fairly sure (60%)');
    expect(howSure(0.41)).toBe('not sure (41%)');
  });
});
