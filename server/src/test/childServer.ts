import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUILT_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ChildServer {
  url: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns the real built server (`server/dist/main.js`, as `pnpm start` runs it) on port 0 and resolves
 * with its URL once it prints its "listening on" line.
 */
export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  if (!fs.existsSync(BUILT_MAIN))
    throw new Error(`${BUILT_MAIN} is missing: run \`pnpm typecheck\` (tsc -b) first`);
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      CLIENT_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  return { url, process: child, exited };
}
