import fs from 'node:fs';

/**
 * What a process listens on, read from Linux's /proc: its sockets (the inodes behind its file
 * descriptors) matched against the kernel's tables of TCP and Unix sockets.
 */
export function listeningSockets(pid: number): { tcpPorts: number[]; unixPaths: string[] } {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  const rows = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/));
  const TCP_LISTEN = '0A';
  const tcpPorts = ['tcp', 'tcp6'].flatMap((table) =>
    rows(`/proc/${pid}/net/${table}`)
      .filter((c) => c[3] === TCP_LISTEN && inodes.has(c[9] ?? ''))
      .map((c) => parseInt((c[1] ?? '').split(':')[1] ?? '', 16)),
  );
  // Columns: Num RefCount Protocol Flags Type St Inode Path; a listening socket has __SO_ACCEPTCON.
  const SO_ACCEPTCON = 0x10000;
  const unixPaths = rows(`/proc/${pid}/net/unix`)
    .filter((c) => (parseInt(c[3] ?? '0', 16) & SO_ACCEPTCON) !== 0 && inodes.has(c[6] ?? '') && c[7])
    .map((c) => c[7] as string);
  return { tcpPorts: [...new Set(tcpPorts)], unixPaths };
}
