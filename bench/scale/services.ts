import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Throwaway PostgreSQL and Redis for the benchmark, from Debian's packages (installed with apt when missing,
 * as scripts/postgres-for-tests.sh does): each on 127.0.0.1 and a free port, in a temporary directory that
 * is removed on stop. Nothing is shared with a service already running on the machine.
 */
export interface Service {
  /** The process to count CPU for (with its children: PostgreSQL runs a process per connection). */
  pid: number;
  stop(): void;
}

export interface Postgres extends Service {
  /** A new, empty database and its URL: each topology and size starts from nothing. */
  createDatabase(name: string): string;
}

export interface Redis extends Service {
  url: string;
}

const isRoot = process.getuid?.() === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function aptInstall(pkg: string): void {
  process.stderr.write(`Installing Debian's ${pkg} for the benchmark…\n`);
  const sudo = isRoot ? [] : ['sudo'];
  const run = (args: string[]) =>
    execFileSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=600', pkg]);
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  return latest === undefined ? null : path.join(root, latest, 'bin');
}

export async function startPostgres(): Promise<Postgres> {
  if (!postgresBin()) aptInstall('postgresql');
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed and apt could not install it');
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the package's `postgres` user.
  const asPg = (command: string, args: string[]) =>
    execFileSync(isRoot ? 'runuser' : command, isRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-scale-pg-'));
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  asPg(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'conjecture', '--no-sync']);
  // synchronous_commit=off: a commit survives the server process's crash but not the machine's, the same
  // promise as the SQLite default (WAL, synchronous=NORMAL), so the two topologies store alike.
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c synchronous_commit=off -c max_connections=200`;
  asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', 'start', '-o', settings]);
  const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let stopped = false;
  return {
    pid,
    createDatabase(name) {
      execFileSync(path.join(bin, 'createdb'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'conjecture',
        name,
      ]);
      return `postgres://conjecture@127.0.0.1:${port}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const redisServer = () =>
  ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p)) ?? null;

export async function startRedis(): Promise<Redis> {
  if (!redisServer()) aptInstall('redis-server');
  const binary = redisServer();
  if (!binary) throw new Error('redis-server is not installed and apt could not install it');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-scale-redis-'));
  const child: ChildProcess = spawn(
    binary,
    ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ready to accept connections/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
  return {
    pid: child.pid as number,
    url: `redis://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
