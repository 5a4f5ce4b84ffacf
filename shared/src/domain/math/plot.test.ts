import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import { MAX_PLOT_SAMPLES, plotFunction, segmentsToPath, windowTransform, type PlotPoint } from './plot.js';

const window = { xMin: -10, xMax: 10, yMin: -10, yMax: 10 };
const fn = (text: string) => {
  const compiled = compileExpression(text);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value.evaluate;
};

const xs = (segment: PlotPoint[]) => segment.map((p) => p.x);

describe('plotting y = f(x)', () => {
  it('draws a line as one segment with one sample per pixel, in y-down pixels', () => {
    const segments = plotFunction(fn('2x+1'), window, 400, 400);
    expect(segments).toHaveLength(1);
    const [line] = segments as [PlotPoint[]];
    expect(line).toHaveLength(401);
    const { toPx } = windowTransform(window, 400, 400);
    expect(line[200]).toEqual(toPx(0, 1));
    expect(line[200]).toEqual({ x: 200, y: 180 });
  });

  it('breaks 1/x at its asymptote', () => {
    const segments = plotFunction(fn('1/x'), window, 400, 400);
    expect(segments).toHaveLength(2);
    const [left, right] = segments as [PlotPoint[], PlotPoint[]];
    expect(Math.max(...xs(left))).toBeLessThanOrEqual(200);
    expect(Math.min(...xs(right))).toBeGreaterThanOrEqual(200);
  });

  it('breaks 1/(x-0.013) though no sample lands on the asymptote', () => {
    expect(plotFunction(fn('1/(x-0.013)'), window, 400, 400)).toHaveLength(2);
  });

  it('breaks tan x at each asymptote in the window (7 pieces between -10 and 10)', () => {
    // asymptotes at ±π/2, ±3π/2, ±5π/2 lie in [-10, 10]: six breaks, seven pieces
    expect(plotFunction(fn('tan(x)'), window, 800, 400)).toHaveLength(7);
  });

  it('keeps a steep but continuous line in one piece', () => {
    expect(plotFunction(fn('1000x'), window, 400, 400)).toHaveLength(1);
  });

  it('breaks a step function whose jumps are larger than the window is tall', () => {
    expect(plotFunction(fn('30 floor(x)'), window, 400, 400)).toHaveLength(20);
  });

  it('draws only where f is defined', () => {
    const segments = plotFunction(fn('sqrt(x)'), window, 400, 400);
    expect(segments).toHaveLength(1);
    expect(Math.min(...xs(segments[0] as PlotPoint[]))).toBe(200);
    expect(plotFunction(fn('sqrt(-1-x^2)'), window, 400, 400)).toEqual([]);
    expect(plotFunction(fn('9^9^9^9'), window, 400, 400)).toEqual([]);
  });

  it('keeps far-off values near the box', () => {
    const [curve] = plotFunction(fn('x^9'), window, 400, 400) as [PlotPoint[]];
    expect(Math.max(...curve.map((p) => Math.abs(p.y)))).toBeLessThanOrEqual(1200);
  });

  it('caps samples for a very wide shape and draws nothing for an empty window', () => {
    const [line] = plotFunction(fn('x'), window, 100_000, 400) as [PlotPoint[]];
    expect(line).toHaveLength(MAX_PLOT_SAMPLES);
    expect(plotFunction(fn('x'), { ...window, xMax: -10 }, 400, 400)).toEqual([]);
    expect(plotFunction(fn('x'), window, 0, 400)).toEqual([]);
  });

  it('writes segments as one SVG path, a move at the start of each', () => {
    expect(
      segmentsToPath([
        [
          { x: 0, y: 1.234 },
          { x: 2, y: 3 },
        ],
        [
          { x: 5, y: 5 },
          { x: 6, y: 7.001 },
        ],
      ]),
    ).toBe('M0 1.23L2 3M5 5L6 7');
  });
});
