/**
 * bench/anticipation — the anticipation matcher on a 1,000-shape board (notes, tables, equations, number lines
 * and graphs in the proportions of a busy group board), with the default anticipations. Printed beside a
 * baseline measured in the same run: one pass that reads every record's text and representation type (what the
 * representations count already costs), so the ratio says what matching adds over merely reading the board.
 *
 *   pnpm bench:anticipation [--shapes=1000] [--rounds=200]
 */
import { DEFAULT_ANTICIPATIONS, matchBoard, prepareAnticipations } from '@conjecture/shared';
import { recordText, representationType } from '@conjecture/shared/board/index';
import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { noteShape } from '../../server/src/test/records.js';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const SHAPES = arg('shapes', 1000);
const ROUNDS = arg('rounds', 200);

const TEXTS = [
  'At Store A one pen costs $2 ÷ 3 = $0.67',
  'I think B is better because you get more pens',
  'For $1 at Store B you get 5 ÷ 3 = 1.67 pens',
  'I agree with Sam',
  'If we buy 15 pens, A costs $10 and B costs $9',
];

function board(n: number): unknown[] {
  const records: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const id = `shape:s${i}`;
    switch (i % 10) {
      case 0:
        records.push(
          shapeRecord(
            'table',
            {
              w: 288,
              h: 120,
              cells: [
                ['pens', '3', '6', '15'],
                ['$', '2', '4', '10'],
              ],
              headerRow: true,
            },
            id,
          ),
        );
        break;
      case 1:
        records.push(
          shapeRecord('equation', { w: 200, h: 64, latex: '\\frac{2}{3}\\approx 0.67', fontSize: 28 }, id),
        );
        break;
      case 2:
        records.push(
          shapeRecord(
            'coordinate-plane',
            {
              w: 360,
              h: 360,
              window: { xMin: 0, xMax: 16, yMin: 0, yMax: 12, xStep: 1, yStep: 1 },
              points: [{ id: 'p1', x: 3, y: 2, label: 'A' }],
              functions: [{ id: 'f1', text: 'y=2/3x', color: 'blue' }],
            },
            id,
          ),
        );
        break;
      case 3:
        records.push(
          shapeRecord(
            'number-line',
            {
              w: 480,
              h: 96,
              axis: { min: 0, max: 2, tickNumerator: 1, tickDenominator: 4, tickLabels: 'decimal' },
              points: [{ id: 'p1', value: 1.5, label: 'A' }],
              snapToTicks: false,
            },
            id,
          ),
        );
        break;
      default:
        records.push(noteShape(id, `${TEXTS[i % TEXTS.length]} (${i})`));
    }
  }
  return records;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function main(): void {
  const records = board(SHAPES);
  const prepared = prepareAnticipations(DEFAULT_ANTICIPATIONS);
  let sink = 0;
  const baseline = () => {
    for (const r of records) sink += (recordText(r)?.length ?? 0) + (representationType(r) ? 1 : 0);
  };
  const matcher = () => {
    sink += matchBoard(records, [], prepared).matches.length;
  };
  for (let i = 0; i < 20; i++) {
    baseline();
    matcher();
  }
  const ours: number[] = [];
  const base: number[] = [];
  // Interleaved, so the machine's other tenants weigh on both alike.
  for (let i = 0; i < ROUNDS; i++) {
    base.push(time(baseline));
    ours.push(time(matcher));
  }
  const m = median(ours);
  const b = median(base);
  console.log(
    `anticipation matcher, ${SHAPES} shapes, ${DEFAULT_ANTICIPATIONS.length} anticipations, ${ROUNDS} rounds`,
  );
  console.log(`                     median ms   p90 ms`);
  const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;
  console.log(`matchBoard           ${m.toFixed(2).padStart(9)} ${p90(ours).toFixed(2).padStart(8)}`);
  console.log(`baseline (read only) ${b.toFixed(2).padStart(9)} ${p90(base).toFixed(2).padStart(8)}`);
  console.log(`ratio                ${(m / b).toFixed(2).padStart(8)}×`);
  if (sink < 0) console.log(sink);
}

main();
