import type { CsvTable } from './csv.js';

/**
 * The evidence exports' tables, declared once: the server writes them, the evidence pack bundles them, and
 * a test checks what the server produced against these columns. Names are as the teacher sees them.
 */
export const CSV_TABLES = {
  contributions: {
    file: 'contributions.csv',
    describes: 'one item on a group board, with who created and who edited it (the server’s authorship log)',
    columns: {
      group: 'text',
      shape_id: 'text',
      shape_type: 'text',
      representation: 'text',
      created_by: 'text',
      edited_by: 'text',
      text: 'text',
    },
  },
  answers: {
    file: 'answers.csv',
    describes: 'one answer to a question the teacher posed (a question without answers has one empty row)',
    columns: {
      question_id: 'text',
      asked_to: 'text',
      question: 'text',
      question_type: 'text',
      asked_at: 'time',
      student: 'text',
      answer: 'text',
      answered_at: 'time',
    },
  },
  tags: {
    file: 'tags.csv',
    describes:
      'one tagged contribution: its talk move and NCTM question type (the teacher’s correction wins)',
    columns: {
      contribution_id: 'text',
      group: 'text',
      kind: 'text',
      author: 'text',
      role: 'text',
      text: 'text',
      move: 'text',
      question_type: 'text',
      confidence: 'number',
      corrected: 'boolean',
      tagged_at: 'time',
    },
  },
} as const satisfies Record<string, CsvTable>;

export type CsvTableName = keyof typeof CSV_TABLES;
export const CSV_TABLE_NAMES = Object.keys(CSV_TABLES) as CsvTableName[];
