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
    records: z
      .array(z.looseObject({ id: RecordIdSchema, typeName: z.string().min(1).max(64) }))
      .max(MAX_TLDR_RECORDS),
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
