import type Database from 'better-sqlite3';
import type { ContributionTag } from '@conjecture/shared';
import { migrate } from '../storage/database.js';

const MIGRATIONS = [
  `
  CREATE TABLE contribution_tags (
    contribution_id TEXT PRIMARY KEY,
    class_id        TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    group_id        TEXT,
    board_id        TEXT,
    shape_id        TEXT,
    kind            TEXT NOT NULL,
    author          TEXT NOT NULL,
    role            TEXT NOT NULL,
    text            TEXT NOT NULL,
    move            TEXT NOT NULL,
    confidence      REAL NOT NULL,
    question_type   TEXT,
    cues            TEXT NOT NULL,
    tagged_at       INTEGER NOT NULL
  );
  CREATE INDEX contribution_tags_by_class ON contribution_tags(class_id, tagged_at);
  CREATE INDEX contribution_tags_by_board ON contribution_tags(board_id, tagged_at);
  CREATE TABLE tag_corrections (
    contribution_id TEXT PRIMARY KEY REFERENCES contribution_tags(contribution_id) ON DELETE CASCADE,
    move            TEXT NOT NULL,
    question_type   TEXT,
    corrected_at    INTEGER NOT NULL
  );
  `,
  // A question whose type is withheld (below the trusted confidence) is still a question.
  `
  ALTER TABLE contribution_tags ADD COLUMN question INTEGER NOT NULL DEFAULT 0;
  UPDATE contribution_tags SET question = 1 WHERE question_type IS NOT NULL;
  `,
  // …and a correction may keep one a question without giving it a type.
  `
  ALTER TABLE tag_corrections ADD COLUMN question INTEGER NOT NULL DEFAULT 0;
  UPDATE tag_corrections SET question = 1 WHERE question_type IS NOT NULL;
  `,
];

/** A teacher's correction of a tag, as stored. */
export type TagCorrection = Omit<NonNullable<ContributionTag['corrected']>, 'at'>;

type Row = {
  contribution_id: string;
  class_id: string;
  group_id: string | null;
  board_id: string | null;
  shape_id: string | null;
  kind: ContributionTag['kind'];
  author: string;
  role: ContributionTag['role'];
  text: string;
  move: string;
  confidence: number;
  question_type: string | null;
  question: number;
  cues: string;
  tagged_at: number;
  c_move: string | null;
  c_question_type: string | null;
  c_question: number | null;
  corrected_at: number | null;
};

const SELECT = `SELECT t.*, c.move AS c_move, c.question_type AS c_question_type,
  c.question AS c_question, c.corrected_at
  FROM contribution_tags t LEFT JOIN tag_corrections c ON c.contribution_id = t.contribution_id`;

const toTag = (r: Row): ContributionTag => ({
  contributionId: r.contribution_id,
  classId: r.class_id,
  groupId: r.group_id,
  boardId: r.board_id,
  shapeId: r.shape_id,
  kind: r.kind,
  author: r.author,
  role: r.role,
  text: r.text,
  move: r.move,
  confidence: r.confidence,
  questionType: r.question_type,
  question: r.question === 1,
  cues: JSON.parse(r.cues) as string[],
  taggedAt: r.tagged_at,
  corrected:
    r.c_move === null
      ? null
      : {
          move: r.c_move,
          questionType: r.c_question_type,
          question: r.c_question === 1,
          at: r.corrected_at as number,
        },
});

/** Tags and the teacher's corrections, beside the class they belong to (deleted with it). */
/** Every contribution's tag and the teacher's corrections, per class (one contract suite: tagStore.contract.ts). */
export interface TagStore {
  /** Stores a tag (a contribution tagged again replaces its tag; a correction stays). */
  put(t: Omit<ContributionTag, 'corrected'>): void;
  get(contributionId: string): ContributionTag | undefined;
  /** A class's tags, oldest first. */
  ofClass(classId: string): ContributionTag[];
  /** A board's latest `limit` tags, oldest first. */
  ofBoard(boardId: string, limit: number): ContributionTag[];
  correct(contributionId: string, correction: TagCorrection, at: number): void;
  /** Forgets a teacher's correction (of words no longer said); the tag stays. */
  dropCorrection(contributionId: string): void;
  /** Forgets a contribution's tag and its correction (the words were taken back). */
  remove(contributionId: string): void;
}

export class SqliteTagStore implements TagStore {
  constructor(private readonly db: Database.Database) {
    migrate(db, 'tagging', MIGRATIONS);
  }

  /** Inserts or replaces the tag of a contribution (an edited text is tagged again; its correction stays until dropped). */
  put(t: Omit<ContributionTag, 'corrected'>): void {
    this.db
      .prepare(
        `INSERT INTO contribution_tags (contribution_id, class_id, group_id, board_id, shape_id, kind, author, role, text,
           move, confidence, question_type, question, cues, tagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(contribution_id) DO UPDATE SET author = excluded.author, text = excluded.text, move = excluded.move,
           confidence = excluded.confidence, question_type = excluded.question_type, question = excluded.question,
           cues = excluded.cues,
           tagged_at = excluded.tagged_at, group_id = excluded.group_id`,
      )
      .run(
        t.contributionId,
        t.classId,
        t.groupId,
        t.boardId,
        t.shapeId,
        t.kind,
        t.author,
        t.role,
        t.text,
        t.move,
        t.confidence,
        t.questionType,
        t.question ? 1 : 0,
        JSON.stringify(t.cues),
        t.taggedAt,
      );
  }

  get(contributionId: string): ContributionTag | undefined {
    const r = this.db.prepare(`${SELECT} WHERE t.contribution_id = ?`).get(contributionId) as Row | undefined;
    return r && toTag(r);
  }

  ofClass(classId: string): ContributionTag[] {
    return (
      this.db
        .prepare(`${SELECT} WHERE t.class_id = ? ORDER BY t.tagged_at, t.contribution_id`)
        .all(classId) as Row[]
    ).map(toTag);
  }

  ofBoard(boardId: string, limit: number): ContributionTag[] {
    return (
      this.db
        .prepare(`${SELECT} WHERE t.board_id = ? ORDER BY t.tagged_at DESC, t.contribution_id LIMIT ?`)
        .all(boardId, limit) as Row[]
    )
      .map(toTag)
      .reverse();
  }

  correct(contributionId: string, { move, questionType, question }: TagCorrection, at: number): void {
    this.db
      .prepare(
        `INSERT INTO tag_corrections (contribution_id, move, question_type, question, corrected_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(contribution_id) DO UPDATE SET move = excluded.move, question_type = excluded.question_type,
           question = excluded.question, corrected_at = excluded.corrected_at`,
      )
      .run(contributionId, move, questionType, question ? 1 : 0, at);
  }

  dropCorrection(contributionId: string): void {
    this.db.prepare('DELETE FROM tag_corrections WHERE contribution_id = ?').run(contributionId);
  }

  remove(contributionId: string): void {
    this.db.transaction(() => {
      this.dropCorrection(contributionId);
      this.db.prepare('DELETE FROM contribution_tags WHERE contribution_id = ?').run(contributionId);
    })();
  }
}
