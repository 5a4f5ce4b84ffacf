import { openDatabase } from '../storage/database.js';
import { SqliteClassroomStore } from '../classroom/sqliteClassroomStore.js';
import { tagStoreContract } from './tagStore.contract.js';
import { SqliteTagStore } from './tagStore.js';

tagStoreContract('SqliteTagStore', {
  open: () => {
    const db = openDatabase(':memory:');
    // The classroom's tables first: tags reference its classes.
    const classroom = new SqliteClassroomStore(db);
    return { classroom, tags: new SqliteTagStore(db), close: () => db.close() };
  },
});
