import type { SocketServer } from '../socket/socketServer.js';

type Operator = ReturnType<SocketServer['to']>;

/**
 * socket.io as the realtime effects see it, with every broadcast held until what it announces is durable:
 * with PostgreSQL storage a service's write is committed by the journal a moment later, and nobody may
 * be told of a change that a crash could still lose. Held in order; a broadcast whose write PostgreSQL did
 * not confirm is dropped, while a disconnect (a removal, a revoked link) still happens — security first.
 * Without `durable` (SQLite: writes are durable when they return) socket.io is returned as it is.
 */
export function durableBroadcasts(
  io: SocketServer,
  durable: (() => Promise<void>) | undefined,
): SocketServer {
  if (!durable) return io;
  const later = (run: () => void, onFailure: 'drop' | 'run') =>
    void durable().then(run, () => {
      if (onFailure === 'run') run();
    });
  // The realtime effects only emit to, and disconnect, channels: that is all a held operator offers.
  const hold = (operator: Operator) => ({
    emit: (event: string, ...args: unknown[]) => {
      later(() => (operator.emit as (e: string, ...a: unknown[]) => boolean)(event, ...args), 'drop');
      return true;
    },
    disconnectSockets: (close?: boolean) => later(() => operator.disconnectSockets(close), 'run'),
  });
  return new Proxy(io, {
    get(target, prop) {
      if (prop === 'to' || prop === 'in') return (room: string | string[]) => hold(target[prop](room));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
