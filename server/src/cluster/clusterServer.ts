import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { SHARD_COUNT, SHARD_PARAM, shardOf } from '@conjecture/shared';
import type { Config } from '../config.js';
import { admissionGates } from '../http/classroomHandlers.js';
import { loadTaggerModel } from '../tagging/loadModel.js';
import { clientAddressOf } from '../util/clientAddress.js';
import type { Logger } from '../util/logger.js';
import { ClusterDatabase } from './clusterDatabase.js';
import { forwardHttp, forwardUpgrade, refuseUpgrade } from './forward.js';
import { requestShard } from './requestShard.js';
import { ShardHost, type Lease } from './shardHost.js';
import { shardServerStarter } from './shardServer.js';
import { ShardSockets } from './shardSockets.js';
import { SharedLimits, type HourlyLimits } from './sharedLimits.js';
import { freeBoardConnections } from '../yjs/yjsEndpoint.js';
import { HEALTH_PATH } from '../http/health.js';

/** A join's body is a code and a name: anything longer is not a join. */
const MAX_JOIN_BODY_BYTES = 16 * 1024;

export interface ClusterProcess {
  url: string;
  port: number;
  host: ShardHost;
  close(): Promise<void>;
}

/**
 * One process of a cluster (CLUSTER=true, docs/scale-out.md): a router on PORT that finds each request's
 * shard, opens the shard's server here if this process can take its lock, and hands the request to it —
 * or answers 503 with Retry-After while another process holds it. Never a stale copy: a shard is served
 * only by the process holding its lock.
 */
export async function startClusterProcess(config: Config, log: Logger): Promise<ClusterProcess> {
  const hourly = {
    classesPerHour: config.MAX_CLASSES_PER_HOUR,
    boardsPerHour: config.MAX_BOARDS_PER_HOUR,
    uploadBytesPerHour: config.MAX_UPLOAD_BYTES_PER_HOUR,
  };
  const limits = config.REDIS_URL ? await SharedLimits.open(config.REDIS_URL, hourly) : null;
  const cluster = await ClusterDatabase.open(config.DATABASE_URL as string).catch(async (err: Error) => {
    await limits?.close();
    throw err;
  });
  const addressOf = clientAddressOf(config.TRUST_PROXY);
  const processId = config.PROCESS_ID ?? `${process.pid}`;
  const signingKey = await cluster.signingKey().catch(async (err: Error) => {
    await cluster.close();
    throw err;
  });
  const sockets = ShardSockets.create();
  const host = new ShardHost({
    startShard: shardServerStarter({
      config,
      cluster,
      sockets,
      signingKey,
      // One client address's budgets and caps for the whole process, not per shard: with 64 shards 64×.
      gates: {
        ...admissionGates(Date.now, hourly),
        ...(limits ? { clusterUploads: (address, bytes) => limits.takeUploadBytes(address, bytes) } : {}),
      },
      freeBoardConnections: freeBoardConnections(),
      ...(limits ? { clusterFreeBoardConnections: limits.connections } : {}),
      taggerModel: loadTaggerModel(config.TAGGER_MODEL, log),
      log,
    }),
    want: (shard, by) => cluster.want(shard, by),
    processId,
    handoverQuietMs: config.SHARD_HANDOVER_QUIET_MS,
    idleMs: config.SHARD_IDLE_MS,
    log,
    now: Date.now,
  });
  await cluster.onWanted((shard, by) => host.wanted(shard, by));
  // Requests of no class start looking for a shard at this process's own, so processes spread out.
  const home = shardOf(processId);

  const serverFor = async (req: http.IncomingMessage, body?: Buffer): Promise<Lease | null> => {
    const where = requestShard(req.method ?? 'GET', req.url ?? '/', req.headers);
    const routedShard = routedBy(req.url ?? '/');
    if ('shard' in where) return host.acquire(where.shard, where.shard === routedShard);
    if ('joinBody' in where) {
      const shard = shardOfJoin(body) ?? home;
      return host.acquire(shard, shard === routedShard);
    }
    return host.any(home);
  };

  const server = http.createServer((req, res) => {
    if (req.url === HEALTH_PATH) return void health(res, processId, host);
    // Registered first, so a client gone while its shard opened still releases the lease.
    const answered = new Promise((resolve) => res.once('close', resolve));
    void (async () => {
      const body = isJoin(req) ? await readBody(req) : undefined;
      if (body === null) return void unavailable(res, 413, 'a join request is a code and a name');
      const address = addressOf(req);
      const gate = limits ? await sharedGate(limits, req, address) : null;
      if (gate === 'limited') return void refuse(res, 429, 'rate_limited', limitedMessage(req, hourly));
      if (gate === 'unavailable')
        return void unavailable(res, 503, 'the limits store is out of reach: retry');
      // A class or board is taken before it is made: unless the shard answers 201, given back once answered.
      let made = false;
      if (typeof gate === 'object' && gate) void answered.then(() => (made ? undefined : gate.giveBack()));
      const lease = await serverFor(req, body);
      if (!lease) return void unavailable(res, 503, 'this class is moving to another server: retry');
      void answered.then(lease.release);
      forwardHttp(req, res, lease.server.socketPath, address, body, async (status) => {
        made = status === 201;
        if (limits && isJoin(req) && status === 404) await limits.noteJoinFailure(address);
      });
    })().catch((err: Error) => {
      log.error('routing failed', { error: err.message });
      unavailable(res, 503, 'try again shortly');
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    // A connection keeps its shard open for as long as it lasts.
    const gone = new Promise((resolve) => socket.once('close', resolve));
    void serverFor(req).then(
      (lease) => {
        if (!lease) return refuseUpgrade(socket, 503, 'this board is moving to another server: reconnect');
        void gone.then(lease.release);
        forwardUpgrade(req, socket, head, lease.server.socketPath, addressOf(req));
      },
      () => refuseUpgrade(socket, 503, 'try again shortly'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostName = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      server.closeAllConnections();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The router's server closes only once its websockets have: the shards' servers close them.
      await host.close();
      await closed;
      sockets.remove();
      await cluster.close();
      await limits?.close();
    })());
  return { url: `http://${hostName}:${port}`, port, host, close };
}

/** The shard the balancer routed the request by (its `?shard=`), if it names one. */
function routedBy(rawUrl: string): number | null {
  const param = new URL(rawUrl, 'http://x').searchParams.get(SHARD_PARAM);
  return param === null || param === '' ? null : Number(param);
}

const isJoin = (req: http.IncomingMessage) =>
  req.method === 'POST' && new URL(req.url ?? '/', 'http://x').pathname === '/api/join';

function shardOfJoin(body: Buffer | undefined): number | null {
  try {
    const code = (JSON.parse(body?.toString() ?? '') as { joinCode?: unknown }).joinCode;
    return typeof code === 'string' ? shardOf(code) : null;
  } catch {
    return null; // the shard's server answers the malformed body
  }
}

/** The body, or null if it is larger than a join's. */
async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JOIN_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function unavailable(res: http.ServerResponse, status: number, message: string): void {
  refuse(res, status, status === 503 ? 'unavailable' : 'too_large', message, 1);
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string, retryS = 60): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': String(retryS) });
  res.end(JSON.stringify({ code, message }));
}

const isCreateClass = (req: http.IncomingMessage) =>
  req.method === 'POST' && new URL(req.url ?? '/', 'http://x').pathname === '/api/classes';

const isCreateBoard = (req: http.IncomingMessage) =>
  req.method === 'POST' && new URL(req.url ?? '/', 'http://x').pathname === '/api/boards';

/**
 * The cluster-wide limits a request must be under: joins (wrong codes are counted once answered 404), and
 * new classes and boards, taken here before they are made so that creations in flight together cannot
 * pass the cap (the place is given back unless one is made); null for any other request.
 */
async function sharedGate(limits: SharedLimits, req: http.IncomingMessage, address: string) {
  if (isJoin(req)) return limits.admitJoin(address);
  if (isCreateClass(req)) return limits.takeClass(address);
  if (isCreateBoard(req)) return limits.takeBoard(address);
  return null;
}

/** What a refusal says: for what is made, as the process's own HourlyBudget words it. */
function limitedMessage(req: http.IncomingMessage, hourly: HourlyLimits): string {
  const perHour = (made: string, n: number) =>
    `too many ${made} from here (at most ${n} an hour); try again in a minute`;
  if (isCreateClass(req)) return perHour('classes created', hourly.classesPerHour);
  if (isCreateBoard(req)) return perHour('boards made', hourly.boardsPerHour);
  return 'too many tries from this address';
}

/** For the load balancer's health check: this process answers, and which shards it holds. */
function health(res: http.ServerResponse, processId: string, host: ShardHost): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ process: processId, shardCount: SHARD_COUNT, shards: host.held() }));
}
