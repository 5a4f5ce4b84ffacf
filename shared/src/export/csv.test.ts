import { describe, expect, it } from 'vitest';
import { csvCell, csvIssues, parseCsv, toCsv } from './csv.js';
import { CSV_TABLES } from './csvTables.js';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "2/3"')).toBe('"say ""2/3"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('keeps text that starts like a formula from running in a spreadsheet', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx'])
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-3, 'number')).toBe('-3');
    expect(csvCell(0, 'time')).toBe('1970-01-01T00:00:00.000Z');
    expect(csvCell(true, 'boolean')).toBe('yes');
  });

  it('reads back what it writes', () => {
    const csv = toCsv(CSV_TABLES.answers, [
      {
        question_id: 'q1',
        asked_to: 'Group 1',
        question: 'Why, "exactly"?\nSay more',
        question_type: null,
        asked_at: 1_700_000_000_000,
        student: '=HYPERLINK("x")',
        answer: 'because 2/3 > 1/2',
        answered_at: 1_700_000_060_000,
      },
    ]);
    expect(csvIssues(CSV_TABLES.answers, csv)).toEqual([]);
    const [header, row] = parseCsv(csv);
    expect(header).toEqual(Object.keys(CSV_TABLES.answers.columns));
    expect(row?.[2]).toBe('Why, "exactly"?\nSay more');
    expect(row?.[5]).toBe(`'=HYPERLINK("x")`);
  });

  it('names what does not match the declaration', () => {
    expect(csvIssues(CSV_TABLES.answers, 'question_id\r\nq1\r\n')[0]).toMatch(/header/);
  });
});
