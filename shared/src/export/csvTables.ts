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
      // an empty question_type is a statement or a question whose type is not shown: this tells them apart
      question: 'boolean',
      confidence: 'number',
      corrected: 'boolean',
      tagged_at: 'time',
    },
  },
  participation: {
    file: 'participation.csv',
    describes:
      'one group member’s share of the group’s work (items created and edited, critique replies, answers) and what it is made of',
    columns: {
      group: 'text',
      student: 'text',
      items_created: 'number',
      items_edited: 'number',
      words: 'number',
      critique_replies: 'number',
      answers: 'number',
      talk_moves: 'number',
      share: 'number',
      holds_most: 'boolean',
      quiet: 'boolean',
      last_contribution_at: 'time',
    },
  },
  reflections: {
    file: 'reflections.csv',
    describes:
      'one student’s end-of-lesson reflection: the three written answers and how confident they feel now',
    columns: {
      student: 'text',
      group: 'text',
      worked: 'text',
      change: 'text',
      next_step: 'text',
      confidence: 'text',
      updated_at: 'time',
    },
  },
} as const satisfies Record<string, CsvTable>;

export type CsvTableName = keyof typeof CSV_TABLES;
export const CSV_TABLE_NAMES = Object.keys(CSV_TABLES) as CsvTableName[];
