import {
  compileExpression,
  formatDecimal,
  gridValues,
  labelStride,
  plotFunction,
  segmentsToPath,
  windowTransform,
} from '@conjecture/shared/domain/math/index';
import { isolated } from '@conjecture/shared';
import type { CoordinatePlaneProps } from '@conjecture/shared/board/index';
import { MATH_SHAPE_STYLE as S, PLOT_COLOR_HEX, svgSafeId } from './mathShapeStyle.js';

const LABEL_GAP_PX = 4;
const POINT_RADIUS_PX = 5;
/** Labels this close to the plane's edge would be cut in half: the grid line there goes unlabelled. */
const EDGE_LABEL_PX = 10;
const inside = (at: number, size: number, margin: number) => at >= margin && at <= size - margin;

/** One function's plot: its path, or the parse error (shown in the legend and in the form). */
export function plotPath(
  text: string,
  props: CoordinatePlaneProps,
): { path: string } | { error: string } | null {
  if (text.trim() === '') return null;
  const compiled = compileExpression(text);
  if (!compiled.ok) return { error: compiled.error.message };
  return { path: segmentsToPath(plotFunction(compiled.value.evaluate, props.window, props.w, props.h)) };
}

/** The plane as plain SVG (grid, axes with numbers, curves clipped to the window, points, a legend). */
export function CoordinatePlaneSvg({ props, shapeId }: { props: CoordinatePlaneProps; shapeId: string }) {
  const { w, h, window: win, points, functions } = props;
  const { toPx } = windowTransform(win, w, h);
  const clipId = svgSafeId('plane-clip', shapeId);
  const xs = gridValues(win.xMin, win.xMax, win.xStep);
  const ys = gridValues(win.yMin, win.yMax, win.yStep);
  // axes at 0 when 0 is in the window, else along the nearer edge
  const axisY = toPx(0, Math.min(win.yMax, Math.max(win.yMin, 0))).y;
  const axisX = toPx(Math.min(win.xMax, Math.max(win.xMin, 0)), 0).x;
  const xLabels = xs.map((x) => ({ value: x, label: formatDecimal(x) }));
  const yLabels = ys.map((y) => ({ value: y, label: formatDecimal(y) }));
  const xStride = labelStride(
    xLabels,
    (w * (xs.length - 1)) / Math.max(1, (win.xMax - win.xMin) / win.xStep),
  );
  const yStride = Math.max(1, Math.ceil((S.fontSizePx + 6) / (h / ((win.yMax - win.yMin) / win.yStep))));
  const curves = functions.map((fn) => ({ fn, plot: plotPath(fn.text, props) }));
  const drawn = curves.filter((c) => c.plot && 'path' in c.plot);
  const legend = legendEntries(curves);
  const labelBelow = axisY + S.fontSizePx + LABEL_GAP_PX <= h;
  const labelLeft = axisX - LABEL_GAP_PX - 20 >= 0;
  return (
    <g fontFamily={S.fontFamily} fontSize={S.fontSizePx}>
      <defs>
        <clipPath id={clipId}>
          <rect x={0} y={0} width={w} height={h} />
        </clipPath>
      </defs>
      <rect x={0} y={0} width={w} height={h} fill={S.background} stroke={S.grid} />
      {xs.map((x) => (
        <line
          key={`gx${x}`}
          x1={toPx(x, 0).x}
          y1={0}
          x2={toPx(x, 0).x}
          y2={h}
          stroke={S.grid}
          strokeWidth={1}
        />
      ))}
      {ys.map((y) => (
        <line
          key={`gy${y}`}
          x1={0}
          y1={toPx(0, y).y}
          x2={w}
          y2={toPx(0, y).y}
          stroke={S.grid}
          strokeWidth={1}
        />
      ))}
      <line x1={0} y1={axisY} x2={w} y2={axisY} stroke={S.axis} strokeWidth={1.5} />
      <line x1={axisX} y1={0} x2={axisX} y2={h} stroke={S.axis} strokeWidth={1.5} />
      {xLabels.map(({ value, label }, i) =>
        value === 0 || i % xStride !== 0 || !inside(toPx(value, 0).x, w, EDGE_LABEL_PX) ? null : (
          <text
            key={`lx${value}`}
            x={toPx(value, 0).x}
            y={labelBelow ? axisY + S.fontSizePx + LABEL_GAP_PX : axisY - LABEL_GAP_PX}
            textAnchor="middle"
            fill={S.muted}
          >
            {label}
          </text>
        ),
      )}
      {yLabels.map(({ value, label }, i) =>
        value === 0 || i % yStride !== 0 || !inside(toPx(0, value).y, h, S.fontSizePx) ? null : (
          <text
            key={`ly${value}`}
            x={labelLeft ? axisX - LABEL_GAP_PX : axisX + LABEL_GAP_PX}
            y={toPx(0, value).y + S.fontSizePx / 3}
            textAnchor={labelLeft ? 'end' : 'start'}
            fill={S.muted}
          >
            {label}
          </text>
        ),
      )}
      <g clipPath={`url(#${clipId})`}>
        {drawn.map(({ fn, plot }) => (
          <path
            key={fn.id}
            data-function-id={fn.id}
            d={plot && 'path' in plot ? plot.path : ''}
            fill="none"
            stroke={PLOT_COLOR_HEX[fn.color]}
            strokeWidth={2.5}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ))}
        {points.map((point) => {
          const p = toPx(point.x, point.y);
          return (
            <g key={point.id} data-point-id={point.id}>
              <circle
                cx={p.x}
                cy={p.y}
                r={POINT_RADIUS_PX}
                fill={S.marker}
                stroke={S.background}
                strokeWidth={1.5}
              />
              {point.label && (
                <text
                  x={p.x + POINT_RADIUS_PX + 3}
                  y={p.y - POINT_RADIUS_PX - 2}
                  fill={S.marker}
                  fontWeight="bold"
                >
                  {point.label}
                </text>
              )}
            </g>
          );
        })}
      </g>
      {legend.map((entry, i) => (
        <text
          key={`legend${entry.id}`}
          data-legend-error={entry.error ? 'true' : undefined}
          x={8}
          y={8 + S.fontSizePx + i * (S.fontSizePx + 6)}
          fill={entry.error ? ERROR_HEX : PLOT_COLOR_HEX[entry.color]}
          stroke={S.background}
          strokeWidth={3}
          paintOrder="stroke"
          fontWeight="bold"
          fontStyle={entry.error ? 'italic' : undefined}
        >
          {entry.text}
        </text>
      ))}
    </g>
  );
}

const ERROR_HEX = '#b42318';

/**
 * The legend: a line per function that plots, in its colour, and a line per function that does not parse,
 * with the reason — so the whole group (and the projector) sees why nothing is drawn, not only whoever opens
 * the form. Empty functions are left out.
 */
export function legendEntries(
  curves: readonly { fn: CoordinatePlaneProps['functions'][number]; plot: ReturnType<typeof plotPath> }[],
): {
  id: string;
  text: string;
  color: CoordinatePlaneProps['functions'][number]['color'];
  error: string | null;
}[] {
  return curves.flatMap(({ fn, plot }) => {
    if (!plot) return [];
    const error = 'error' in plot ? plot.error : null;
    // with its reason, the student's function is quoted in a sentence: isolated, like the message quotes it
    const text = error ? `${isolated(legendText(fn.text))} — ${error}` : legendText(fn.text);
    return [{ id: fn.id, text, color: fn.color, error }];
  });
}

/** "2x+1" is shown as "y = 2x+1"; a text that already says "y =" or "f(x) =" is shown as typed. */
export const legendText = (text: string) =>
  /^\s*(y|f\s*\(\s*x\s*\))\s*=/.test(text) ? text.trim() : `y = ${text.trim()}`;
