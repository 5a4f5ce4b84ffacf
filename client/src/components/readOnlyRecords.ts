import type { TLRecord } from 'tldraw';

/** The record types a read-only rendering needs: shapes, their bindings and the assets they show. */
const RENDERED = new Set(['shape', 'binding', 'asset']);

/**
 * A board's records as a read-only editor of its own holds them (snapshots, replay): only what draws, with
 * top-level shapes moved onto the editor's own page.
 */
export function editorRecords(
  records: Iterable<{ id: string; typeName: string; parentId?: unknown }>,
  pageId: string,
): TLRecord[] {
  const out: TLRecord[] = [];
  for (const r of records) {
    if (!RENDERED.has(r.typeName)) continue;
    out.push(
      (r.typeName === 'shape' && String(r.parentId ?? '').startsWith('page:')
        ? { ...r, parentId: pageId }
        : r) as unknown as TLRecord,
    );
  }
  return out;
}

export const isRendered = (typeName: string) => RENDERED.has(typeName);
