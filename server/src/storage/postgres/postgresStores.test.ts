import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { SqliteClassroomStore } from '../../classroom/sqliteClassroomStore.js';
import { classroomStoreContract } from '../../classroom/classroomStore.contract.js';
import { SqliteDiagnosticStore } from '../../diagnostics/diagnosticStore.js';
import { diagnosticStoreContract } from '../../diagnostics/diagnosticStore.contract.js';
import { SqliteTagStore } from '../../tagging/tagStore.js';
import { tagStoreContract } from '../../tagging/tagStore.contract.js';
import { describePostgres, freshDatabaseUrl, openMirrored } from '../../test/postgres.js';
import { boardStoreContract } from '../boardStore.contract.js';
import { SqliteStore } from '../sqliteStore.js';
import type { PostgresMirror } from './postgresMirror.js';

/** Every store on one working set, as the server opens them. */
const makeStores = (db: Database.Database) => {
  const boards = new SqliteStore(db);
  const classroom = new SqliteClassroomStore(db);
  return { boards, classroom, tags: new SqliteTagStore(db), diagnostics: new SqliteDiagnosticStore(db) };
};
type Stores = ReturnType<typeof makeStores>;

interface Opened {
  url: string;
  mirror: PostgresMirror;
  stores: Stores;
}
// The contracts open stores synchronously: each test's database is made (and loaded) before it runs.
let current: Opened;
const opened: Opened[] = [];
const open = async (url: string) => {
  const o = { url, ...(await openMirrored(url, makeStores)) };
  opened.push(o);
  current = o;
  return o;
};
/** Flushes to PostgreSQL, drops the working set, and loads a new one from PostgreSQL alone. */
const reopen = async () => {
  await current.mirror.close();
  current.stores.boards.close();
  return (await open(current.url)).stores;
};

describePostgres('the stores on PostgreSQL', () => {
  beforeEach(async () => {
    await open(await freshDatabaseUrl());
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.mirror.close();
      if (o.mirror.db.open) o.mirror.db.close();
    }
  });

  boardStoreContract(
    'SqliteStore on PostgreSQL',
    () => current.stores.boards,
    async () => (await reopen()).boards,
  );
  classroomStoreContract('SqliteClassroomStore on PostgreSQL', {
    open: () => current.stores.classroom,
    reopen: async () => (await reopen()).classroom,
  });
  tagStoreContract('SqliteTagStore on PostgreSQL', {
    open: () => ({ ...current.stores, close: () => current.mirror.db.close() }),
  });
  diagnosticStoreContract('SqliteDiagnosticStore on PostgreSQL', {
    open: () => ({ ...current.stores, close: () => current.mirror.db.close() }),
  });
});
