import fs from 'node:fs';
import { cpuTimeMs, rssMb } from '../sync/servers.js';

export { cpuTimeMs, rssMb };

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

/**
 * CPU time (ms) of a process and all its descendants alive now: PostgreSQL works in a process per
 * connection. A descendant that ended inside the window is missed; the services' connections live all run.
 */
export function treeCpuMs(rootPid: number): number {
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
  let total = 0;
  for (const pid of tree) {
    try {
      total += cpuTimeMs(pid);
    } catch {
      // ended
    }
  }
  return total;
}
