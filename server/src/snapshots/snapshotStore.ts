import type Database from 'better-sqlite3';
import type { Snapshot } from '@conjecture/shared';
import { migrate } from '../storage/database.js';

const MIGRATIONS = [
  `
  CREATE TABLE snapshots (
    snapshot_id TEXT PRIMARY KEY,
    class_id    TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    group_id    TEXT NOT NULL,
    group_name  TEXT NOT NULL,
    board_id    TEXT NOT NULL,
    title       TEXT NOT NULL,
    region      TEXT,
    records     TEXT NOT NULL,
    shape_count INTEGER NOT NULL,
    taken_at    INTEGER NOT NULL
  );
  CREATE INDEX snapshots_by_class ON snapshots (class_id, taken_at);
  `,
  // The snapshot's rendered image (SVG from its records), written with it.
  `ALTER TABLE snapshots ADD COLUMN image_svg TEXT;`,
];

interface Row {
  snapshot_id: string;
  group_id: string;
  group_name: string;
  board_id: string;
  title: string;
  region: string | null;
  records?: string;
  shape_count: number;
  taken_at: number;
}

const SUMMARY = 'snapshot_id, group_id, group_name, board_id, title, region, shape_count, taken_at';

/**
 * Snapshots, written once and never updated: there is no UPDATE here. A snapshot goes with its class (the
 * foreign key), not with its group or board, so a gallery outlives a regrouping.
 */
export class SnapshotStore {
  constructor(private readonly db: Database.Database) {
    migrate(db, 'snapshots', MIGRATIONS);
  }

  add(classId: string, s: Snapshot, imageSvg: string): void {
    this.db
      .prepare(
        `INSERT INTO snapshots (snapshot_id, class_id, group_id, group_name, board_id, title, region, records,
           shape_count, taken_at, image_svg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.snapshotId,
        classId,
        s.groupId,
        s.groupName,
        s.boardId,
        s.title,
        s.region ? JSON.stringify(s.region) : null,
        JSON.stringify(s.records),
        s.shapeCount,
        s.takenAt,
        imageSvg,
      );
  }

  list(classId: string): Omit<Snapshot, 'records'>[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY} FROM snapshots WHERE class_id = ? ORDER BY taken_at, snapshot_id`)
      .all(classId) as Row[];
    return rows.map(toSummary);
  }

  get(classId: string, snapshotId: string): Snapshot | undefined {
    const row = this.db
      .prepare(`SELECT ${SUMMARY}, records FROM snapshots WHERE class_id = ? AND snapshot_id = ?`)
      .get(classId, snapshotId) as Row | undefined;
    return row && { ...toSummary(row), records: JSON.parse(row.records ?? '[]') as Snapshot['records'] };
  }

  image(classId: string, snapshotId: string): StoredImage | undefined {
    const row = this.db
      .prepare('SELECT image_svg, records FROM snapshots WHERE class_id = ? AND snapshot_id = ?')
      .get(classId, snapshotId) as { image_svg: string | null; records: string } | undefined;
    return row && { svg: row.image_svg, records: JSON.parse(row.records) as Snapshot['records'] };
  }
}

/** A snapshot's stored image; null for one taken before images were stored (the caller renders it). */
export type StoredImage = { svg: string | null; records: Snapshot['records'] };

const toSummary = (r: Row): Omit<Snapshot, 'records'> => ({
  snapshotId: r.snapshot_id,
  groupId: r.group_id,
  groupName: r.group_name,
  boardId: r.board_id,
  title: r.title,
  region: r.region ? (JSON.parse(r.region) as Snapshot['region']) : null,
  shapeCount: r.shape_count,
  takenAt: r.taken_at,
});
