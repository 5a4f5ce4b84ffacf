import type { Socket } from 'socket.io-client';
import { UNREACHABLE_AFTER_FAILED_ATTEMPTS } from './connectionState.js';

/** The part of a socket.io socket the link drives (a real one, or test/fakeClassSocket.ts). */
type LinkSocket = Pick<Socket, 'active' | 'connected' | 'connect' | 'on' | 'off'>;

/** The longest wait between attempts after a refusal: a slot freed by a closed tab is taken within it. */
export const REFUSED_SOCKET_RETRY_MAX_MS = 15_000;
const REFUSED_SOCKET_RETRY_FIRST_MS = 1_000;

/**
 * How long to wait before connecting again after the `refusals`-th refusal in a row: doubling from 1 s up to
 * REFUSED_SOCKET_RETRY_MAX_MS, each wait somewhere in its upper half — a class behind one school address
 * refused at the address's cap together must not come back in step and be refused together again.
 */
export function refusedSocketRetryMs(refusals: number, random: () => number = Math.random): number {
  const ceiling = Math.min(
    REFUSED_SOCKET_RETRY_FIRST_MS * 2 ** Math.max(0, refusals - 1),
    REFUSED_SOCKET_RETRY_MAX_MS,
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Keeps a board page's socket.io connection (save confirmations, tags) trying for as long as it is wanted,
 * and says whether it reaches the server. socket.io retries a network failure by itself but gives up on a
 * handshake the server refused (`active` false: a board outside any class past its address's cap,
 * MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS) or a server's disconnect; the link connects again with backoff,
 * with no reload, until admitted. `unreachable` is true from a refusal (a fact, no need to count) or after
 * UNREACHABLE_AFTER_FAILED_ATTEMPTS failures in a row (a proxy that blocks socket.io's path while the Yjs
 * websocket gets through), and false again on connect.
 */
export class BoardSocketLink {
  private failedAttempts = 0;
  private refusals = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly socket: LinkSocket,
    /** False after an explicit disconnect or a permanent close of the board: stop trying. */
    private readonly wanted: () => boolean,
    /** Called whenever `unreachable` may have changed. */
    private readonly changed: () => void,
    private readonly random: () => number = Math.random,
  ) {
    const onConnect = () => {
      this.failedAttempts = 0;
      this.refusals = 0;
      this.changed();
    };
    const onConnectError = () => {
      this.failedAttempts += 1;
      if (!socket.active) this.connectLater();
      this.changed();
    };
    const onDisconnect = (reason: string) => {
      if (reason === 'io server disconnect') this.connectLater();
      this.changed();
    };
    socket.on('connect', onConnect);
    socket.on('connect_error', onConnectError);
    socket.on('disconnect', onDisconnect);
    this.cleanups.push(() => {
      socket.off('connect', onConnect);
      socket.off('connect_error', onConnectError);
      socket.off('disconnect', onDisconnect);
    });
  }

  get unreachable(): boolean {
    if (this.socket.connected) return false;
    return this.refusals > 0 || this.failedAttempts >= UNREACHABLE_AFTER_FAILED_ATTEMPTS;
  }

  /** Forget earlier failures (the page asked to connect again, or the network changed); the caller refreshes. */
  resetAttempts(): void {
    this.failedAttempts = 0;
    this.refusals = 0;
  }

  /** Drop a pending attempt (the page disconnected on purpose); `resetAttempts` and connecting resume. */
  cancelRetry(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
  }

  destroy(): void {
    this.cancelRetry();
    this.cleanups.forEach((cleanup) => cleanup());
  }

  private connectLater(): void {
    this.refusals += 1;
    if (this.retry !== undefined || !this.wanted()) return;
    this.retry = setTimeout(
      () => {
        this.retry = undefined;
        if (this.wanted() && !this.socket.connected) this.socket.connect();
      },
      refusedSocketRetryMs(this.refusals, this.random),
    );
  }
}
