import type Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../database.js';
import { describePostgres, freshDatabaseUrl, openMirrored } from '../../test/postgres.js';
import type { PostgresMirror } from './postgresMirror.js';

const V1 = `
  CREATE TABLE parents (parent_id TEXT PRIMARY KEY, name TEXT NOT NULL, score REAL, raw BLOB);
  CREATE TABLE children (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id TEXT NOT NULL REFERENCES parents(parent_id) ON DELETE CASCADE,
    label     TEXT NOT NULL
  );
  CREATE INDEX children_by_parent ON children(parent_id, seq);
`;
const V2 = `
  ALTER TABLE parents ADD COLUMN shout TEXT;
  UPDATE parents SET shout = upper(name);
`;
/** The children's AUTOINCREMENT dropped by rebuilding the table, as the board store's third migration does. */
const V2_PLAIN_ROWID = `
  CREATE TABLE children_rebuilt (
    seq       INTEGER PRIMARY KEY,
    parent_id TEXT NOT NULL REFERENCES parents(parent_id) ON DELETE CASCADE,
    label     TEXT NOT NULL
  );
  INSERT INTO children_rebuilt SELECT seq, parent_id, label FROM children;
  DROP TABLE children;
  ALTER TABLE children_rebuilt RENAME TO children;
  CREATE INDEX children_by_parent ON children(parent_id, seq);
`;

const mirrors: PostgresMirror[] = [];
afterEach(async () => {
  for (const m of mirrors.splice(0)) {
    await m.close();
    if (m.db.open) m.db.close();
  }
});

async function open(url: string, migrations: string[]) {
  const { mirror } = await openMirrored(url, (db) => migrate(db, 'test', migrations));
  mirrors.push(mirror);
  return mirror;
}

/** Flushes, drops the working set and loads a new one from PostgreSQL alone. */
async function reopen(mirror: PostgresMirror, url: string, migrations: string[]) {
  await mirror.close();
  mirror.db.close();
  return open(url, migrations);
}

const dump = (db: Database.Database) => ({
  parents: db.prepare('SELECT rowid, * FROM parents ORDER BY rowid').all(),
  children: db.prepare('SELECT rowid, * FROM children ORDER BY rowid').all(),
  sequence: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'children'").get(),
});

describePostgres('PostgresMirror', () => {
  it('keeps every row exactly: inserts, updates, REPLACE, cascaded deletes and AUTOINCREMENT counters', async () => {
    const url = await freshDatabaseUrl();
    let mirror = await open(url, [V1]);
    const db = mirror.db;
    const parent = db.prepare(
      'INSERT OR REPLACE INTO parents (parent_id, name, score, raw) VALUES (?, ?, ?, ?)',
    );
    const child = db.prepare('INSERT INTO children (parent_id, label) VALUES (?, ?)');
    db.transaction(() => {
      parent.run('p1', 'ada', 1.5, Buffer.from([0, 255, 7]));
      parent.run('p2', 'bob', null, null);
      parent.run('p3', 'cy', 3, null);
      for (let i = 0; i < 5; i++) child.run(i % 2 ? 'p1' : 'p2', `c${i}`);
    })();
    await mirror.flushed();
    parent.run('p1', 'ada lovelace', 2.25, Buffer.from([1])); // REPLACE: a delete and an insert, new rowid
    db.prepare("UPDATE children SET label = 'renamed' WHERE label = 'c0'").run();
    db.prepare("DELETE FROM parents WHERE parent_id = 'p2'").run(); // cascades to its children
    child.run('p3', 'last'); // the highest seq…
    db.prepare("DELETE FROM children WHERE label = 'last'").run(); // …deleted: it must not be reused
    const before = dump(db);

    mirror = await reopen(mirror, url, [V1]);
    expect(dump(mirror.db)).toEqual(before);
    const seq = Number(
      mirror.db.prepare("INSERT INTO children (parent_id, label) VALUES ('p3', 'after')").run()
        .lastInsertRowid,
    );
    expect(seq).toBeGreaterThan((before.sequence as { seq: number }).seq);
  });

  it('runs a new migration on the loaded data, and PostgreSQL keeps the migrated rows', async () => {
    const url = await freshDatabaseUrl();
    let mirror = await open(url, [V1]);
    mirror.db.prepare("INSERT INTO parents (parent_id, name) VALUES ('p1', 'ada')").run();
    mirror = await reopen(mirror, url, [V1, V2]);
    expect(mirror.db.prepare('SELECT shout FROM parents').all()).toEqual([{ shout: 'ADA' }]);
    mirror.db.prepare("INSERT INTO parents (parent_id, name, shout) VALUES ('p2', 'bob', 'hey')").run();
    mirror = await reopen(mirror, url, [V1, V2]);
    expect(mirror.db.prepare('SELECT parent_id, shout FROM parents ORDER BY parent_id').all()).toEqual([
      { parent_id: 'p1', shout: 'ADA' },
      { parent_id: 'p2', shout: 'hey' },
    ]);
    // An older Conjecture refuses data its migrations do not know, as on SQLite.
    await mirror.close();
    mirror.db.close();
    await expect(open(url, [V1])).rejects.toThrow(/newer Conjecture/);
  });

  it('upgrades a table that loses its AUTOINCREMENT: rows kept, its stale counter forgotten, starts after', async () => {
    const url = await freshDatabaseUrl();
    let mirror = await open(url, [V1]);
    mirror.db.prepare("INSERT INTO parents (parent_id, name) VALUES ('p1', 'ada')").run();
    const child = "INSERT INTO children (parent_id, label) VALUES ('p1', ?)";
    for (const label of ['a', 'b', 'c']) mirror.db.prepare(child).run(label);
    const children = (m: PostgresMirror) =>
      m.db.prepare('SELECT seq, label FROM children ORDER BY seq').all();
    const before = children(mirror);

    mirror = await reopen(mirror, url, [V1, V2_PLAIN_ROWID]);
    expect(children(mirror)).toEqual(before);
    mirror.db.prepare(child).run('d');
    // A second start loads the upgraded working set (this failed while PostgreSQL still held the old counter).
    mirror = await reopen(mirror, url, [V1, V2_PLAIN_ROWID]);
    expect(children(mirror).map((c) => (c as { label: string }).label)).toEqual(['a', 'b', 'c', 'd']);
    const seq = Number(mirror.db.prepare(child).run('e').lastInsertRowid);
    expect(seq).toBeGreaterThan(
      Math.max(
        ...children(mirror)
          .slice(0, -1)
          .map((c) => (c as { seq: number }).seq),
      ),
    );
  });
});
