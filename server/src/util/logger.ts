export type LogLevel = 'silent' | 'error' | 'info' | 'debug';

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

/** One JSON line per event on stderr (stdout carries only the "listening on" line scripts wait for). */
export function createLogger(level: LogLevel, now: () => number = Date.now): Logger {
  const write = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] > RANK[level]) return;
    process.stderr.write(
      `${JSON.stringify({ t: new Date(now()).toISOString(), level: lvl, message, ...fields })}\n`,
    );
  };
  return {
    error: (m, f) => write('error', m, f),
    info: (m, f) => write('info', m, f),
    debug: (m, f) => write('debug', m, f),
  };
}

export const silentLogger: Logger = { error() {}, info() {}, debug() {} };
