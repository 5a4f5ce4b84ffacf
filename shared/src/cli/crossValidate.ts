// `pnpm --silent cv:tagging [--roles teacher,student] [--epochs 6] [--class-weight-power 0.5] [--l2 0] [data…]`:
// talk-move figures by cross-validation over lesson series of the development data (fit + tune; never dev),
// per fold and their mean, without and with the next utterance — where feature and option choices are made.
import { pathToFileURL } from 'node:url';
import { crossValidateRole, developmentFold } from '../domain/tagging/crossValidation.js';
import { toExamples } from '../domain/tagging/dataset.js';
import { SpeakerRoleSchema, type SpeakerRole } from '../domain/tagging/labels.js';
import { DEFAULT_TRAIN_OPTIONS } from '../domain/tagging/pipeline.js';
import { splitTranscripts } from '../domain/tagging/split.js';
import { readAll } from './readData.js';
import { DEFAULT_DATA_PATH } from './train.js';

export interface CvArgs {
  roles: SpeakerRole[];
  epochs: number;
  classWeightPower: number;
  l2: number;
  data: string[];
}

export function parseCvArgs(argv: readonly string[]): CvArgs {
  const args: CvArgs = {
    roles: ['teacher', 'student'],
    epochs: 6,
    classWeightPower: DEFAULT_TRAIN_OPTIONS.classWeightPower,
    l2: 0,
    data: [],
  };
  const number = (flag: string, raw: string | undefined): number => {
    const n = Number(raw);
    if (raw === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--roles') args.roles = (argv[++i] ?? '').split(',').map((r) => SpeakerRoleSchema.parse(r));
    else if (a === '--epochs') args.epochs = number(a, argv[++i]);
    else if (a === '--class-weight-power') args.classWeightPower = number(a, argv[++i]);
    else if (a === '--l2') args.l2 = number(a, argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.data.push(a);
  }
  if (args.data.length === 0) args.data = [DEFAULT_DATA_PATH];
  return args;
}

async function main(): Promise<void> {
  const args = parseCvArgs(process.argv.slice(2));
  const rows = await readAll(args.data);
  const foldOf = developmentFold(splitTranscripts(rows.map((r) => r.transcript_id)));
  const examples = toExamples(rows);
  const options = {
    ...DEFAULT_TRAIN_OPTIONS,
    epochs: args.epochs,
    classWeightPower: args.classWeightPower,
    l2: args.l2,
  };
  console.log(
    `cross-validation by lesson series over fit + tune (dev never used): ${args.epochs} epochs, class-weight power ` +
      `${args.classWeightPower}, L2 ${args.l2}; macro-F1 without / with the next utterance`,
  );
  for (const role of args.roles) {
    const folds = crossValidateRole(examples, role, foldOf, options);
    for (const f of folds) {
      const perClass = Object.entries(f.withoutNext.perClass)
        .map(([label, c]) => `${label} ${c.f1.toFixed(3)}`)
        .join(', ');
      console.log(
        `${role} fold ${f.fold} (fit ${f.fitRows}, held ${f.heldRows}): ${f.withoutNext.macroF1.toFixed(4)} / ` +
          `${f.withNext.macroF1.toFixed(4)}  [${perClass}]`,
      );
    }
    const mean = (pick: (f: (typeof folds)[number]) => number) =>
      (folds.reduce((s, f) => s + pick(f), 0) / folds.length).toFixed(4);
    console.log(`${role} mean: ${mean((f) => f.withoutNext.macroF1)} / ${mean((f) => f.withNext.macroF1)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
