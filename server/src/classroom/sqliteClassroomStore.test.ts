import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { classroomStoreContract } from './classroomStore.contract.js';
import { SqliteClassroomStore } from './sqliteClassroomStore.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-classroom-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

classroomStoreContract('SqliteClassroomStore in memory', {
  open: () => new SqliteClassroomStore(openDatabase(':memory:')),
  reopen: null,
});

/** On a file: what was written must be there after the database is closed and opened again. */
const files = new WeakMap<object, { file: string; close: () => void }>();
classroomStoreContract('SqliteClassroomStore on disk', {
  open: () => {
    const file = path.join(dir, `classroom-${n++}.sqlite`);
    const db = openDatabase(file);
    const store = new SqliteClassroomStore(db);
    files.set(store, { file, close: () => db.close() });
    return store;
  },
  reopen: (store) => {
    const { file, close } = files.get(store)!;
    close();
    const db = openDatabase(file);
    const again = new SqliteClassroomStore(db);
    files.set(again, { file, close: () => db.close() });
    return again;
  },
});
