// Preloaded into both servers (`node --import`): reports the server's own event-loop delay, so a latency
// difference can be pinned on the server (a stalled loop) rather than on the shared load generator.
// SIGUSR2 writes the histogram since the previous signal to $BENCH_LOOP_FILE as JSON, then resets it.
import fs from 'node:fs';
import process from 'node:process';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns) => ns / 1e6;
    const report = {
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
      at: Date.now(),
    };
    histogram.reset();
    fs.writeFileSync(file, JSON.stringify(report));
  });
}
