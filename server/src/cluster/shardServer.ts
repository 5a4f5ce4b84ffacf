import type { TalkMovesModel } from '@conjecture/shared';
import type { Config } from '../config.js';
import type { RunningServer } from '../createServer.js';
import { startServer } from '../createServer.js';
import type { AdmissionGates } from '../http/classroomHandlers.js';
import type { Logger } from '../util/logger.js';
import type { ClusterDatabase } from './clusterDatabase.js';

export type ShardServer = RunningServer;

export interface ShardServerDeps {
  config: Config;
  cluster: ClusterDatabase;
  signingKey: Buffer;
  gates: AdmissionGates;
  taggerModel: TalkMovesModel | null;
  log: Logger;
}

/**
 * Starts a whole server (`startServer`, unchanged) for one shard: on the shard's own schema, taking its
 * lock without waiting (SchemaTakenError if another process holds it), on loopback.
 */
export function shardServerStarter(deps: ShardServerDeps): (shard: number) => Promise<ShardServer> {
  const { config, cluster, signingKey, gates, taggerModel, log } = deps;
  return async (shard) =>
    startServer(
      {
        ...config,
        CLUSTER: false,
        DATABASE_URL: await cluster.shardUrl(shard),
        PORT: 0,
        HOST: '127.0.0.1',
        // One more proxy in front of the shard's server: this process's router.
        TRUST_PROXY: innerTrustProxy(config.TRUST_PROXY),
      },
      { log, taggerModel, shard: { shard, signingKey, gates } },
    );
}

function innerTrustProxy(outer: Config['TRUST_PROXY']): Config['TRUST_PROXY'] {
  if (outer === false) return 1;
  if (typeof outer === 'number') return outer + 1;
  return `${outer}, loopback`;
}
