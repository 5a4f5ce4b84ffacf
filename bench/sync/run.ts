import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, summarizeLatency } from './load.js';
import type { BenchOptions } from './options.js';
import { loadOptions, parseOptions } from './options.js';
import { profileServer } from './profile.js';
import type { RunRecord } from './report.js';
import {
  beforeTable,
  contextTable,
  mainTable,
  runLine,
  runsTable,
  summarize,
  TARGET_RATIO,
} from './report.js';
import type { ServerKind } from './servers.js';
import { checkOurBuild, createBoards, killAllChildren, spawnServer } from './servers.js';
import { percentile } from './stats.js';

const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

async function runOnce(
  kind: ServerKind,
  clients: number,
  round: number,
  options: BenchOptions,
): Promise<RunRecord> {
  const server = await spawnServer(kind, {
    storage: options.ourStorage,
    beforeMain: options.beforeMain ?? undefined,
  });
  try {
    const boards = await createBoards(kind, server.url, Math.ceil(clients / options.roomSize));
    // The same seed for both servers of a round: the same jitter and the same positions.
    const result = await runLoad(server, boards, loadOptions(options, clients, 1000 * clients + round));
    const latency = summarizeLatency(result.latenciesMs);
    return {
      kind,
      clients,
      round,
      ...latency,
      awarenessP50: percentile(result.awarenessLatenciesMs, 50),
      awarenessP99: percentile(result.awarenessLatenciesMs, 99),
      cpuUsPerUpdate: (result.serverCpuMs * 1000) / result.updatesSent,
      cpuPercent: (result.serverCpuMs / result.windowMs) * 100,
      mainThreadCpuPercent: (result.serverMainThreadCpuMs / result.serverCpuMs) * 100,
      rssMb: result.serverRssMb,
      deliveredPercent: (result.receipts / result.expectedReceipts) * 100,
      updatesSent: result.updatesSent,
      // Below 100% the generator could not keep its schedule (its event loop was held up).
      offeredPercent:
        (result.updatesSent / ((clients * options.updatesPerSecond * result.windowMs) / 1000)) * 100,
      generatorCpuPercent: result.generatorCpuPercent,
      generatorLoopDelayP99Ms: result.generatorLoopDelayP99Ms,
      otherCpuPercent: result.otherCpuPercent,
      receivedMessagesPerSecond: result.receivedMessagesPerSecond,
      serverLoopP99Ms: result.serverLoopDelay?.p99Ms ?? NaN,
      serverLoopMaxMs: result.serverLoopDelay?.maxMs ?? NaN,
      receivedKbPerSecond: result.receivedKbPerSecond,
      disconnects: result.disconnects,
    };
  } finally {
    await server.stop();
  }
}

/** Which server goes first changes every round (with a `before` build, each takes every position in turn). */
function runOrder(round: number, withBefore: boolean): ServerKind[] {
  if (!withBefore) return round % 2 === 0 ? ['ours', 'stock'] : ['stock', 'ours'];
  const kinds: ServerKind[] = ['ours', 'stock', 'before'];
  return kinds.map((_, i) => kinds[(i + round) % kinds.length] as ServerKind);
}

function settingsLine(options: BenchOptions): string {
  return (
    `rooms of ${options.roomSize}, ${options.updatesPerSecond} record updates/s and ` +
    `${options.awarenessPerSecond} awareness updates/s per client, ${options.warmupMs / 1000} s warm-up, ` +
    `${options.measureMs / 1000} s measured per run, ${options.rounds} interleaved rounds per N ` +
    (options.ourStorage === 'sqlite'
      ? '(ours: SQLite WAL, every update stored before relay; '
      : '(ours: IN-MEMORY storage, a diagnostic run; ') +
    'stock: @y/websocket-server 0.1.1 in memory)'
  );
}

/** Formats as the repo's prettier would, so a fresh RESULTS.md passes `pnpm format:check`. */
async function formatMarkdown(text: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    return text;
  }
}

async function compare(options: BenchOptions): Promise<void> {
  checkOurBuild();
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? NaN;
  const records: RunRecord[] = [];
  for (const clients of options.clientCounts) {
    for (let round = 0; round < options.rounds; round++) {
      const order = runOrder(round, options.beforeMain !== null);
      for (const kind of order) {
        const record = await runOnce(kind, clients, round, options);
        records.push(record);
        process.stdout.write(`${runLine(record)}\n`);
      }
    }
  }
  const summaries = summarize(records);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const elapsed = ((performance.now() - started) / 1000).toFixed(0);
  const body = [
    `Medians over rounds; ratios are the median of per-round ours/stock ratios. Target: p50 and p99 ratios ≤ ${TARGET_RATIO}.`,
    '',
    mainTable(summaries),
    '',
    contextTable(summaries),
    ...(options.beforeMain
      ? [
          '',
          `This build beside ${path.basename(path.dirname(options.beforeMain))}/ (before), each against stock in the same round:`,
          '',
          beforeTable(records),
        ]
      : []),
  ].join('\n');
  // The 1-minute load average at the start and the end: how busy the shared machine was.
  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? NaN).toFixed(1)} at the end`;
  process.stdout.write(
    `\n${settingsLine(options)}\nmachine: ${machine}; took ${elapsed} s; ${load}\n\n${body}\n`,
  );

  // Where we miss the target, say what dominates: profile our server under the largest load.
  const missed = summaries.some((s) => !(s.ratio.p50 <= TARGET_RATIO && s.ratio.p99 <= TARGET_RATIO));
  let profile = '';
  if (missed && options.profileOnMiss) {
    const clients = Math.max(...options.clientCounts);
    process.stdout.write(`\nA target was missed: profiling our server under N=${clients}…\n`);
    profile = [
      `## Where our server's CPU goes (N=${clients}, node --cpu-prof)`,
      '',
      await profileServer(options, clients),
    ].join('\n');
    process.stdout.write(`\n${profile}\n`);
  }

  if (options.resultsFile) {
    const doc = [
      '# Sync benchmark results',
      '',
      `Written by \`pnpm bench:sync\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. ` +
        'The load generator runs on the same cores as the server, and other tenants share the machine: ' +
        'compare ratios within a run, not absolute tails across runs.',
      '',
      `Settings: ${settingsLine(options)}. Run time ${elapsed} s, ${load} (${os.cpus().length} cores).`,
      '',
      body,
      '',
      '## Every run',
      '',
      runsTable(records),
      '',
      ...(profile ? [profile, ''] : []),
    ].join('\n');
    fs.writeFileSync(options.resultsFile, await formatMarkdown(doc, options.resultsFile));
    process.stdout.write(`\nwritten to ${options.resultsFile}\n`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), RESULTS_FILE);
  if (!options) return;
  if (options.profileClients !== null) {
    process.stdout.write(`${await profileServer(options, options.profileClients)}\n`);
    // Stock's profile beside ours, so the two servers' samples per update can be compared.
    if (options.profileStock)
      process.stdout.write(`\n${await profileServer(options, options.profileClients, 'stock')}\n`);
  } else await compare(options);
}

process.once('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});
process.once('SIGTERM', () => {
  killAllChildren();
  process.exit(143);
});
process.on('exit', killAllChildren);

main().then(
  // Sockets of destroyed providers may linger briefly; nothing else is left to wait for.
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:sync failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    killAllChildren();
    process.exit(1);
  },
);
