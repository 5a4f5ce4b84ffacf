import net from 'node:net';

export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that holds every chunk for half the round trip in each direction, so a page on
 * this machine waits for its requests, socket handshakes and sync messages as it would over a school's
 * network. HTTP and WebSockets alike (Chromium's own network emulation leaves WebSockets undelayed).
 * Bandwidth is not limited; chunks keep their order (equal delays fire in the order they were set).
 */
export async function startLatencyProxy(targetUrl: string, rttMs: number): Promise<LatencyProxy> {
  const target = new URL(targetUrl);
  const oneWay = rttMs / 2;
  const sockets = new Set<net.Socket>();
  const delayed = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), oneWay));
    from.on('end', () => setTimeout(() => to.end(), oneWay));
    from.on('error', () => to.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    delayed(client, upstream);
    delayed(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
