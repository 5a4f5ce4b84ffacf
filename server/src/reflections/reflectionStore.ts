import type Database from 'better-sqlite3';
import type { Reflection } from '@conjecture/shared';
import { migrate } from '../storage/database.js';

const MIGRATIONS = [
  `
  CREATE TABLE reflections (
    class_id    TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    student_id  TEXT NOT NULL REFERENCES students(student_id) ON DELETE CASCADE,
    worked      TEXT NOT NULL,
    change_text TEXT NOT NULL,
    next_step   TEXT NOT NULL,
    confidence  TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (class_id, student_id)
  );
  `,
];

interface Row {
  class_id: string;
  student_id: string;
  worked: string;
  change_text: string;
  next_step: string;
  confidence: Reflection['confidence'];
  created_at: number;
  updated_at: number;
}

const toReflection = (r: Row): Reflection => ({
  classId: r.class_id,
  studentId: r.student_id,
  worked: r.worked,
  change: r.change_text,
  nextStep: r.next_step,
  confidence: r.confidence,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One reflection per student and class, rewritten while the reflection is open; it goes with the class. */
export class ReflectionStore {
  constructor(private readonly db: Database.Database) {
    migrate(db, 'reflections', MIGRATIONS);
  }

  put(r: Reflection): void {
    this.db
      .prepare(
        `INSERT INTO reflections (class_id, student_id, worked, change_text, next_step, confidence, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (class_id, student_id) DO UPDATE SET worked = excluded.worked,
           change_text = excluded.change_text, next_step = excluded.next_step,
           confidence = excluded.confidence, updated_at = excluded.updated_at`,
      )
      .run(r.classId, r.studentId, r.worked, r.change, r.nextStep, r.confidence, r.createdAt, r.updatedAt);
  }

  get(classId: string, studentId: string): Reflection | undefined {
    const row = this.db
      .prepare('SELECT * FROM reflections WHERE class_id = ? AND student_id = ?')
      .get(classId, studentId) as Row | undefined;
    return row && toReflection(row);
  }

  ofClass(classId: string): Reflection[] {
    const rows = this.db
      .prepare('SELECT * FROM reflections WHERE class_id = ? ORDER BY created_at, student_id')
      .all(classId) as Row[];
    return rows.map(toReflection);
  }
}
