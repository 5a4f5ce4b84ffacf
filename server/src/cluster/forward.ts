import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Hands a request to the shard's server inside this process (on its Unix socket), unchanged but for
 * X-Forwarded-For, which becomes the client's address as the router resolved it (by TRUST_PROXY): the
 * shard's server trusts exactly that one hop.
 */
export function forwardHttp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  socketPath: string,
  clientAddress: string,
  body?: Buffer,
  /** Runs before the answer is passed on (e.g. counting a failed join before the client can try again). */
  onStatus?: (status: number) => Promise<void> | void,
): void {
  const upstream = http.request(
    {
      socketPath,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': clientAddress },
    },
    (answer) => {
      void Promise.resolve(onStatus?.(answer.statusCode ?? 0)).then(() => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      });
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(503, { 'Retry-After': '1' });
    res.end();
  });
  res.on('close', () => upstream.destroy());
  if (body) upstream.end(body);
  else req.pipe(upstream);
}

/** Hands a websocket upgrade (socket.io's or a board's) to the shard's server: bytes both ways from here. */
export function forwardUpgrade(
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  socketPath: string,
  clientAddress: string,
): void {
  const upstream = net.connect(socketPath, () => {
    const headers = { ...req.headers, 'x-forwarded-for': clientAddress };
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (const [name, value] of Object.entries(headers))
      for (const v of Array.isArray(value) ? value : [value])
        if (v !== undefined) lines.push(`${name}: ${v}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const end = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', end);
  upstream.on('close', end);
  socket.on('error', end);
  socket.on('close', end);
}

/** Refuses a websocket upgrade with a retryable answer: clients reconnect (with their back-off). */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nRetry-After: 1\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  );
}
