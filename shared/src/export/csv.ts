/**
 * CSV as the evidence exports write it (RFC 4180: comma, CRLF, a header row, quotes doubled). Every table's
 * columns are declared once in `csvTables.ts`; the writer and the tests' checker both read that declaration.
 */

/** How a column's cells read: free text, a number, an instant (ISO 8601, UTC) or yes/no. */
export type CsvKind = 'text' | 'number' | 'time' | 'boolean';
export type CsvCellValue = string | number | boolean | null;

export interface CsvTable<Cols extends Record<string, CsvKind> = Record<string, CsvKind>> {
  /** The file name in the evidence pack and the download. */
  file: string;
  /** What a row is, for people reading the pack's index. */
  describes: string;
  /** Header → kind, in column order. */
  columns: Cols;
}

export type CsvRow<T extends CsvTable> = { [K in keyof T['columns']]: CsvCellValue };

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection, OWASP): a text cell
 * starting so is written with a leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as written: text guarded against formulas, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvCellValue, kind: CsvKind = 'text'): string {
  if (value === null) return '';
  let text: string;
  if (kind === 'time' && typeof value === 'number') text = new Date(value).toISOString();
  else if (typeof value === 'boolean') text = value ? 'yes' : 'no';
  else text = String(value);
  // Numbers and instants are ours ("-3", "2026-…"); only free text can smuggle a formula in.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table: the header row, then one line per row, CRLF-terminated. */
export function toCsv<T extends CsvTable>(table: T, rows: readonly CsvRow<T>[]): string {
  const headers = Object.keys(table.columns);
  const lines = [headers.map((h) => csvCell(h)).join(',')];
  for (const row of rows) {
    lines.push(headers.map((h) => csvCell(row[h] ?? null, table.columns[h])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Reads CSV back into rows of cells (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const KIND_CHECKS: Record<CsvKind, (cell: string) => boolean> = {
  text: (cell) => !FORMULA_START.test(cell),
  number: (cell) => cell === '' || Number.isFinite(Number(cell)),
  time: (cell) => cell === '' || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(cell),
  boolean: (cell) => cell === '' || cell === 'yes' || cell === 'no',
};

/** What is wrong with a CSV text against its table's declaration (an empty list: nothing). */
export function csvIssues(table: CsvTable, text: string): string[] {
  const [header, ...rows] = parseCsv(text);
  const headers = Object.keys(table.columns);
  const issues: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(headers))
    issues.push(`${table.file}: header ${JSON.stringify(header)} is not ${JSON.stringify(headers)}`);
  rows.forEach((cells, r) => {
    if (cells.length !== headers.length)
      issues.push(`${table.file} row ${r + 1}: ${cells.length} cells, not ${headers.length}`);
    headers.forEach((h, c) => {
      const cell = cells[c] ?? '';
      if (!KIND_CHECKS[table.columns[h]!](cell))
        issues.push(`${table.file} row ${r + 1} ${h}: ${JSON.stringify(cell)} is not a ${table.columns[h]}`);
    });
  });
  return issues;
}
