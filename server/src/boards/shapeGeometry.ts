import { defaultShapeSchemas } from '@tldraw/tlschema';

/**
 * tldraw works out a shape's outline from its numbers, and the work grows with them: an ellipse or a bent
 * arrow gets a vertex every 20 px of its length, a cloud a bump every 50–130 px of its perimeter — or every
 * `min(w, h)` px, so a thin cloud gets one per pixel. Its validators take any finite number, so one record
 * of a few bytes (a cloud 100,000 × 1, an ellipse 10 million px across, an arrow bent by 10 million) kept
 * every browser holding the board busy for seconds or stopped it answering. These bounds sit far above what
 * a hand draws; our own shapes bound their props in their validators.
 */
export const MAX_SHAPE_EXTENT = 100_000;
/** A cloud's bumps: one of 300 × 180 has ~15; one 10,000 px square at the smallest size ~630. */
export const MAX_CLOUD_BUMPS = 2_000;

const STOCK_SHAPE_TYPES: ReadonlySet<string> = new Set(Object.keys(defaultShapeSchemas));
/** Props whose numbers are not sizes and are bounded elsewhere (text and strokes, by their length). */
const UNMEASURED_PROPS = new Set(['richText', 'segments']);
/** Deep enough for a line's points (`points.<id>.x`) and an image's crop (`crop.topLeft.x`). */
const MAX_PROP_DEPTH = 3;

/** Why a shape is refused for the outline every classmate's browser would have to work out, or null. */
export function geometryRefusal(key: string, value: unknown): string | null {
  const stock = stockShape(value);
  if (stock === null) return null;
  const { type, props } = stock;
  const far = firstNumberBeyond(props, 'props', 0);
  if (far !== null) return `${key}: ${far} is beyond ±${MAX_SHAPE_EXTENT}`;
  if (type === 'geo') {
    const bumps = cloudBumps(props);
    if (bumps > MAX_CLOUD_BUMPS) return `${key}: a cloud of ${bumps} bumps (at most ${MAX_CLOUD_BUMPS})`;
  }
  return null;
}

/** A shape of one of tldraw's own types, with its props; null for anything else. */
function stockShape(value: unknown): { type: string; props: Record<string, unknown> } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { typeName, type, props } = value as { typeName?: unknown; type?: unknown; props?: unknown };
  if (typeName !== 'shape' || typeof type !== 'string' || !STOCK_SHAPE_TYPES.has(type)) return null;
  if (typeof props !== 'object' || props === null) return null;
  return { type, props: props as Record<string, unknown> };
}

/**
 * The path of the first number in `node` beyond MAX_SHAPE_EXTENT, or null. This runs on every shape written:
 * it walks the keys without building `[key, value]` pairs and spells a path only for the number it finds.
 */
function firstNumberBeyond(node: Record<string, unknown>, path: string, depth: number): string | null {
  for (const name of Object.keys(node)) {
    if (depth === 0 && UNMEASURED_PROPS.has(name)) continue;
    const v = node[name];
    if (typeof v === 'number' && Math.abs(v) > MAX_SHAPE_EXTENT) return `${path}.${name}`;
    if (typeof v === 'object' && v !== null && depth < MAX_PROP_DEPTH) {
      const found = firstNumberBeyond(v as Record<string, unknown>, name, depth + 1);
      if (found !== null) return `${path}.${found}`;
    }
  }
  return null;
}

/** tldraw's bump spacing per stroke size (`getCloudPath`, tldraw 5.4). */
const BUMP_SPACING: Record<string, number> = { s: 50, m: 70, l: 100, xl: 130 };

/** How many bumps tldraw draws for a geo shape if it is a cloud (0 otherwise): its own formula. */
export function cloudBumps(props: Record<string, unknown>): number {
  const { geo, w, h, growY, size } = props;
  if (geo !== 'cloud' || typeof w !== 'number' || typeof h !== 'number') return 0;
  const width = Math.max(1, w);
  const height = Math.max(1, h + (typeof growY === 'number' ? growY : 0));
  const [short, long] = width < height ? [width, height] : [height, width];
  const perimeter = (Math.PI * (short / 2) + (long - short)) * 2;
  const spacing = BUMP_SPACING[String(size)] ?? BUMP_SPACING.s!;
  return Math.max(Math.ceil(perimeter / spacing), 6, Math.ceil(perimeter / short));
}

/**
 * Per ordinary shape, what makes a record weigh one more: measured in Chromium (bench of 500 shapes on a
 * board), an ordinary labelled shape costs a loading browser ~5 ms, a cloud's bump ~30 µs and 20 px of a
 * curved outline ~0.7 µs — so ~160 bumps or ~150,000 px of outline cost what a shape does. Rounded down.
 */
const BUMPS_PER_SHAPE = 100;
const OUTLINE_PX_PER_SHAPE = 100_000;
/** A stroke's encoded points (~8 characters each): 100 strokes of 18,000 points opened 2.1 s slower. */
const STROKE_CHARS_PER_SHAPE = 32_000;

/**
 * What a record costs every browser that loads the board, in ordinary shapes: 1, and more for a stock shape
 * with a long outline (a cloud of many bumps, a huge ellipse, a long bent arrow) or a stroke of many points.
 * Within the bounds above, 500 of the heaviest would have made a board open seven times slower than 500
 * ordinary ones; the creation budget counts this weight, so a script cannot fill a board with them.
 */
export function drawingWeight(value: unknown): number {
  const stock = stockShape(value);
  if (stock === null) return 1;
  const { type, props } = stock;
  const bumps = type === 'geo' ? cloudBumps(props) : 0;
  return (
    1 +
    Math.floor(bumps / BUMPS_PER_SHAPE) +
    Math.floor(outlineLength(type, props) / OUTLINE_PX_PER_SHAPE) +
    Math.floor(strokeChars(props) / STROKE_CHARS_PER_SHAPE)
  );
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Roughly how long a shape's outline is: its box's perimeter, or an arrow's span and bend. */
function outlineLength(type: string, props: Record<string, unknown>): number {
  if (type === 'arrow') {
    const start = (props.start ?? {}) as { x?: unknown; y?: unknown };
    const end = (props.end ?? {}) as { x?: unknown; y?: unknown };
    return Math.hypot(num(end.x) - num(start.x), num(end.y) - num(start.y)) + 2 * Math.abs(num(props.bend));
  }
  return 2 * Math.abs(num(props.w) + num(props.h) + num(props.growY));
}

/** The length of a draw or highlight shape's encoded points (0 for other shapes). */
export function strokeChars(props: Record<string, unknown>): number {
  if (!Array.isArray(props.segments)) return 0;
  let chars = 0;
  for (const segment of props.segments as Array<{ path?: unknown } | null>) {
    if (typeof segment?.path === 'string') chars += segment.path.length;
  }
  return chars;
}
