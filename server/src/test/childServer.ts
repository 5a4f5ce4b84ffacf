import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { spawnListening } from '../testkit/spawnListening.js';

export const BUILT_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ChildServer {
  url: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 10 kB the server wrote on stderr (its log lines, at the LOG_LEVEL given). */
  stderrTail(): string;
}

/**
 * Spawns the real built server (`server/dist/main.js`, as `pnpm start` runs it) on port 0 and resolves
 * with its URL once it prints its "listening on" line.
 */
export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  if (!fs.existsSync(BUILT_MAIN))
    throw new Error(`${BUILT_MAIN} is missing: run \`pnpm typecheck\` (tsc -b) first`);
  return spawnListening(BUILT_MAIN, {
    env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', CLIENT_DIST: '/nonexistent', ...env },
  });
}
