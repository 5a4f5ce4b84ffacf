import { tableSize, type TableProps } from '@conjecture/shared/board/index';

const STROKE = '#1d1d1d';
const HEADER_FILL = '#e8eefc';
const PAPER = '#ffffff';

/** Cell text size in page pixels: readable, and never taller than its cell. */
export function tableFontPx(props: TableProps): number {
  const { rows } = tableSize(props.cells);
  return Math.max(8, Math.min(18, (props.h / rows) * 0.45));
}

/** SVG text cannot wrap or clip itself: cut it to about what fits in the cell, with an ellipsis. */
function fitText(text: string, widthPx: number, fontPx: number): string {
  const chars = Math.max(1, Math.floor(widthPx / (fontPx * 0.56)));
  return text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - 1))}…`;
}

/** The table as plain SVG (rects, lines, text) for exports. */
export function TableSvg({ props }: { props: TableProps }) {
  const { w, h, cells, headerRow } = props;
  const { rows, columns } = tableSize(cells);
  const cw = w / columns;
  const ch = h / rows;
  const font = tableFontPx(props);
  return (
    <g className="table-export">
      <rect x={0} y={0} width={w} height={h} fill={PAPER} stroke={STROKE} strokeWidth={2} />
      {headerRow && (
        <rect x={0} y={0} width={w} height={ch} fill={HEADER_FILL} stroke={STROKE} strokeWidth={2} />
      )}
      {Array.from({ length: rows - 1 }, (_, i) => (
        <line
          key={`r${i}`}
          x1={0}
          x2={w}
          y1={(i + 1) * ch}
          y2={(i + 1) * ch}
          stroke={STROKE}
          strokeWidth={1}
        />
      ))}
      {Array.from({ length: columns - 1 }, (_, i) => (
        <line
          key={`c${i}`}
          x1={(i + 1) * cw}
          x2={(i + 1) * cw}
          y1={0}
          y2={h}
          stroke={STROKE}
          strokeWidth={1}
        />
      ))}
      {cells.map((row, r) =>
        row.map((text, c) =>
          text === '' ? null : (
            <text
              key={`${r}:${c}`}
              x={c * cw + cw / 2}
              y={r * ch + ch / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fontFamily="'tldraw_sans', sans-serif"
              fontSize={font}
              fontWeight={headerRow && r === 0 ? 'bold' : 'normal'}
              fill={STROKE}
            >
              {fitText(text, cw - 8, font)}
            </text>
          ),
        ),
      )}
    </g>
  );
}
