import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onCleanup } from '../test/cleanup.js';
import { ShardSockets } from './shardSockets.js';

function parentDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sock-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('the directory of a process’s shard sockets', () => {
  it('is made 0700, gives each opening of a shard its own path, and is removed with the process', () => {
    const sockets = ShardSockets.create(parentDir());
    expect(fs.statSync(sockets.dir).mode & 0o777).toBe(0o700);
    const first = sockets.pathFor(7);
    expect(path.dirname(first)).toBe(sockets.dir);
    expect(sockets.pathFor(7)).not.toBe(first);
    sockets.remove();
    expect(fs.existsSync(sockets.dir)).toBe(false);
  });

  it('removes what a dead process left, and keeps a live one’s', () => {
    const parent = parentDir();
    const dead = path.join(parent, `conjecture-shards-${deadPid()}-abcdef`);
    const live = path.join(parent, `conjecture-shards-${process.ppid}-abcdef`);
    const other = path.join(parent, 'conjecture-notes');
    for (const dir of [dead, live, other]) fs.mkdirSync(dir);
    ShardSockets.create(parent);
    expect([dead, live, other].map((d) => fs.existsSync(d))).toEqual([false, true, true]);
  });

  it('refuses a TMPDIR too long for a Unix socket’s path, naming it', () => {
    expect(() => ShardSockets.create(path.join(parentDir(), 'x'.repeat(80)))).toThrow(/TMPDIR .* too long/);
  });
});
