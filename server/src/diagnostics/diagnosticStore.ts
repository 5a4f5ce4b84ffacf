import type Database from 'better-sqlite3';
import type { DiagnosticProfile, DiagnosticResponse, PublishedGrouping } from '@conjecture/shared';
import { migrate } from '../storage/database.js';

const MIGRATIONS = [
  `
  CREATE TABLE diagnostic_banks (
    class_id TEXT PRIMARY KEY REFERENCES classes(class_id) ON DELETE CASCADE,
    bank     TEXT
  );
  CREATE TABLE diagnostic_responses (
    student_id  TEXT NOT NULL REFERENCES students(student_id) ON DELETE CASCADE,
    class_id    TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    item_id     TEXT NOT NULL,
    option_id   TEXT NOT NULL,
    confidence  INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (student_id, item_id)
  );
  CREATE TABLE diagnostic_profiles (
    student_id   TEXT PRIMARY KEY REFERENCES students(student_id) ON DELETE CASCADE,
    class_id     TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    profile      TEXT NOT NULL,
    completed_at INTEGER NOT NULL
  );
  `,
  // How the class's groups were last published: students who join later are placed by it.
  `
  CREATE TABLE grouping_settings (
    class_id     TEXT PRIMARY KEY REFERENCES classes(class_id) ON DELETE CASCADE,
    settings     TEXT NOT NULL,
    published_at INTEGER NOT NULL
  );
  `,
];

/**
 * The class's chosen item bank (JSON, or null when skipped), students' answers, and their profiles (one
 * contract suite: diagnosticStore.contract.ts).
 */
export interface DiagnosticStore {
  /** undefined: never chosen; null: skipped. */
  bankOf(classId: string): unknown;
  setBank(classId: string, bank: unknown): void;
  /** A student's answer to an item; answering the item again replaces it. */
  answer(classId: string, studentId: string, r: DiagnosticResponse, at: number): void;
  /** A student's answers, in the order they were (last) given. */
  responsesOf(studentId: string): DiagnosticResponse[];
  saveProfile(classId: string, studentId: string, profile: DiagnosticProfile, at: number): void;
  profilesOf(classId: string): Map<string, DiagnosticProfile>;
  /** A new bank makes earlier answers meaningless. */
  clearClass(classId: string): void;
  /** How the class's groups were last published (replacing the settings before); undefined: never. */
  groupingOf(classId: string): PublishedGrouping | undefined;
  /** The same, with when it was published: the time a random draw is shown as drawn at. */
  publicationOf(classId: string): { grouping: PublishedGrouping; publishedAt: number } | undefined;
  setGrouping(classId: string, grouping: PublishedGrouping, at: number): void;
}

export class SqliteDiagnosticStore implements DiagnosticStore {
  constructor(private readonly db: Database.Database) {
    migrate(db, 'diagnostics', MIGRATIONS);
  }

  /** undefined: never chosen; null: skipped. */
  bankOf(classId: string): unknown {
    const row = this.db.prepare('SELECT bank FROM diagnostic_banks WHERE class_id = ?').get(classId) as
      { bank: string | null } | undefined;
    if (!row) return undefined;
    return row.bank === null ? null : (JSON.parse(row.bank) as unknown);
  }

  setBank(classId: string, bank: unknown): void {
    this.db
      .prepare(
        'INSERT INTO diagnostic_banks (class_id, bank) VALUES (?, ?) ON CONFLICT(class_id) DO UPDATE SET bank = excluded.bank',
      )
      .run(classId, bank === null ? null : JSON.stringify(bank));
  }

  answer(classId: string, studentId: string, r: DiagnosticResponse, at: number): void {
    this.db
      .prepare(
        `INSERT INTO diagnostic_responses (student_id, class_id, item_id, option_id, confidence, answered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(student_id, item_id) DO UPDATE SET option_id = excluded.option_id, confidence = excluded.confidence, answered_at = excluded.answered_at`,
      )
      .run(studentId, classId, r.itemId, r.optionId, r.confidence, at);
  }

  responsesOf(studentId: string): DiagnosticResponse[] {
    return (
      this.db
        .prepare(
          'SELECT item_id, option_id, confidence FROM diagnostic_responses WHERE student_id = ? ORDER BY answered_at',
        )
        .all(studentId) as Array<{
        item_id: string;
        option_id: string;
        confidence: number;
      }>
    ).map((r) => ({ itemId: r.item_id, optionId: r.option_id, confidence: r.confidence }));
  }

  saveProfile(classId: string, studentId: string, profile: DiagnosticProfile, at: number): void {
    this.db
      .prepare(
        `INSERT INTO diagnostic_profiles (student_id, class_id, profile, completed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(student_id) DO UPDATE SET profile = excluded.profile, completed_at = excluded.completed_at`,
      )
      .run(studentId, classId, JSON.stringify(profile), at);
  }

  profilesOf(classId: string): Map<string, DiagnosticProfile> {
    const rows = this.db
      .prepare('SELECT student_id, profile FROM diagnostic_profiles WHERE class_id = ?')
      .all(classId) as Array<{
      student_id: string;
      profile: string;
    }>;
    return new Map(rows.map((r) => [r.student_id, JSON.parse(r.profile) as DiagnosticProfile]));
  }

  /** A new bank makes earlier answers meaningless. */
  clearClass(classId: string): void {
    this.db.prepare('DELETE FROM diagnostic_responses WHERE class_id = ?').run(classId);
    this.db.prepare('DELETE FROM diagnostic_profiles WHERE class_id = ?').run(classId);
  }

  groupingOf(classId: string): PublishedGrouping | undefined {
    return this.publicationOf(classId)?.grouping;
  }

  publicationOf(classId: string): { grouping: PublishedGrouping; publishedAt: number } | undefined {
    const row = this.db
      .prepare('SELECT settings, published_at FROM grouping_settings WHERE class_id = ?')
      .get(classId) as { settings: string; published_at: number } | undefined;
    return row && { grouping: JSON.parse(row.settings) as PublishedGrouping, publishedAt: row.published_at };
  }

  setGrouping(classId: string, grouping: PublishedGrouping, at: number): void {
    this.db
      .prepare(
        `INSERT INTO grouping_settings (class_id, settings, published_at) VALUES (?, ?, ?)
         ON CONFLICT(class_id) DO UPDATE SET settings = excluded.settings, published_at = excluded.published_at`,
      )
      .run(classId, JSON.stringify(grouping), at);
  }
}
