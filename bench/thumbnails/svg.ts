/**
 * bench/thumbnails/svg — the cost of keeping a dashboard thumbnail as SVG from records
 * (shared/src/board/boardThumbnail.ts),
 * no tldraw editor: one shape moved per edit on a board of `--shapes`, the thumbnail's incremental update and
 * `toSvg()`, beside rebuilding the whole SVG from the records for each edit (the same renderer without its
 * cache), interleaved. Node, so a floor for a browser's cost; the dashboard itself is not measured here.
 *
 *   pnpm --filter @conjecture/bench thumbnails-svg [--shapes=200] [--edits=2000]
 */
import { BoardThumbnail, type ThumbnailRecord } from '../../shared/src/board/boardThumbnail.js';
import { boardShapes } from '../browser/records.js';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const SHAPES = arg('shapes', 200);
const EDITS = arg('edits', 2000);

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? NaN;

const records = boardShapes(SHAPES) as unknown as ThumbnailRecord[];
const thumb = new BoardThumbnail(records);
let start = performance.now();
const firstSvg = thumb.toSvg();
const firstMs = performance.now() - start;

const incremental: number[] = [];
const rebuild: number[] = [];
let sink = 0;
for (let i = 0; i < EDITS; i++) {
  const k = i % records.length;
  const moved = { ...records[k]!, x: (records[k]!.x ?? 0) + 1 };
  records[k] = moved;
  start = performance.now();
  thumb.apply(new Map([[moved.id, { action: 'update' as const, newValue: moved }]]));
  sink += thumb.toSvg().length;
  incremental.push(performance.now() - start);
  start = performance.now();
  sink += new BoardThumbnail(records).toSvg().length;
  rebuild.push(performance.now() - start);
}
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
console.log(
  `${SHAPES} shapes (geo, text, note), first SVG ${firstMs.toFixed(1)} ms, ${firstSvg.length} bytes; ${EDITS} edits of one shape`,
);
console.log('| per edit | p50 | p95 |');
console.log('|:---|---:|---:|');
console.log(
  `| incremental (cached shapes) | ${us(percentile(incremental, 0.5))} | ${us(percentile(incremental, 0.95))} |`,
);
console.log(
  `| full rebuild from records (baseline) | ${us(percentile(rebuild, 0.5))} | ${us(percentile(rebuild, 0.95))} |`,
);
console.log(
  `ratio p50 ${(percentile(incremental, 0.5) / percentile(rebuild, 0.5)).toFixed(2)}× (sink ${sink % 7})`,
);
