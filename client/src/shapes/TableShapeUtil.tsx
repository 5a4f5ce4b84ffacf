import './shapeTypes.js';
import './mathShapes.css';
import { BaseBoxShapeUtil, DefaultFontFaces, HTMLContainer, useEditor, useIsEditing } from 'tldraw';
import { useEffect, useRef, useState } from 'react';
import {
  MAX_SHAPE_SIDE_PX,
  MAX_TABLE_CELL_CHARS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  TABLE_DEFAULT_PROPS,
  TABLE_TYPE,
  insertTableColumn,
  insertTableRow,
  removeTableColumn,
  removeTableRow,
  setTableCell,
  tableMigrations,
  tableProps,
  tableSize,
  type TableProps,
  type TableShape,
  describeTable,
} from '@conjecture/shared/board/index';
import { EditControls } from './EditControls.js';
import { TableSvg, tableFontPx } from './tableSvg.js';

interface Cell {
  row: number;
  column: number;
}

function TableView({ shape }: { shape: TableShape }) {
  const editor = useEditor();
  const isEditing = useIsEditing(shape.id);
  const { w, h, cells, headerRow } = shape.props;
  const { rows, columns } = tableSize(cells);
  const [focused, setFocused] = useState<Cell>({ row: 0, column: 0 });
  const inputs = useRef(new Map<string, HTMLInputElement>());

  const update = (next: Partial<TableProps>) =>
    editor.updateShape<TableShape>({ id: shape.id, type: TABLE_TYPE, props: next });

  // Keep the focused cell's input focused as the table changes shape (a row added, a cell moved to).
  useEffect(() => {
    if (!isEditing) return;
    const row = Math.min(focused.row, rows - 1);
    const column = Math.min(focused.column, columns - 1);
    const input = inputs.current.get(`${row}:${column}`);
    // Moved here by Tab, Enter or a button: select the text so typing replaces it, as in a spreadsheet.
    if (input && input.ownerDocument.activeElement !== input) {
      input.focus();
      input.select();
    }
  }, [isEditing, focused, rows, columns]);

  // New rows and columns take the size of the current ones, so the cells keep their size.
  const resized = (nextCells: string[][]) => {
    const next = tableSize(nextCells);
    return {
      cells: nextCells,
      w: Math.min(MAX_SHAPE_SIDE_PX, (w / columns) * next.columns),
      h: Math.min(MAX_SHAPE_SIDE_PX, (h / rows) * next.rows),
    };
  };

  const moveTo = (row: number, column: number) => setFocused({ row, column });

  const onKeyDown = (e: React.KeyboardEvent, row: number, column: number) => {
    if (e.key === 'Tab') {
      // Tab walks the cells row by row (Shift+Tab back); Tab from the last cell goes on to the buttons under
      // the table (add a row…), as Tab leaves any grid, so a keyboard user reaches them too.
      const index = row * columns + column + (e.shiftKey ? -1 : 1);
      if (index >= rows * columns) {
        const firstControl = e.currentTarget
          .closest('.table-shape')
          ?.querySelector<HTMLButtonElement>('.math-shape-controls button:not(:disabled)');
        if (!firstControl) return;
        e.preventDefault();
        e.stopPropagation();
        firstControl.focus();
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      if (index < 0) return;
      moveTo(Math.floor(index / columns), index % columns);
    } else if (e.key === 'Enter') {
      // Enter goes down a row; from the last row it finishes editing.
      e.preventDefault();
      e.stopPropagation();
      if (row + 1 < rows) moveTo(row + 1, column);
      else editor.complete();
    }
  };

  const font = tableFontPx(shape.props);
  return (
    <HTMLContainer className="table-shape" style={{ width: w, height: h }}>
      <div
        className="table-grid"
        role="table"
        style={{
          width: w,
          height: h,
          fontSize: font,
          gridTemplateColumns: `repeat(${columns}, 1fr)`,
          gridTemplateRows: `repeat(${rows}, 1fr)`,
        }}
      >
        {cells.map((row, r) =>
          row.map((text, c) => (
            <div
              key={`${r}:${c}`}
              role={headerRow && r === 0 ? 'columnheader' : 'cell'}
              className={headerRow && r === 0 ? 'table-cell table-cell--header' : 'table-cell'}
              data-testid={`table-cell-${r}-${c}`}
              // The grid draws the outer border: the last column and row draw no second one.
              style={{
                borderRightWidth: c === columns - 1 ? 0 : undefined,
                borderBottomWidth: r === rows - 1 ? 0 : undefined,
              }}
            >
              {isEditing ? (
                <input
                  ref={(el) => {
                    if (el) inputs.current.set(`${r}:${c}`, el);
                    else inputs.current.delete(`${r}:${c}`);
                  }}
                  aria-label={`Row ${r + 1}, column ${c + 1}`}
                  value={text}
                  maxLength={MAX_TABLE_CELL_CHARS}
                  onPointerDown={(e) => e.stopPropagation()}
                  onFocus={() => (focused.row !== r || focused.column !== c) && moveTo(r, c)}
                  onChange={(e) => update({ cells: setTableCell(cells, r, c, e.currentTarget.value) })}
                  onKeyDown={(e) => onKeyDown(e, r, c)}
                />
              ) : (
                <span>{text}</span>
              )}
            </div>
          )),
        )}
      </div>
      {isEditing && (
        <EditControls
          label="Table"
          controls={[
            {
              testId: 'table-add-row',
              label: '+ row',
              title: 'Add a row below this cell',
              disabled: rows >= MAX_TABLE_ROWS,
              onPress: () => {
                update(resized(insertTableRow(cells, focused.row + 1)));
                moveTo(focused.row + 1, focused.column);
              },
            },
            {
              testId: 'table-remove-row',
              label: '− row',
              title: "Remove this cell's row",
              disabled: rows <= 1,
              onPress: () => {
                update(resized(removeTableRow(cells, focused.row)));
                moveTo(Math.max(0, focused.row - 1), focused.column);
              },
            },
            {
              testId: 'table-add-column',
              label: '+ column',
              title: 'Add a column right of this cell',
              disabled: columns >= MAX_TABLE_COLUMNS,
              onPress: () => {
                update(resized(insertTableColumn(cells, focused.column + 1)));
                moveTo(focused.row, focused.column + 1);
              },
            },
            {
              testId: 'table-remove-column',
              label: '− column',
              title: "Remove this cell's column",
              disabled: columns <= 1,
              onPress: () => {
                update(resized(removeTableColumn(cells, focused.column)));
                moveTo(focused.row, Math.max(0, focused.column - 1));
              },
            },
            {
              testId: 'table-header-row',
              label: 'Header',
              title: 'First row is a header',
              pressed: headerRow,
              onPress: () => update({ headerRow: !headerRow }),
            },
          ]}
        />
      )}
    </HTMLContainer>
  );
}

/**
 * A table of plain-text cells. Editing (double-click, or Enter when selected) turns the cells into inputs:
 * Tab and Shift+Tab walk them, Enter goes down a row, and buttons under the table (Tab from the last cell
 * reaches them) add or remove rows and columns and toggle the header row. Exported as plain SVG.
 */
export class TableShapeUtil extends BaseBoxShapeUtil<TableShape> {
  static override type = TABLE_TYPE;
  static override props = tableProps;
  static override migrations = tableMigrations;

  override getDefaultProps(): TableShape['props'] {
    return structuredClone(TABLE_DEFAULT_PROPS);
  }

  override canEdit = () => true;

  override getAriaDescriptor(shape: TableShape) {
    return describeTable(shape.props);
  }

  override getText(shape: TableShape) {
    return shape.props.cells.map((row) => row.join('\t')).join('\n');
  }

  override getFontFaces() {
    return [DefaultFontFaces.tldraw_sans.normal.normal, DefaultFontFaces.tldraw_sans.normal.bold];
  }

  override component(shape: TableShape) {
    return <TableView shape={shape} />;
  }

  override toSvg(shape: TableShape) {
    return <TableSvg props={shape.props} />;
  }

  override getIndicatorPath(shape: TableShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }
}
