import type { SerializedSchema } from '@tldraw/store';
import type { TLRecord } from '@tldraw/tlschema';
import { createBoardSchema } from './boardSchema.js';

/**
 * Helpers for testing our shapes' schemas: a full shape record around some props, the board schema's
 * verdict on it, and a migration round trip from the version before a shape's first migration.
 */
export function shapeRecord(type: string, props: unknown, id = 'shape:test'): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  };
}

const schema = createBoardSchema();
const shapeType = schema.types.shape as { validate(record: unknown): TLRecord };

/** null if the board schema accepts the record, else its error message. */
export function shapeError(type: string, props: unknown): string | null {
  try {
    shapeType.validate(shapeRecord(type, props));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Migrates a record up from the schema as it was before the shape's sequence had any migration (version 0),
 * then back down, as a client on an older build would see it. Returns both results.
 */
export function migrationRoundTrip(sequenceId: string, record: Record<string, unknown>) {
  const current = schema.serialize();
  const sequences = current.sequences as Record<string, number>;
  if (!(sequenceId in sequences)) throw new Error(`${sequenceId} is not in the board schema`);
  const older: SerializedSchema = { ...current, sequences: { ...sequences, [sequenceId]: 0 } };
  const up = schema.migratePersistedRecord(record as unknown as TLRecord, older, 'up');
  if (up.type !== 'success') throw new Error(`up: ${up.reason}`);
  const down = schema.migratePersistedRecord(up.value, older, 'down');
  if (down.type !== 'success') throw new Error(`down: ${down.reason}`);
  return { up: up.value, down: down.value, currentVersion: sequences[sequenceId] ?? 0 };
}
