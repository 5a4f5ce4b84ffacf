import type { TalkMovesModel } from '@conjecture/shared';
import type { Config } from '../config.js';
import type { RunningServer } from '../createServer.js';
import { startServer } from '../createServer.js';
import type { AdmissionGates } from '../http/classroomHandlers.js';
import type { ConnectionGauge } from '../util/connectionGauge.js';
import type { Logger } from '../util/logger.js';
import type { FreeBoardConnections } from '../yjs/yjsEndpoint.js';
import type { ClusterDatabase } from './clusterDatabase.js';
import type { ShardSockets } from './shardSockets.js';

/** A shard's server: always on a Unix socket of its process's private directory. */
export type ShardServer = RunningServer & { socketPath: string };

export interface ShardServerDeps {
  config: Config;
  cluster: ClusterDatabase;
  sockets: ShardSockets;
  signingKey: Buffer;
  gates: AdmissionGates;
  freeBoardConnections: FreeBoardConnections;
  /** The same connections counted across the cluster's processes (REDIS_URL). */
  clusterFreeBoardConnections?: ConnectionGauge;
  taggerModel: TalkMovesModel | null;
  log: Logger;
}

/**
 * Starts a whole server (`startServer`, unchanged) for one shard: on the shard's own schema, taking its
 * lock without waiting (SchemaTakenError if another process holds it), on a Unix socket of this process's
 * private directory — the router is the only way in (shardSockets.ts).
 */
export function shardServerStarter(deps: ShardServerDeps): (shard: number) => Promise<ShardServer> {
  const { config, cluster, sockets, signingKey, gates, taggerModel, log } = deps;
  const { freeBoardConnections, clusterFreeBoardConnections } = deps;
  return async (shard) => {
    const socketPath = sockets.pathFor(shard);
    const server = await startServer(
      {
        ...config,
        CLUSTER: false,
        DATABASE_URL: await cluster.shardUrl(shard),
        // The router resolved the client's address (by TRUST_PROXY) and sends it as the one address of
        // X-Forwarded-For; nobody but the router can connect, so that one hop is trusted.
        TRUST_PROXY: 1,
      },
      {
        log,
        taggerModel,
        socketPath,
        shard: {
          shard,
          signingKey,
          gates,
          freeBoardConnections,
          ...(clusterFreeBoardConnections ? { clusterFreeBoardConnections } : {}),
        },
      },
    );
    return { ...server, socketPath };
  };
}
