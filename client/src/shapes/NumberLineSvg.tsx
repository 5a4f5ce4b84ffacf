import { labelStride, numberLineTicks } from '@conjecture/shared/domain/math/index';
import type { NumberLineProps } from '@conjecture/shared/board/index';
import { MATH_SHAPE_STYLE as S } from './mathShapeStyle.js';
import { numberLineLayout, valueToX } from './numberLineLayout.js';

const TICK_PX = 6;
const MAJOR_TICK_PX = 10;
const MARKER_RADIUS_PX = 6;

/** The number line as plain SVG: the canvas and toSvg both draw this, so exports match the board. */
export function NumberLineSvg({ props }: { props: NumberLineProps }) {
  const { w, h, axis, points } = props;
  const { x0, x1, lineY, length } = numberLineLayout(w, h);
  const ticks = numberLineTicks(axis);
  const stride = labelStride(ticks, length);
  const visible = points.filter((p) => p.value >= axis.min && p.value <= axis.max);
  return (
    <g fontFamily={S.fontFamily} fontSize={S.fontSizePx}>
      <rect x={0} y={0} width={w} height={h} fill={S.background} stroke="none" />
      <line x1={x0} y1={lineY} x2={x1} y2={lineY} stroke={S.axis} strokeWidth={2} />
      {/* arrowheads: the line goes on past the drawn range */}
      <path d={`M${x0 - 10} ${lineY}l8 -5v10z M${x1 + 10} ${lineY}l-8 -5v10z`} fill={S.axis} />
      {ticks.map((tick, i) => {
        const x = x0 + tick.at * length;
        const size = tick.major ? MAJOR_TICK_PX : TICK_PX;
        return (
          <g key={tick.value}>
            <line
              x1={x}
              y1={lineY - size}
              x2={x}
              y2={lineY + size}
              stroke={S.axis}
              strokeWidth={tick.major ? 1.5 : 1}
            />
            {i % stride === 0 && (
              <text x={x} y={lineY + MAJOR_TICK_PX + 14} textAnchor="middle" fill={S.ink}>
                {tick.label}
              </text>
            )}
          </g>
        );
      })}
      {visible.map((point) => {
        const x = valueToX(point.value, axis, w, h);
        return (
          <g key={point.id} data-point-id={point.id}>
            <circle
              cx={x}
              cy={lineY}
              r={MARKER_RADIUS_PX}
              fill={S.marker}
              stroke={S.background}
              strokeWidth={1.5}
            />
            {point.label && (
              <text
                x={x}
                y={lineY - MARKER_RADIUS_PX - 8}
                textAnchor="middle"
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
  );
}
