import fs from 'node:fs';
import { cpuTimeMs, rssMb } from '../sync/servers.js';

export { cpuTimeMs, rssMb };

/** Live child processes of `parentPid` whose command name is `name`. */
export function childrenNamed(parentPid: number, name: string): number[] {
  return [...parents()]
    .filter(([pid, ppid]) => {
      if (ppid !== parentPid) return false;
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(([pid]) => pid);
}

/** Each live process's parent, from /proc/<pid>/stat (field 4, after the parenthesised command name). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return parentOf;
}

/** A process and all its descendants alive now. */
function treeOf(rootPid: number): number[] {
  const parentOf = parents();
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/**
 * A CPU meter over a process tree (PostgreSQL works in a process per connection): each process's CPU
 * since the meter started (or since it was born), in ms. A process that ended inside the window is missed.
 */
export function treeCpuMeter(rootPid: number): () => number {
  const cpuOf = (pid: number) => {
    try {
      return cpuTimeMs(pid);
    } catch {
      return null; // ended
    }
  };
  const start = new Map(treeOf(rootPid).map((pid) => [pid, cpuOf(pid) ?? 0]));
  return () =>
    treeOf(rootPid).reduce((total, pid) => {
      const now = cpuOf(pid);
      return now === null ? total : total + now - (start.get(pid) ?? 0);
    }, 0);
}
