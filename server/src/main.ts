import { ConfigError, parseConfig } from './config.js';
import { startServer } from './createServer.js';
import { startClusterProcess } from './cluster/clusterServer.js';
import { createLogger } from './util/logger.js';

/** Composition root: configuration → server → signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  let server;
  try {
    // One of a cluster: a router over the shards this process holds (docs/scale-out.md).
    server = config.CLUSTER ? await startClusterProcess(config, log) : await startServer(config, { log });
  } catch (err) {
    process.stderr.write(`Conjecture could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  // Scripts and tests wait for this exact line.
  process.stdout.write(`Conjecture listening on ${server.url}\n`);
  log.info('started', {
    url: server.url,
    storage: config.STORAGE,
    dataDir: config.DATA_DIR,
    ...(config.CLUSTER ? { processId: config.PROCESS_ID ?? process.pid } : {}),
  });

  const shutdown = (signal: string) => {
    log.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (err: Error) => {
        log.error('shutdown failed', { error: err.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  // Every client message is handled inside try/catch; this is the last net so one bug cannot take the class down.
  process.on('uncaughtException', (err) =>
    log.error('uncaught exception', { error: err.message, stack: err.stack }),
  );
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { error: String(err) }));
}

void main();
