import type Database from 'better-sqlite3';
import {
  FollowTargetSchema,
  PlanInputSchema,
  type StoredPlan,
  type FollowTarget,
  type PlanInput,
} from '@conjecture/shared';
import { migrate } from '../storage/database.js';

const MIGRATIONS = [
  `
  CREATE TABLE discussion_plans (
    class_id   TEXT PRIMARY KEY REFERENCES classes(class_id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    presenting INTEGER,
    updated_at INTEGER NOT NULL
  );
  `,
  // "Bring everyone to me": what the class's students follow; no row, their own boards.
  `
  CREATE TABLE discussion_follow (
    class_id TEXT PRIMARY KEY REFERENCES classes(class_id) ON DELETE CASCADE,
    target   TEXT NOT NULL
  );
  `,
];

interface Row {
  body: string;
  presenting: number | null;
  updated_at: number;
}

/** One discussion plan per class (steps and links as one JSON body), and the step being presented. */
export class PlanStore {
  constructor(private readonly db: Database.Database) {
    migrate(db, 'discussion_plans', MIGRATIONS);
  }

  get(classId: string): StoredPlan {
    const row = this.db
      .prepare('SELECT body, presenting, updated_at FROM discussion_plans WHERE class_id = ?')
      .get(classId) as Row | undefined;
    if (!row) return { classId, steps: [], links: [], presenting: null, updatedAt: 0 };
    // Parsed on the way out too: a body written by an older version still answers the current contract.
    const body = PlanInputSchema.parse(JSON.parse(row.body));
    return { classId, ...body, presenting: row.presenting, updatedAt: row.updated_at };
  }

  put(classId: string, plan: PlanInput, presenting: number | null, at: number): void {
    this.db
      .prepare(
        `INSERT INTO discussion_plans (class_id, body, presenting, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (class_id) DO UPDATE SET body = excluded.body, presenting = excluded.presenting,
           updated_at = excluded.updated_at`,
      )
      .run(classId, JSON.stringify({ steps: plan.steps, links: plan.links }), presenting, at);
  }

  follow(classId: string): FollowTarget | null {
    const row = this.db.prepare('SELECT target FROM discussion_follow WHERE class_id = ?').get(classId) as
      { target: string } | undefined;
    return row ? FollowTargetSchema.parse(JSON.parse(row.target)) : null;
  }

  setFollow(classId: string, target: FollowTarget | null): void {
    if (!target) {
      this.db.prepare('DELETE FROM discussion_follow WHERE class_id = ?').run(classId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO discussion_follow (class_id, target) VALUES (?, ?)
         ON CONFLICT (class_id) DO UPDATE SET target = excluded.target`,
      )
      .run(classId, JSON.stringify(target));
  }
}
