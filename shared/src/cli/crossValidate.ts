// `pnpm --silent cv:tagging [--roles teacher,student] [--epochs n] [--average-last n] [--class-weight-power p]
// [--l2 x] [--label-smoothing e] [--bag s] [--seed n] [--hash-bits b] [--prune bytes,bytes…] [data…]` (defaults: the shipped training's, except label smoothing 0 where the
// teacher model ships with 0.1; offsets are measured, not applied): talk-move figures by cross-validation over
// lesson series of the development data (fit + tune; never dev), per fold, per epoch and their mean, without and
// with the next utterance — where feature and option choices are made. `--prune` also measures each fold's
// model pruned and quantized to each byte budget, as `pnpm train` ships it.
import { pathToFileURL } from 'node:url';
import {
  crossValidateRole,
  developmentFold,
  type F1Pair,
  type RoleCrossValidation,
} from '../domain/tagging/crossValidation.js';
import { toExamples } from '../domain/tagging/dataset.js';
import { SpeakerRoleSchema, type SpeakerRole } from '../domain/tagging/labels.js';
import { DEFAULT_TRAIN_OPTIONS } from '../domain/tagging/pipeline.js';
import { splitTranscripts } from '../domain/tagging/split.js';
import { numberOption } from './numberOption.js';
import { readAll } from './readData.js';
import { DEFAULT_DATA_PATH } from './train.js';

export interface CvArgs {
  roles: SpeakerRole[];
  epochs: number;
  classWeightPower: number;
  l2: number;
  labelSmoothing: number;
  averageLast: number;
  bag: number;
  seed: number;
  hashBits: number;
  /** Byte budgets to prune each fold's model to (none: only the unpruned figures). */
  pruneBytes: number[];
  data: string[];
}

export function parseCvArgs(argv: readonly string[]): CvArgs {
  const args: CvArgs = {
    roles: ['teacher', 'student'],
    epochs: DEFAULT_TRAIN_OPTIONS.epochs,
    classWeightPower: DEFAULT_TRAIN_OPTIONS.classWeightPower,
    l2: DEFAULT_TRAIN_OPTIONS.l2 ?? 0,
    labelSmoothing: 0,
    averageLast: DEFAULT_TRAIN_OPTIONS.averageLast,
    bag: DEFAULT_TRAIN_OPTIONS.bag ?? 1,
    seed: DEFAULT_TRAIN_OPTIONS.seed,
    hashBits: DEFAULT_TRAIN_OPTIONS.hashBits,
    pruneBytes: [],
    data: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--roles') args.roles = (argv[++i] ?? '').split(',').map((r) => SpeakerRoleSchema.parse(r));
    else if (a === '--epochs') args.epochs = numberOption(a, argv[++i]);
    else if (a === '--class-weight-power') args.classWeightPower = numberOption(a, argv[++i]);
    else if (a === '--l2') args.l2 = numberOption(a, argv[++i]);
    else if (a === '--label-smoothing') args.labelSmoothing = numberOption(a, argv[++i]);
    else if (a === '--average-last') args.averageLast = numberOption(a, argv[++i]);
    else if (a === '--bag') args.bag = numberOption(a, argv[++i]);
    else if (a === '--seed') args.seed = numberOption(a, argv[++i]);
    else if (a === '--hash-bits') args.hashBits = numberOption(a, argv[++i]);
    else if (a === '--prune') args.pruneBytes = (argv[++i] ?? '').split(',').map((b) => numberOption(a, b));
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.data.push(a);
  }
  if (args.data.length === 0) args.data = [DEFAULT_DATA_PATH];
  return args;
}

const f4 = (n: number) => n.toFixed(4);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
/** Mean ± half the range over the folds, without / with the next utterance. */
function spread(pairs: readonly F1Pair[]): string {
  return ([0, 1] as const)
    .map((n) => {
      const xs = pairs.map((p) => p[n]);
      return `${f4(mean(xs))} ± ${((Math.max(...xs) - Math.min(...xs)) / 2).toFixed(4)}`;
    })
    .join(' / ');
}

function printRole(role: SpeakerRole, cv: RoleCrossValidation): void {
  for (const f of cv.folds) {
    const perClass = Object.entries(f.withoutNext.perClass)
      .map(([label, c]) => `${label} ${c.f1.toFixed(3)}`)
      .join(', ');
    console.log(
      `${role} fold ${f.fold} (fit ${f.fitRows}, held ${f.heldRows}): ${f4(f.withoutNext.macroF1)} / ` +
        `${f4(f.withNext.macroF1)}  [${perClass}]`,
    );
  }
  console.log(
    `${role} per epoch e, mean over folds (its weights | mean of the last ⌈e/2⌉ epochs | of all), without / with next:`,
  );
  for (const [e, point] of cv.folds[0]?.curve.entries() ?? []) {
    const at = cv.folds.map((f) => f.curve[e]!);
    console.log(
      `  epoch ${point.epoch}: ${spread(at.map((p) => p.plain))} | ${spread(at.map((p) => p.lastHalf))} | ` +
        spread(at.map((p) => p.all)),
    );
  }
  console.log(
    `${role} offsets: none ${spread(cv.folds.map((f) => [f.withoutNext.macroF1, f.withNext.macroF1]))}; ` +
      `tuned on one other fold ${spread(cv.folds.map((f) => f.offsets.single))}; ` +
      `on all other folds ${spread(cv.folds.map((f) => f.offsets.pooled))}; ` +
      `on all other folds, one set per way ${spread(cv.folds.map((f) => f.offsets.perMode))}`,
  );
  for (const p of cv.pruned) {
    const pooled = p.folds.map((f) => f.pooled);
    console.log(
      `${role} pruned to ${p.maxBytes} bytes (${p.fileChars} base64 characters): plain ` +
        `${spread(p.folds.map((f) => f.plain))}; offsets from the other folds ${spread(pooled)} ` +
        `[folds ${pooled.map((f) => `${f4(f[0])} / ${f4(f[1])}`).join(', ')}]`,
    );
  }
  console.log(`${role} confusion without next (rows gold, columns predicted: ${cv.labels.join(', ')}):`);
  cv.confusion.forEach((row, i) =>
    console.log(`  ${cv.labels[i]!.padEnd(30)} ${row.map((n) => String(n).padStart(6)).join(' ')}`),
  );
  console.log(
    `${role} mean: ${f4(mean(cv.folds.map((f) => f.withoutNext.macroF1)))} / ${f4(mean(cv.folds.map((f) => f.withNext.macroF1)))}`,
  );
}

async function main(): Promise<void> {
  const args = parseCvArgs(process.argv.slice(2));
  const rows = await readAll(args.data);
  const foldOf = developmentFold(splitTranscripts(rows.map((r) => r.transcript_id)));
  const examples = toExamples(rows);
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...args };
  console.log(
    `cross-validation by lesson series over fit + tune (dev never used): ${args.epochs} epochs ` +
      `(mean of the last ${args.averageLast}), a bag of ${args.bag} shuffle seeds from ${args.seed}, 2^${args.hashBits} slots, class-weight power ${args.classWeightPower}, L2 ${args.l2}, ` +
      `label smoothing ${args.labelSmoothing}; macro-F1 without / with the next utterance`,
  );
  for (const role of args.roles) printRole(role, crossValidateRole(examples, role, foldOf, options));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
