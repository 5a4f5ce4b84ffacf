import { z } from 'zod';
import { lazySchema } from '../lazySchema.js';

/**
 * A portable board in tldraw's own `.tldr` file format (what tldraw's "Save a copy" writes): the format
 * version, the serialized schema the records were written with, and the records. Our math shapes ride as
 * ordinary shape records; the schema's sequences name their migrations, so an older file is migrated on
 * import like an older board.
 */
export const TLDR_FILE_FORMAT_VERSION = 1;
/** The most records one file may bring (a full lesson board holds a few thousand). */
export const MAX_TLDR_RECORDS = 20_000;
export const TLDR_MIME_TYPE = 'application/vnd.tldraw+json';

const RecordIdSchema = lazySchema(() => z.string().min(1).max(256));

/**
 * The deepest a record of a file may nest objects and arrays. A board's deepest record (rich text nested as
 * deep as the board takes, 24 nodes of an object and an array each, inside its shape's props) is about 55;
 * tldraw's migrations and the write policy walk records recursively, and a record nested 12,000 deep
 * overflowed the server's stack (a 500 and a logged error for any student's upload).
 */
export const MAX_TLDR_RECORD_DEPTH = 128;

/** How deep `value` nests objects and arrays, counted up to `limit + 1` at most, without recursion. */
export function nestingDepthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

const TldrRecordSchema = lazySchema(() =>
  z
    .looseObject({ id: RecordIdSchema, typeName: z.string().min(1).max(64) })
    .refine(
      (record) => nestingDepthOf(record, MAX_TLDR_RECORD_DEPTH) <= MAX_TLDR_RECORD_DEPTH,
      `a record nested more than ${MAX_TLDR_RECORD_DEPTH} deep is not a board's`,
    ),
);

export const TldrFileSchema = lazySchema(() =>
  z.object({
    tldrawFileFormatVersion: z
      .number()
      .int()
      .min(1)
      .max(TLDR_FILE_FORMAT_VERSION, 'a .tldr file from a newer tldraw than this server'),
    // tldraw's SerializedSchema, version 2 (tldraw 2.0 and later): a version per migration sequence.
    schema: z.looseObject({
      schemaVersion: z.literal(2, 'a .tldr file from tldraw before 2.0 (schema version 1) cannot be read'),
      sequences: z.record(z.string().max(128), z.number().int().min(0)),
    }),
    records: z.array(TldrRecordSchema).max(MAX_TLDR_RECORDS),
  }),
);
export type TldrFile = z.infer<typeof TldrFileSchema>;

/** What an import did: records written, and records left out with why (locked, the server's, not your own). */
export const TldrImportResultSchema = lazySchema(() =>
  z.object({
    imported: z.number().int(),
    skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  }),
);
export type TldrImportResult = z.infer<typeof TldrImportResultSchema>;
