// `pnpm bench:tagging`: throughput and per-contribution latency of the pure tagger (needs `pnpm build` or
// `tsc -b` first, like the other benches: it runs the built @conjecture/shared).
// Inputs are dev-split TalkMoves sentences with their real context when the data is beside the repo,
// otherwise the hand-written clear cases repeated.
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
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

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function main(): Promise<void> {
  const loadStart = performance.now();
  const model = loadTalkMovesModel(JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')));
  const loadMs = performance.now() - loadStart;
  const { inputs, source } = await benchInputs();
  console.log(
    `pure tagger — ${source}; ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, node ${process.version}`,
  );
  const bytes = statSync(DEFAULT_MODEL_PATH).size;
  console.log(
    `model file ${bytes.toLocaleString('en')} bytes (target ≤ ${TARGET_MODEL_BYTES.toLocaleString('en')}: ` +
      `${bytes <= TARGET_MODEL_BYTES ? 'met' : 'NOT met'}); load (parse + decode): ${loadMs.toFixed(0)} ms\n`,
  );
  // Other processes share these cores: each mode runs ROUNDS times, and CPU time per tag (which waiting for
  // the CPU does not inflate) is printed beside wall-clock figures.
  console.log('| mode | round | tags/s (wall) | CPU µs/tag | p50 µs | p99 µs | max µs |');
  console.log('|---|---|---|---|---|---|---|');
  const modes = [
    { name: 'move + question type', cues: false, next: false },
    { name: 'with the next utterance', cues: false, next: true },
    { name: 'with cues', cues: true, next: false },
  ];
  let worstCpu = 0;
  for (const { name, cues, next } of modes) {
    const run = next ? inputs : inputs.map((input) => ({ ...input, next: [] }));
    for (let i = 0; i < WARMUP; i++) tagContribution(model, run[i % run.length]!, { cues });
    for (let round = 1; round <= ROUNDS; round++) {
      const latencies = new Float64Array(run.length);
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < run.length; i++) {
        const t0 = process.hrtime.bigint();
        tagContribution(model, run[i]!, { cues });
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1000;
      }
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const cpuPerTag = (cpu.user + cpu.system) / run.length;
      if (!cues) worstCpu = Math.max(worstCpu, cpuPerTag);
      latencies.sort();
      console.log(
        `| ${name} | ${round} | ${Math.round(run.length / seconds)} | ${cpuPerTag.toFixed(1)} | ` +
          `${percentile(latencies, 0.5).toFixed(1)} | ${percentile(latencies, 0.99).toFixed(1)} | ` +
          `${latencies[latencies.length - 1]!.toFixed(0)} |`,
      );
    }
  }
  console.log(
    `\nper contribution (without cues, worst round): ${worstCpu.toFixed(1)} µs of CPU — target < ` +
      `${TARGET_US_PER_TAG} µs (0.1 ms): ${worstCpu < TARGET_US_PER_TAG ? 'met' : 'NOT met'}`,
  );
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
