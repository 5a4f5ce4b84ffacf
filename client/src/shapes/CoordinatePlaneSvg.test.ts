import { describe, expect, it } from 'vitest';
import { COORDINATE_PLANE_DEFAULT_PROPS } from '@conjecture/shared/board/index';
import { legendEntries, legendText, plotPath } from './CoordinatePlaneSvg.js';

/** What a student typed, as a sentence quotes it: isolated (FSI … PDI). */
const iso = (typed: string) => `\u2068${typed}\u2069`;

describe('coordinate plane drawing', () => {
  it('plots a function that parses, reports one that does not, and skips an empty one', () => {
    const plot = plotPath('2x+1', COORDINATE_PLANE_DEFAULT_PROPS);
    expect(plot && 'path' in plot && plot.path.startsWith('M')).toBe(true);
    expect(plotPath('2x+)', COORDINATE_PLANE_DEFAULT_PROPS)).toEqual({
      error: `unexpected "${iso(')')}" at 4`,
    });
    expect(plotPath('   ', COORDINATE_PLANE_DEFAULT_PROPS)).toBeNull();
  });

  it('draws nothing, and says nothing, for a function defined nowhere in the window', () => {
    expect(plotPath('sqrt(x - 100)', COORDINATE_PLANE_DEFAULT_PROPS)).toEqual({ path: '' });
  });

  it('labels a curve "y = …" unless the student already wrote the left side', () => {
    expect(legendText('2x+1')).toBe('y = 2x+1');
    expect(legendText(' y = 3x ')).toBe('y = 3x');
    expect(legendText('f(x) = x^2')).toBe('f(x) = x^2');
  });

  it('lists a function that does not parse in the legend with its reason, and leaves empty ones out', () => {
    const props = COORDINATE_PLANE_DEFAULT_PROPS;
    const fns = [
      { id: 'f1', text: '2x+1', color: 'blue' as const },
      { id: 'f2', text: '2x+)', color: 'red' as const },
      { id: 'f3', text: ' ', color: 'green' as const },
    ];
    const entries = legendEntries(fns.map((fn) => ({ fn, plot: plotPath(fn.text, props) })));
    expect(entries).toEqual([
      { id: 'f1', text: 'y = 2x+1', color: 'blue', error: null },
      {
        id: 'f2',
        text: `${iso('y = 2x+)')} — unexpected "${iso(')')}" at 4`,
        color: 'red',
        error: `unexpected "${iso(')')}" at 4`,
      },
    ]);
  });
});
