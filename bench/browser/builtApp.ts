import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '@conjecture/server/testkit/chromium';
import { checkOurBuild, spawnServer } from '../sync/servers.js';

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));

/**
 * Our built server serving our built client, and Chromium: what the teacher-page benchmarks open. Fails
 * with what to run when a build is missing or older than its sources.
 */
export async function startBuiltApp(): Promise<{
  server: Awaited<ReturnType<typeof spawnServer>>;
  browser: Browser;
}> {
  checkOurBuild();
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html')))
    throw new Error(`${CLIENT_DIST}index.html is missing: run \`pnpm build\` first`);
  const server = await spawnServer('ours', { clientDist: CLIENT_DIST });
  const browser = await chromium.launch(chromiumLaunchOptions);
  return { server, browser };
}

/** The machine's load averages (1, 5, 15 min), printed beside each cell: the machine is shared. */
export const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
