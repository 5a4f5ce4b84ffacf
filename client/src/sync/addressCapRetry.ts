import { refusedSocketRetryMs } from './boardSocketLink.js';

/**
 * Brings a board's Yjs websocket back after the server refused it at its address's cap
 * (`YjsCloseCode.tooManyFromAddress`: a class behind one school address on boards outside any class). That
 * cap frees as others close, so unlike a refusal of this user it is not final: y-websocket stops on it
 * (4400–4499), and this connects again with the page's socket.io backoff (jittered, 1 s up to 15 s), so a
 * class refused together does not come back in step, until the board syncs again.
 */
export class AddressCapRetry {
  private refusals = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Asks the provider to connect again. */
    private readonly connect: () => void,
    /** False after an explicit disconnect or once the session is destroyed: stop trying. */
    private readonly wanted: () => boolean,
    private readonly random: () => number = Math.random,
  ) {}

  /** The server refused the connection at the address's cap: try again after the next wait. */
  refused(): void {
    this.refusals += 1;
    if (this.retry !== undefined || !this.wanted()) return;
    this.retry = setTimeout(
      () => {
        this.retry = undefined;
        if (this.wanted()) this.connect();
      },
      refusedSocketRetryMs(this.refusals, this.random),
    );
  }

  /**
   * Start the backoff over at the next refusal: the board synced (admitted), the page asked to connect again,
   * or the network changed (another address, another cap).
   */
  resetAttempts(): void {
    this.refusals = 0;
  }

  /** Drop a pending attempt (a disconnect on purpose, or the session's end). */
  cancel(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
  }
}
