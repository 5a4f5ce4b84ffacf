/** The parts of a record the selection reads; everything else is kept as it is. */
interface BoardRecord {
  id: string;
  typeName: string;
  [key: string]: unknown;
}

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

const isShape = (r: BoardRecord) => r.typeName === 'shape';
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** A top-level shape's box on the page: its position and, where its props say, its size (else a point). */
function box(shape: BoardRecord): Region {
  const props = (shape.props ?? {}) as Record<string, unknown>;
  return { x: num(shape.x, 0), y: num(shape.y, 0), w: num(props.w, 0), h: num(props.h, 0) };
}

const intersects = (a: Region, b: Region) =>
  a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;

/**
 * The records a snapshot keeps: every shape (the whole board, or the top-level shapes whose box meets
 * `region`, with everything nested in them), the bindings whose both ends are kept, and the assets kept
 * shapes show. Pages, cameras, presence and the document are the board's, not the snapshot's.
 */
export function snapshotRecords<R extends BoardRecord>(records: readonly R[], region: Region | null): R[] {
  const shapes = records.filter(isShape);
  const kept = new Set<string>();
  const parentOf = (s: BoardRecord) => (typeof s.parentId === 'string' ? s.parentId : '');
  for (const s of shapes) {
    const topLevel = !parentOf(s).startsWith('shape:');
    if (topLevel && (region === null || intersects(box(s), region))) kept.add(s.id);
  }
  // Children follow their parents (a frame's contents, a group's members), however deep.
  for (let grew = true; grew;) {
    grew = false;
    for (const s of shapes)
      if (!kept.has(s.id) && kept.has(parentOf(s))) {
        kept.add(s.id);
        grew = true;
      }
  }
  const assets = new Set<string>();
  for (const s of shapes) {
    const assetId = (s.props as Record<string, unknown> | undefined)?.assetId;
    if (kept.has(s.id) && typeof assetId === 'string') assets.add(assetId);
  }
  return records.filter(
    (r) =>
      kept.has(r.id) ||
      (r.typeName === 'asset' && assets.has(r.id)) ||
      (r.typeName === 'binding' && kept.has(String(r.fromId)) && kept.has(String(r.toId))),
  );
}
