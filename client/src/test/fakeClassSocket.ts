import type { ClassSocket } from '../classroom/useClassSocket.js';

type Listener = (...args: unknown[]) => void;

/**
 * A class socket.io socket as a page sees it, driven by the test in the server's place: `accept()` a
 * handshake, `cutByServer()` (which socket.io does not reconnect), `loseNetwork()` (which it retries),
 * `failToConnect()` (an attempt the network or a proxy failed, which it retries) and `refuse(code)` a
 * handshake (which it does not retry). `connects` counts the page's `connect()`.
 */
export class FakeClassSocket {
  connected = false;
  active = true;
  connects = 0;
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  connect(): this {
    this.connects++;
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.active = false;
    this.connected = false;
    return this;
  }

  accept(): void {
    this.connected = true;
    this.fire('connect');
  }

  cutByServer(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  loseNetwork(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** An attempt that never reached the server (blocked, timed out): socket.io stays `active` and tries again. */
  failToConnect(): void {
    this.connected = false;
    this.fire('connect_error', new Error('websocket error'));
  }

  /** The server's middleware refused the handshake: socket.io stops (`active` false) with the refusal's code. */
  refuse(code: string): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', Object.assign(new Error(`refused: ${code}`), { data: { code } }));
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

/** Every socket the page opened, newest last: handed to pages through `ClassSocketOpener`. */
export const openedSockets: FakeClassSocket[] = [];
export const fakeIo = (): ClassSocket => {
  const socket = new FakeClassSocket();
  openedSockets.push(socket);
  return socket as unknown as ClassSocket;
};
