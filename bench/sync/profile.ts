import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad, summarizeLatency } from './load.js';
import type { BenchOptions } from './options.js';
import { loadOptions } from './options.js';
import { checkOurBuild, createBoards, spawnServer } from './servers.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where the time of a frame goes, by the package its code lives in. */
function category(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (functionName.startsWith('(')) return functionName; // (idle), (program), (garbage collector)
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/server/dist/')) return 'server (our code)';
  if (url.includes('/shared/dist/')) return 'shared (our code)';
  if (url.startsWith('node:')) return 'node internals';
  if (url === '') return 'native (no JS frame)';
  return 'other';
}

/** Functions whose inclusive time says which step of handling an update costs what. */
const STEPS = [
  'receive',
  'parseMessage',
  'acceptUpdate',
  'inspectUpdate',
  'applyUpdate',
  'onArrayChange',
  'recordError',
  'flush',
  'appendUpdates',
  'relay',
  'mergeUpdates',
  'send',
  'acceptAwareness',
  'relayAwareness',
  'snapshot',
];

const pct = (n: number, total: number) => `${((n / total) * 100).toFixed(1)}%`;

/** Summarizes the samples of a V8 CPU profile taken between two monotonic instants (µs). */
export function summarizeProfile(profile: CpuProfile, window?: { startUs: number; endUs: number }): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  let t = profile.startTime;
  let picked = profile.samples.filter((_, i) => {
    t += profile.timeDeltas[i] ?? 0;
    return !window || (t >= window.startUs && t < window.endUs);
  });
  let note = window ? 'samples inside the measured window' : 'all samples';
  if (picked.length === 0) {
    picked = profile.samples;
    note = 'all samples (none matched the window clock)';
  }

  const self = new Map<string, number>();
  const categories = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idle = 0;
  for (const id of picked) {
    const node = byId.get(id);
    if (!node) continue;
    if (node.callFrame.functionName === '(idle)') {
      idle++;
      continue;
    }
    const cat = category(node);
    categories.set(cat, (categories.get(cat) ?? 0) + 1);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)?.callFrame.functionName ?? '';
      if (STEPS.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      }
    }
  }
  const busy = picked.length - idle;
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [
    `${picked.length} samples (${note}); busy ${busy} (${pct(busy, picked.length)}), idle ${idle}. Percentages are of busy samples.`,
    '',
    '| by package (self time) | share |',
    '|:---|---:|',
    ...top(categories, 14).map(([k, v]) => `| ${k} | ${pct(v, busy)} |`),
    '',
    '| step (inclusive time: the function and what it calls) | share |',
    '|:---|---:|',
    ...STEPS.filter((s) => inclusive.has(s)).map((s) => `| ${s} | ${pct(inclusive.get(s) ?? 0, busy)} |`),
    '',
    '| function (self time) | share |',
    '|:---|---:|',
    ...top(self, 20).map(([k, v]) => `| \`${k}\` | ${pct(v, busy)} |`),
  ];
  return lines.join('\n');
}

/** Runs a server under `clients` with `node --cpu-prof` and says (markdown) where its CPU time goes. */
export async function profileServer(
  options: BenchOptions,
  clients: number,
  kind: 'ours' | 'stock' = 'ours',
): Promise<string> {
  if (kind === 'ours') checkOurBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-bench-prof-'));
  try {
    const server = await spawnServer(kind, {
      nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
      storage: options.ourStorage,
    });
    let result;
    try {
      const boards = await createBoards(kind, server.url, Math.ceil(clients / options.roomSize));
      result = await runLoad(server, boards, loadOptions(options, clients, 7));
    } finally {
      await server.stop(); // SIGTERM: the server closes cleanly and V8 writes the profile
    }
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no .cpuprofile (did it exit cleanly?)');
    const kept = path.join(os.tmpdir(), `conjecture-sync-${kind}-${clients}.cpuprofile`);
    fs.copyFileSync(path.join(dir, file), kept);
    const profile = JSON.parse(fs.readFileSync(kept, 'utf8')) as CpuProfile;
    const latency = summarizeLatency(result.latenciesMs);
    return (
      `${kind === 'ours' ? 'Our' : 'The stock'} server under N=${clients}: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms, ` +
      `CPU ${((result.serverCpuMs / result.windowMs) * 100).toFixed(1)}% of a core, ` +
      `${((result.serverCpuMs * 1000) / result.updatesSent).toFixed(0)} µs/update (profiling adds overhead)\n` +
      `profile kept at ${kept} (open in Chrome DevTools › Performance).\n\n` +
      summarizeProfile(profile, result.windowMonotonicUs)
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
