import net from 'node:net';

/**
 * A stand-in load balancer for tests: each new TCP connection goes to the first of `ports` that accepts
 * it, so once a process is killed its clients' reconnections land on the next one. (HAProxy's consistent
 * hashing is tested in testkit/cluster.test.ts.) `sendTo` changes where new connections go, as a balancer's
 * ring does when a process joins; open connections stay where they are.
 */
export async function failoverProxy(
  initialPorts: number[],
): Promise<{ url: string; sendTo(ports: number[]): void; close(): Promise<void> }> {
  let ports = initialPorts;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const connect = (client: net.Socket, i: number, targets = ports) => {
    if (i >= targets.length) return void client.destroy();
    const upstream = net.connect(targets[i] as number, '127.0.0.1');
    let connected = false;
    upstream.once('error', () => (connected ? client.destroy() : connect(client, i + 1, targets)));
    upstream.once('connect', () => {
      connected = true;
      track(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    connect(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sendTo: (next) => {
      ports = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
