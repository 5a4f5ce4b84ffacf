import { afterEach } from 'vitest';
import { spawnServer, type ChildServer } from './childServer.js';

/**
 * Built server processes in cluster mode on one PostgreSQL database, as separate members: `member(url, id,
 * env)` starts one; every member a test started is killed (SIGKILL) after it.
 */
export function clusterMembers(defaults: Record<string, string> = {}) {
  const children: ChildServer[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.process.kill('SIGKILL');
  });
  return async (databaseUrl: string, processId: string, env: Record<string, string> = {}) => {
    const child = await spawnServer({
      ...defaults,
      ...env,
      STORAGE: 'postgres',
      DATABASE_URL: databaseUrl,
      CLUSTER: 'true',
      PROCESS_ID: processId,
    });
    children.push(child);
    return child;
  };
}
