import { describe, expect, it } from 'vitest';
import { bracedFractions } from './latexForm.js';

describe('stored LaTeX', () => {
  it('braces compact fractions and leaves everything else alone', () => {
    expect(bracedFractions('\\frac23')).toBe('\\frac{2}{3}');
    expect(bracedFractions('\\frac{3}{4}+\\frac12x')).toBe('\\frac{3}{4}+\\frac{1}{2}x');
    expect(bracedFractions('\\dfrac ab')).toBe('\\dfrac{a}{b}');
    expect(bracedFractions('\\frac{10}{3}')).toBe('\\frac{10}{3}');
    expect(bracedFractions('x^2+1')).toBe('x^2+1');
  });
});
