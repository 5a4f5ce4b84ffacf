import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'conjecture-shards-';
/** A Unix socket's path fits in 108 bytes on Linux (104 on macOS), `/shard-07.<n>.sock` included. */
const MAX_DIR_BYTES = 80;

/**
 * Where a cluster process's shard servers listen: Unix sockets in a directory only this process's user may
 * enter (0700). The router is then the only way in for anyone else — a TCP port on loopback would let any
 * local user skip its checks (which process owns a shard, the 503s, the shared limits) and forge the
 * client address it passes on. The directory goes with the process: removed on close, and a dead
 * process's leftover (SIGKILL) is removed by the next process of the same user to start on this host.
 */
export class ShardSockets {
  private opened = 0;

  private constructor(readonly dir: string) {}

  static create(parent = os.tmpdir()): ShardSockets {
    const template = path.join(parent, `${PREFIX}${process.pid}-`);
    if (Buffer.byteLength(template) + 6 > MAX_DIR_BYTES)
      throw new Error(
        `TMPDIR (${parent}) is too long a path for the shards' Unix sockets: set a shorter one`,
      );
    removeLeftovers(parent);
    const dir = fs.mkdtempSync(template);
    // mkdtemp already makes it 0700; said again so a umask or platform difference cannot widen it.
    fs.chmodSync(dir, 0o700);
    return new ShardSockets(dir);
  }

  /**
   * A fresh path for the shard's next server: a closing server may still hold its old one for a moment,
   * and the next open need not wait for it.
   */
  pathFor(shard: number): string {
    this.opened += 1;
    return path.join(this.dir, `shard-${String(shard).padStart(2, '0')}.${this.opened}.sock`);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Directories of this user's cluster processes that are gone. */
function removeLeftovers(parent: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^conjecture-shards-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    const dir = path.join(parent, name);
    try {
      if (fs.statSync(dir).uid === process.getuid?.()) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process removed it first, or it is not ours to remove.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
