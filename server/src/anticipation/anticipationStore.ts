import type Database from 'better-sqlite3';
import type { Anticipation, MatchEvidence, Verdict } from '@conjecture/shared';
import { AnticipationSchema } from '@conjecture/shared';
import { migrate } from '../storage/database.js';

const MIGRATIONS = [
  `
  CREATE TABLE anticipations (
    class_id        TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    anticipation_id TEXT NOT NULL,
    position        INTEGER NOT NULL,
    body            TEXT NOT NULL,
    PRIMARY KEY (class_id, anticipation_id)
  );
  -- A class whose anticipations were seeded with the default set: deleting them all leaves none.
  CREATE TABLE anticipations_seeded (
    class_id TEXT PRIMARY KEY REFERENCES classes(class_id) ON DELETE CASCADE
  );
  -- The teacher's verdicts on matches: labelled data (what the matcher saw, what the teacher said).
  CREATE TABLE match_verdicts (
    class_id        TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    group_id        TEXT NOT NULL,
    anticipation_id TEXT NOT NULL,
    verdict         TEXT NOT NULL,
    matched         INTEGER NOT NULL,
    score           REAL NOT NULL,
    evidence        TEXT NOT NULL,
    records         TEXT NOT NULL,
    decided_at      INTEGER NOT NULL,
    PRIMARY KEY (class_id, group_id, anticipation_id)
  );
  `,
];

export interface VerdictRow {
  classId: string;
  groupId: string;
  anticipationId: string;
  verdict: Verdict;
  /** What the matcher said when the teacher decided. */
  matched: boolean;
  score: number;
  evidence: MatchEvidence[];
  /** The board's shape records at that moment, so the label can be replayed against a later matcher. */
  records: unknown[];
  decidedAt: number;
}

/** Anticipations per class (in the teacher's order) and the teacher's verdicts on matches. */
export class AnticipationStore {
  constructor(private readonly db: Database.Database) {
    migrate(db, 'anticipations', MIGRATIONS);
  }

  /** The class's anticipations; the first read seeds `defaults` (once: a teacher may delete them all). */
  list(classId: string, defaults: readonly Anticipation[]): Anticipation[] {
    const seeded = this.db.prepare('SELECT 1 FROM anticipations_seeded WHERE class_id = ?').get(classId);
    if (!seeded) {
      this.db.transaction(() => {
        this.db.prepare('INSERT INTO anticipations_seeded (class_id) VALUES (?)').run(classId);
        defaults.forEach((a, i) => this.insert(classId, a, i));
      })();
    }
    const rows = this.db
      .prepare('SELECT body FROM anticipations WHERE class_id = ? ORDER BY position, anticipation_id')
      .all(classId) as Array<{ body: string }>;
    return rows.map((r) => AnticipationSchema.parse(JSON.parse(r.body)));
  }

  get(classId: string, anticipationId: string): Anticipation | undefined {
    const row = this.db
      .prepare('SELECT body FROM anticipations WHERE class_id = ? AND anticipation_id = ?')
      .get(classId, anticipationId) as { body: string } | undefined;
    return row ? AnticipationSchema.parse(JSON.parse(row.body)) : undefined;
  }

  add(classId: string, a: Anticipation): void {
    const { next } = this.db
      .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM anticipations WHERE class_id = ?')
      .get(classId) as { next: number };
    this.insert(classId, a, next);
  }

  replace(classId: string, a: Anticipation): boolean {
    return (
      this.db
        .prepare('UPDATE anticipations SET body = ? WHERE class_id = ? AND anticipation_id = ?')
        .run(JSON.stringify(a), classId, a.id).changes > 0
    );
  }

  remove(classId: string, anticipationId: string): boolean {
    return this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM match_verdicts WHERE class_id = ? AND anticipation_id = ?')
        .run(classId, anticipationId);
      return (
        this.db
          .prepare('DELETE FROM anticipations WHERE class_id = ? AND anticipation_id = ?')
          .run(classId, anticipationId).changes > 0
      );
    })();
  }

  setVerdict(row: VerdictRow): void {
    this.db
      .prepare(
        `INSERT INTO match_verdicts (class_id, group_id, anticipation_id, verdict, matched, score, evidence, records, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(class_id, group_id, anticipation_id) DO UPDATE SET verdict = excluded.verdict,
           matched = excluded.matched, score = excluded.score, evidence = excluded.evidence,
           records = excluded.records, decided_at = excluded.decided_at`,
      )
      .run(
        row.classId,
        row.groupId,
        row.anticipationId,
        row.verdict,
        row.matched ? 1 : 0,
        row.score,
        JSON.stringify(row.evidence),
        JSON.stringify(row.records),
        row.decidedAt,
      );
  }

  clearVerdict(classId: string, groupId: string, anticipationId: string): void {
    this.db
      .prepare('DELETE FROM match_verdicts WHERE class_id = ? AND group_id = ? AND anticipation_id = ?')
      .run(classId, groupId, anticipationId);
  }

  verdictsOf(classId: string): VerdictRow[] {
    const rows = this.db
      .prepare('SELECT * FROM match_verdicts WHERE class_id = ? ORDER BY decided_at, rowid')
      .all(classId) as Array<{
      class_id: string;
      group_id: string;
      anticipation_id: string;
      verdict: Verdict;
      matched: number;
      score: number;
      evidence: string;
      records: string;
      decided_at: number;
    }>;
    return rows.map((r) => ({
      classId: r.class_id,
      groupId: r.group_id,
      anticipationId: r.anticipation_id,
      verdict: r.verdict,
      matched: r.matched === 1,
      score: r.score,
      evidence: JSON.parse(r.evidence) as MatchEvidence[],
      records: JSON.parse(r.records) as unknown[],
      decidedAt: r.decided_at,
    }));
  }

  private insert(classId: string, a: Anticipation, position: number): void {
    this.db
      .prepare('INSERT INTO anticipations (class_id, anticipation_id, position, body) VALUES (?, ?, ?, ?)')
      .run(classId, a.id, position, JSON.stringify(a));
  }
}
