import type { Result, TldrFile, TldrImportResult } from '@conjecture/shared';
import { fail, ok, TLDR_FILE_FORMAT_VERSION, YDOC_META } from '@conjecture/shared';
import { boardSvg, layOutBoard, SERVER_ONLY_RECORD_TYPES } from '@conjecture/shared/board/index';
import type { SerializedSchema, StoreSnapshot } from '@tldraw/store';
import type { TLRecord } from '@tldraw/tlschema';
import type { BoardRooms } from '../boards/boardRooms.js';
import { KeyedBudget } from '../boards/keyedBudget.js';
import { boardSchema, isDocumentRecordType, SERIALIZED_BOARD_SCHEMA } from '../boards/boardSchema.js';
import { labelIsCurrent, recordWriteRefusal } from '../boards/writePolicy.js';
import { isGated } from '../boards/boardRecords.js';
import { boardWriteRefusal } from '../classroom/serverWrites.js';
import { readBoard, type BoardRecord } from './lessonData.js';
import { writeAsUser, type BoardWriter } from './writeAsUser.js';

/** At most this many refused records are named in a 400's issues (a whole bad file would be thousands). */
const MAX_ISSUES = 20;
/**
 * Imports one writer may make into one board: a few at once, then one every IMPORT_EVERY_SECONDS. Each is
 * written against a copy of the whole board (see writeAsUser), so a loop of small files must not cost the
 * server a board's worth each, as fast as it can send them.
 */
const IMPORT_BURST = 5;
export const IMPORT_EVERY_SECONDS = 10;

/**
 * Boards as portable `.tldr` files. Export: every record of the board as the server holds it, under the
 * schema label the records were written with. Import: the file's records are migrated to this server's
 * schema and written into the board as the importer's own update (`writeAsUser`), so it meets every rule a
 * write from their connection meets: a file with an invalid record is refused whole (400 naming the records,
 * nothing written), and what the board refuses over the whole (a wipe of others' work, a flood, a loop of
 * parents) is taken back by the room and answered as an error; records
 * the importer may not write in any case — the server's locked records (task card, template, question
 * cards), server-only records (critique threads), another user's `user:` record — are left out and listed.
 * Records the file does not have stay as they are.
 */
export class BoardFiles {
  private readonly imports: KeyedBudget;

  constructor(
    private readonly rooms: BoardRooms,
    now: () => number,
  ) {
    this.imports = new KeyedBudget(1 / IMPORT_EVERY_SECONDS, IMPORT_BURST, now);
  }

  export(boardId: string): TldrFile {
    const { records } = readBoard(this.rooms, boardId);
    const label = this.rooms.transact(boardId, (room) => room.records.meta.get(YDOC_META.schema));
    return tldrFileOf(records, labelIsCurrent(label) ? label : SERIALIZED_BOARD_SCHEMA);
  }

  /** The board drawn from its records (the thumbnails' style) as a standalone SVG document. */
  svg(boardId: string): string {
    return boardSvg(layOutBoard(readBoard(this.rooms, boardId).records));
  }

  import(boardId: string, file: TldrFile, writer: BoardWriter): Result<TldrImportResult> {
    const author = writer.userId;
    if (!this.imports.take(`${boardId}\u0000${author}`))
      return fail(
        'rate_limited',
        `too many imports into this board just now (one every ${IMPORT_EVERY_SECONDS} s): wait a moment`,
      );
    const migrated = migrate(file);
    if (!migrated.ok) return migrated;
    return this.rooms.transact(boardId, (room) => {
      if (!labelIsCurrent(room.records.meta.get(YDOC_META.schema)))
        return fail('conflict', 'this board was written by an older version: open it once, then import');
      const locked = room.records.lockedKeys();
      // What the teacher removed stays off: a file kept from before is no way around it (as an undo is not).
      const removedByTeacher = isGated(author) ? room.records.teacherRemovedKeys() : undefined;
      const skipped: TldrImportResult['skipped'] = [];
      const issues: { path: (string | number)[]; message: string }[] = [];
      const writes: BoardRecord[] = [];
      for (const record of migrated.value) {
        const before = room.records.get(record.id);
        const refusal = recordWriteRefusal(
          { key: record.id, before, after: record },
          { author, locked, removedByTeacher },
        );
        if (refusal === null) {
          if (JSON.stringify(before) !== JSON.stringify(record)) writes.push(record);
        } else if (notTheImportersToWrite(record, locked) || removedByTeacher?.has(record.id))
          skipped.push({ id: record.id, reason: refusal });
        else issues.push({ path: ['records', record.id], message: refusal });
      }
      if (issues.length > 0)
        return fail(
          'bad_request',
          `${issues.length} record${issues.length === 1 ? '' : 's'} of the file cannot be written to a board; nothing was imported`,
          issues.slice(0, MAX_ISSUES),
        );
      const refusal = boardWriteRefusal(room, writes, 'the imported board');
      if (refusal) return refusal;
      const written = writes.length > 0 ? writeAsUser(room, writer, writes) : ok(null);
      if (!written.ok) return written;
      return ok({ imported: migrated.value.length - skipped.length, skipped });
    });
  }
}

/** A board's records as a `.tldr` file under this server's schema (records the server holds are current). */
export function tldrFileOf(records: BoardRecord[], schema: unknown = SERIALIZED_BOARD_SCHEMA): TldrFile {
  return {
    tldrawFileFormatVersion: TLDR_FILE_FORMAT_VERSION,
    schema: schema as TldrFile['schema'],
    records,
  };
}

/** Refusals that say "not yours to write", not "this record is broken": those records are left out. */
function notTheImportersToWrite(record: BoardRecord, locked: ReadonlySet<string>): boolean {
  const fromId = (record as { fromId?: unknown }).fromId;
  return (
    locked.has(record.id) ||
    (typeof fromId === 'string' && locked.has(fromId)) ||
    SERVER_ONLY_RECORD_TYPES.has(record.typeName) ||
    record.typeName === 'user'
  );
}

/**
 * The file's document records, migrated to this server's schema. Session records a tldraw file also carries
 * (instance, camera, pointer) are not part of a board and are dropped.
 */
function migrate(file: TldrFile): Result<BoardRecord[]> {
  const unknown = file.records.find(
    (r) => !isDocumentRecordType(r.typeName) && !(r.typeName in boardSchema.types),
  );
  if (unknown) return fail('bad_request', `the file holds a record of unknown type ${unknown.typeName}`);
  // A version past ours (a newer build, or shapes this server does not know) cannot be migrated down.
  if (!boardSchema.getMigrationsSince(file.schema as unknown as SerializedSchema).ok)
    return fail(
      'bad_request',
      'the file was written by a newer version, or with shapes this board does not know',
    );
  const store = Object.fromEntries(file.records.map((r) => [r.id, r]));
  const result = boardSchema.migrateStoreSnapshot({
    schema: file.schema as unknown as SerializedSchema,
    store,
  } as unknown as StoreSnapshot<TLRecord>);
  if (result.type === 'error')
    return fail('bad_request', `the file's records cannot be read by this board (${result.reason})`);
  return ok(
    Object.values(result.value as unknown as Record<string, BoardRecord>).filter((r) =>
      isDocumentRecordType(r.typeName),
    ),
  );
}
