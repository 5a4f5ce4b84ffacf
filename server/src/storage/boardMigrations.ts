/** The board store's SQLite schema, one migration per step (see `migrate`); never edit a shipped one. */
export const BOARD_MIGRATIONS = [
  `
    CREATE TABLE boards (
      board_id   TEXT PRIMARY KEY,
      title      TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE board_updates (
      seq          INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id     TEXT NOT NULL REFERENCES boards(board_id) ON DELETE CASCADE,
      update_bytes BLOB NOT NULL,
      author       TEXT NOT NULL,
      at           INTEGER NOT NULL
    );
    CREATE INDEX board_updates_by_board ON board_updates(board_id, seq);
    CREATE TABLE board_snapshots (
      board_id  TEXT NOT NULL REFERENCES boards(board_id) ON DELETE CASCADE,
      up_to_seq INTEGER NOT NULL,
      state     BLOB NOT NULL,
      at        INTEGER NOT NULL,
      PRIMARY KEY (board_id, up_to_seq)
    );
    CREATE TABLE assets (
      asset_id   TEXT PRIMARY KEY,
      mime_type  TEXT NOT NULL,
      bytes      BLOB NOT NULL,
      created_at INTEGER NOT NULL
    );
  `,
  `
    ALTER TABLE assets ADD COLUMN owner TEXT;
    ALTER TABLE assets ADD COLUMN board_id TEXT;
    CREATE INDEX assets_by_owner ON assets(owner);
  `,
  // The log's sequence numbers come from the rowid (largest + 1) instead of AUTOINCREMENT, whose counter in
  // sqlite_sequence was one more page written in every commit (a one-row commit: 19.4 → 12.8 µs in a scratch
  // microbenchmark). Numbers still only grow within a board: its rows stay until the board itself is
  // deleted, and board ids are never reused. SQLite cannot drop AUTOINCREMENT in place: the table is rebuilt.
  `
    CREATE TABLE board_updates_rebuilt (
      seq          INTEGER PRIMARY KEY,
      board_id     TEXT NOT NULL REFERENCES boards(board_id) ON DELETE CASCADE,
      update_bytes BLOB NOT NULL,
      author       TEXT NOT NULL,
      at           INTEGER NOT NULL
    );
    INSERT INTO board_updates_rebuilt (seq, board_id, update_bytes, author, at)
      SELECT seq, board_id, update_bytes, author, at FROM board_updates ORDER BY seq;
    DROP TABLE board_updates;
    ALTER TABLE board_updates_rebuilt RENAME TO board_updates;
    CREATE INDEX board_updates_by_board ON board_updates(board_id, seq);
  `,
];
