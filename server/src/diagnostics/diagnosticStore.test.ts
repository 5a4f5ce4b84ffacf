import { openDatabase } from '../storage/database.js';
import { SqliteClassroomStore } from '../classroom/sqliteClassroomStore.js';
import { diagnosticStoreContract } from './diagnosticStore.contract.js';
import { SqliteDiagnosticStore } from './diagnosticStore.js';

diagnosticStoreContract('SqliteDiagnosticStore', {
  open: () => {
    const db = openDatabase(':memory:');
    // The classroom's tables first: answers reference its classes and students.
    const classroom = new SqliteClassroomStore(db);
    return { classroom, diagnostics: new SqliteDiagnosticStore(db), close: () => db.close() };
  },
});
