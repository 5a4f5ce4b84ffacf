import { fractionLabel, type FractionBarProps } from '@conjecture/shared/board/index';

/** Room under the model for its "3/8" label, in page pixels. */
export const FRACTION_LABEL_PX = 28;
const STROKE = '#1d1d1d';
const SHADE = '#4f7cff';
const PAPER = '#ffffff';

export interface PartRect {
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each part is drawn: a bar is one strip of all parts, an area model a rows × columns grid. */
export function partRects(props: FractionBarProps): PartRect[] {
  const { w, model, partition, showLabel } = props;
  const h = Math.max(1, props.h - (showLabel ? FRACTION_LABEL_PX : 0));
  const rows = model === 'bar' ? 1 : partition.rows;
  const columns = model === 'bar' ? partition.rows * partition.columns : partition.columns;
  const pw = w / columns;
  const ph = h / rows;
  const rects: PartRect[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++)
      rects.push({ index: r * columns + c, x: c * pw, y: r * ph, w: pw, h: ph });
  }
  return rects;
}

interface FractionBarSvgProps {
  props: FractionBarProps;
  /** While editing: a part was pressed (click, tap, or Enter/Space on a focused part). */
  onTogglePart?: (index: number) => void;
}

/**
 * The model as plain SVG elements: drawn on the board (inside the shape's HTML container) and returned as
 * is by toSvg, so the export and the board cannot disagree.
 */
export function FractionBarSvg({ props, onTogglePart }: FractionBarSvgProps) {
  const shaded = new Set(props.partition.shaded);
  const rects = partRects(props);
  const modelH = Math.max(1, props.h - (props.showLabel ? FRACTION_LABEL_PX : 0));
  const editable = onTogglePart !== undefined;
  return (
    <g className="fraction-bar-parts">
      {rects.map((r) => (
        <rect
          key={r.index}
          data-part={r.index}
          data-shaded={shaded.has(r.index) ? 'true' : 'false'}
          x={r.x}
          y={r.y}
          width={r.w}
          height={r.h}
          fill={shaded.has(r.index) ? SHADE : PAPER}
          stroke={STROKE}
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          {...(editable
            ? {
                role: 'checkbox',
                'aria-checked': shaded.has(r.index),
                'aria-label': `Part ${r.index + 1}`,
                tabIndex: 0,
                style: { cursor: 'pointer', pointerEvents: 'all' as const },
                onPointerDown: (e: React.PointerEvent) => {
                  e.stopPropagation();
                  onTogglePart(r.index);
                },
                onKeyDown: (e: React.KeyboardEvent) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    onTogglePart(r.index);
                  }
                },
              }
            : {})}
        />
      ))}
      {props.showLabel && (
        <text
          className="fraction-bar-label"
          x={props.w / 2}
          y={modelH + FRACTION_LABEL_PX - 6}
          textAnchor="middle"
          fontFamily="'tldraw_sans', sans-serif"
          fontSize={20}
          fill={STROKE}
        >
          {fractionLabel(props.partition)}
        </text>
      )}
    </g>
  );
}
