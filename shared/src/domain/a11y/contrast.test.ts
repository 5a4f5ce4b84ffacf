import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHexColor, relativeLuminance } from './contrast.js';

describe('WCAG contrast', () => {
  it('black on white is 21:1 and a colour on itself 1:1, in either order', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#57606a', '#57606a')).toBe(1);
  });

  it('matches the figures axe reported on our pages', () => {
    // .critique-note before the fix, and the success badge before the token change
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#1a7f37', '#e6f4ea')).toBeCloseTo(4.47, 2);
  });

  it('reads short and long hex and refuses anything else', () => {
    expect(parseHexColor('#0b5')).toEqual([0, 187, 85]);
    expect(parseHexColor('#0B5CAD')).toEqual([11, 92, 173]);
    expect(() => parseHexColor('rgb(0 0 0)')).toThrow('not a hex colour');
    expect(relativeLuminance('#ffffff')).toBe(1);
  });
});
