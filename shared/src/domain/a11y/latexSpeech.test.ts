import { describe, expect, it } from 'vitest';
import { latexToSpeech, MAX_SPEECH_CHARS } from './latexSpeech.js';

describe('latexToSpeech', () => {
  it.each([
    ['x = \\frac{3}{4}', 'x equals 3 over 4'],
    ['\\frac{a}{b}', 'a over b'],
    ['\\frac12', '1 over 2'],
    ['y = 2x + 1', 'y equals 2 x plus 1'],
    ['\\frac{x+1}{2}', 'the fraction x plus 1 over 2 end fraction'],
    ['x^2 + y^2 = r^2', 'x squared plus y squared equals r squared'],
    ['a^{n+1}', 'a to the power n plus 1 end power'],
    ['2^{10}', '2 to the power 10'],
    ['x_1 \\cdot x_2', 'x sub 1 times x sub 2'],
    ['\\sqrt{16} = 4', 'the square root of 16 equals 4'],
    ['\\sqrt[3]{x+1}', 'the cube root of x plus 1 end root'],
    ['-3 < 0.5', 'negative 3 is less than 0.5'],
    ['3 \\times 4 \\div 2', '3 times 4 divided by 2'],
    ['A = \\pi r^2', 'A equals pi r squared'],
    ['x \\leq 3', 'x is less than or equal to 3'],
    ['\\left(a+b\\right)^2', 'open paren a plus b close paren squared'],
    // the words a student wrote in \text are isolated inside the spoken math
    ['\\$2 \\text{ for 3 pens}', 'dollars 2 \u2068for 3 pens\u2069'],
    ['50\\%', '50 percent'],
    ['\\dfrac{2}{3} \\neq \\dfrac{3}{4}', '2 over 3 is not equal to 3 over 4'],
  ])('%s → %s', (latex, speech) => {
    expect(latexToSpeech(latex)).toBe(speech);
  });

  it('reads anything a student may type without throwing', () => {
    for (const broken of ['\\frac{1}', '}}x{{', '^2', '\\', '\\unknown{x}', '\\sqrt[', 'x_']) {
      expect(() => latexToSpeech(broken)).not.toThrow();
    }
    expect(latexToSpeech('}x = 1')).toBe('x equals 1');
    expect(latexToSpeech('\\unknown')).toBe('unknown');
    expect(latexToSpeech('')).toBe('');
  });

  it('is bounded', () => {
    expect(latexToSpeech('x+'.repeat(1000)).length).toBeLessThanOrEqual(MAX_SPEECH_CHARS);
  });
});
