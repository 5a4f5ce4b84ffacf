import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID } from '@tldraw/tlschema';
import { BOARD_PAGE_ID, createBoardSchema } from '@conjecture/shared/board/index';
import type { TLPageId, TLRecord } from '@tldraw/tlschema';
import type { SerializedSchema } from '@tldraw/store';

/** The record schema the server validates every client write against: tldraw's and ours, as the client builds it. */
export const boardSchema = createBoardSchema();

export const SERIALIZED_BOARD_SCHEMA: SerializedSchema = boardSchema.serialize();
/** As JSON, so every seeded board gets its own copy of a plain object. */
export const SERVER_BOARD_SCHEMA_JSON = JSON.stringify(SERIALIZED_BOARD_SCHEMA);

/** Only document-scoped records belong in a board; session and presence records travel over awareness. */
export function isDocumentRecordType(typeName: string): boolean {
  const type = (boardSchema.types as Record<string, { scope: string } | undefined>)[typeName];
  return type?.scope === 'document';
}

/**
 * Validates a record a client wrote. Returns an error message, or null if the record is one tldraw accepts.
 * `before` is the previous value, so validators that depend on it (e.g. immutable fields) can run.
 */
export function recordError(key: string, value: unknown, before?: TLRecord): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${key}: not a record`;
  const rec = value as { id?: unknown; typeName?: unknown };
  if (rec.id !== key) return `${key}: id ${JSON.stringify(rec.id)} does not match its key`;
  if (typeof rec.typeName !== 'string' || !isDocumentRecordType(rec.typeName)) {
    return `${key}: ${JSON.stringify(rec.typeName)} is not a document record type`;
  }
  const type = (boardSchema.types as Record<string, { validate(r: unknown, b?: TLRecord): TLRecord }>)[
    rec.typeName
  ];
  try {
    type?.validate(value, before);
    return null;
  } catch (err) {
    return `${key}: ${(err as Error).message}`;
  }
}

/**
 * What every new board starts with. The server seeds it at creation, so no client ever has to guess
 * whether an empty-looking document needs default content (and so never overwrites a board it hasn't loaded).
 */
export function initialBoardRecords(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: BOARD_PAGE_ID as TLPageId, name: 'Page 1', index: 'a1' as never }),
  ];
}

/** Records that must always exist: tldraw opens no board without its document, and a board is one page. */
export const PROTECTED_RECORD_IDS: ReadonlySet<string> = new Set([TLDOCUMENT_ID, BOARD_PAGE_ID]);
