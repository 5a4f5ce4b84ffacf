// `pnpm bench:tagging`: throughput and per-contribution latency of the pure tagger (needs `pnpm build` or
// `tsc -b` first, like the other benches: it runs the built @conjecture/shared).
// Inputs are dev-split TalkMoves sentences with their real context when the data is beside the repo,
// otherwise the hand-written clear cases repeated. `--baseline <checkout>` runs another checkout's built tagger
// and model (e.g. main) side by side, rounds interleaved, so a busy machine slows both alike.
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DATA_PATH, DEFAULT_MODEL_PATH, readAll } from '@conjecture/shared/cli/train';
import { toExamples } from '@conjecture/shared/domain/tagging/dataset';
import { loadTalkMovesModel, tagContribution, type TagInput } from '@conjecture/shared/domain/tagging/index';
import { splitTranscripts } from '@conjecture/shared/domain/tagging/split';
import { CLEAR_CASES } from '@conjecture/shared/domain/tagging/test/clearCases';

const SAMPLE_SIZE = 20_000;
/** The targets: under 0.1 ms of CPU per contribution, a model file of at most 1 MB. */
const TARGET_US_PER_TAG = 100;
const TARGET_MODEL_BYTES = 1_000_000;
const WARMUP = 2_000;
const ROUNDS = 3;

async function benchInputs(): Promise<{ inputs: TagInput[]; source: string }> {
  if (existsSync(DEFAULT_DATA_PATH)) {
    const rows = await readAll([DEFAULT_DATA_PATH]);
    const splitOf = splitTranscripts(rows.map((r) => r.transcript_id));
    const dev = toExamples(rows).filter((e) => splitOf(e.transcriptId) === 'dev');
    return {
      inputs: dev.slice(0, SAMPLE_SIZE),
      source: `${Math.min(SAMPLE_SIZE, dev.length)} TalkMoves dev sentences`,
    };
  }
  const inputs = Array.from({ length: SAMPLE_SIZE }, (_, i) => CLEAR_CASES[i % CLEAR_CASES.length]!);
  return { inputs, source: `clear cases repeated to ${SAMPLE_SIZE} (data file absent)` };
}

interface Tagger {
  label: string;
  tag: (input: TagInput, cues: boolean) => unknown;
  modelBytes: number;
  loadMs: number;
}

function taggerOf(
  label: string,
  modelPath: string,
  lib: { loadTalkMovesModel: typeof loadTalkMovesModel; tagContribution: typeof tagContribution },
): Tagger {
  const loadStart = performance.now();
  const model = lib.loadTalkMovesModel(JSON.parse(readFileSync(modelPath, 'utf8')));
  const loadMs = performance.now() - loadStart;
  return {
    label,
    tag: (input, cues) => lib.tagContribution(model, input, { cues }),
    modelBytes: statSync(modelPath).size,
    loadMs,
  };
}

/** The tagger of another checkout (its built shared/ and its model), to compare against. */
async function baselineTagger(argv: readonly string[]): Promise<Tagger | null> {
  const at = argv.indexOf('--baseline');
  if (at < 0) return null;
  const dir = resolve(argv[at + 1] ?? '');
  const lib = (await import(pathToFileURL(resolve(dir, 'shared/dist/domain/tagging/index.js')).href)) as {
    loadTalkMovesModel: typeof loadTalkMovesModel;
    tagContribution: typeof tagContribution;
  };
  return taggerOf(`baseline (${dir})`, resolve(dir, 'shared/models/talkmoves.json'), lib);
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface RoundFigures {
  wallPerSecond: number;
  cpuPerTag: number;
  p50: number;
  p99: number;
  max: number;
}

function runRound(tagger: Tagger, run: readonly TagInput[], cues: boolean): RoundFigures {
  const latencies = new Float64Array(run.length);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < run.length; i++) {
    const t0 = process.hrtime.bigint();
    tagger.tag(run[i]!, cues);
    latencies[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  latencies.sort();
  return {
    wallPerSecond: run.length / seconds,
    cpuPerTag: (cpu.user + cpu.system) / run.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1]!,
  };
}

async function main(): Promise<void> {
  const current = taggerOf('this checkout', DEFAULT_MODEL_PATH, { loadTalkMovesModel, tagContribution });
  const baseline = await baselineTagger(process.argv.slice(2));
  const taggers = baseline ? [current, baseline] : [current];
  const { inputs, source } = await benchInputs();
  console.log(
    `pure tagger — ${source}; ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, node ${process.version}`,
  );
  for (const t of taggers) {
    console.log(
      `${t.label}: model file ${t.modelBytes.toLocaleString('en')} bytes (target ≤ ` +
        `${TARGET_MODEL_BYTES.toLocaleString('en')}: ${t.modelBytes <= TARGET_MODEL_BYTES ? 'met' : 'NOT met'}); ` +
        `load (parse + decode): ${t.loadMs.toFixed(0)} ms`,
    );
  }
  // Other processes share these cores: each mode runs ROUNDS times (each tagger in turn within a round), and
  // CPU time per tag (which waiting for the CPU does not inflate) is printed beside wall-clock figures.
  console.log('\n| mode | round | tagger | tags/s (wall) | CPU µs/tag | p50 µs | p99 µs | max µs |');
  console.log('|---|---|---|---|---|---|---|---|');
  const modes = [
    { name: 'move + question type', cues: false, next: false },
    { name: 'with the next utterance', cues: false, next: true },
    { name: 'with cues', cues: true, next: false },
  ];
  let worstCpu = 0;
  const cpuSums = taggers.map(() => 0);
  for (const { name, cues, next } of modes) {
    const run = next ? inputs : inputs.map((input) => ({ ...input, next: [] }));
    for (const t of taggers) for (let i = 0; i < WARMUP; i++) t.tag(run[i % run.length]!, cues);
    for (let round = 1; round <= ROUNDS; round++) {
      taggers.forEach((t, k) => {
        const f = runRound(t, run, cues);
        if (k === 0 && !cues) worstCpu = Math.max(worstCpu, f.cpuPerTag);
        cpuSums[k]! += f.cpuPerTag;
        console.log(
          `| ${name} | ${round} | ${k === 0 ? 'this' : 'baseline'} | ${Math.round(f.wallPerSecond)} | ` +
            `${f.cpuPerTag.toFixed(1)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max.toFixed(0)} |`,
        );
      });
    }
  }
  console.log(
    `\nper contribution (without cues, worst round): ${worstCpu.toFixed(1)} µs of CPU — target < ` +
      `${TARGET_US_PER_TAG} µs (0.1 ms): ${worstCpu < TARGET_US_PER_TAG ? 'met' : 'NOT met'}`,
  );
  if (baseline) {
    console.log(
      `CPU per tag, all modes and rounds: this ${(cpuSums[0]! / cpuSums[1]!).toFixed(2)}× the baseline`,
    );
  }
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
