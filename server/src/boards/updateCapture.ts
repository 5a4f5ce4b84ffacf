import * as Y from 'yjs';

/** What one transaction changed, in the order the transactions ran: what the room stores, then relays. */
export interface CapturedUpdate {
  update: Uint8Array;
  origin: unknown;
  /** The y-websocket message that carries `update` as the client sent it, ready to relay; null: encode it. */
  message: Uint8Array | null;
}

interface Received extends CapturedUpdate {
  /** False once Yjs could not apply all of it: then what it did apply is encoded instead. */
  asReceived: boolean;
  /** Where it went in `captured`, and the state before it, should applying it throw after all. */
  capturedAt?: number;
  before?: Map<number, number>;
}

/**
 * Collects each change of a room's doc. A client's update, admitted because it applies completely, changes
 * the doc by exactly what it carries, so it is captured as received — Yjs need not encode the transaction
 * again (which walks every value it added), and the client's own message can be relayed as is. Everything
 * else (the server's writes and reverts, which run as transactions of their own right after the client's) is
 * captured as Yjs encodes it: the `update` listener is attached only while such a transaction is in flight,
 * since Yjs encodes every transaction while anyone listens.
 *
 * The bytes must be exactly what Yjs read: the caller passes an update in a buffer of its own (lib0 reads
 * strings and numbers through the underlying ArrayBuffer, past the end of a view), checked by a full decode.
 */
export class UpdateCapture {
  private received: Received | null = null;
  private captured: CapturedUpdate[] = [];

  constructor(private readonly doc: Y.Doc) {
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!this.isReceived(tr.origin)) this.encodeUpdates();
    });
    doc.on('afterTransaction', (tr: Y.Transaction) => this.afterTransaction(tr));
    doc.on('afterAllTransactions', () => doc.off('update', this.onEncoded));
  }

  /** While a client's update is applied: what it caused is complete only once `applyReceived` returns. */
  get applying(): boolean {
    return this.received !== null;
  }

  /** The client's update being applied under `origin` now, or undefined. */
  receivedUpdate(origin: unknown): Uint8Array | undefined {
    const received = this.received;
    return received !== null && origin === received.origin ? received.update : undefined;
  }

  /** Everything captured since the last call, in order. */
  take(): CapturedUpdate[] {
    const captured = this.captured;
    // Asked after every transaction: an empty list is handed out as it is (callers only read it).
    if (captured.length > 0) this.captured = [];
    return captured;
  }

  /** Applies a client's update that was checked to apply completely (see `admitUpdate`). */
  applyReceived(update: Uint8Array, origin: unknown, message: Uint8Array | null): void {
    const received: Received = { update, origin, message, asReceived: true };
    this.received = received;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (err) {
      // Whatever part of it Yjs applied before failing is stored as the doc now holds it, never as received.
      const { capturedAt, before } = received;
      if (capturedAt !== undefined && before !== undefined) {
        const applied = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(before));
        this.captured[capturedAt] = { update: applied, origin, message: null };
      }
      throw err;
    } finally {
      this.received = null;
    }
  }

  private isReceived(origin: unknown): boolean {
    return this.received !== null && origin === this.received.origin;
  }

  private encodeUpdates(): void {
    this.doc.on('update', this.onEncoded);
  }

  private afterTransaction(tr: Y.Transaction): void {
    const received = this.received;
    if (received === null || tr.origin !== received.origin) return;
    const { pendingStructs, pendingDs } = this.doc.store;
    if (pendingStructs !== null || pendingDs !== null) {
      // Admission is meant to make this impossible; should it happen, store only what was applied.
      received.asReceived = false;
      this.encodeUpdates(); // Yjs checks for listeners after this event
      return;
    }
    if (!changedAnything(tr)) return;
    received.capturedAt = this.captured.length;
    received.before = tr.beforeState;
    this.captured.push({ update: received.update, origin: received.origin, message: received.message });
  }

  private readonly onEncoded = (update: Uint8Array, origin: unknown): void => {
    if (this.received?.asReceived && origin === this.received.origin) return; // captured as received
    this.captured.push({ update, origin, message: null });
  };
}

/** Yjs's own test for whether a transaction has an update to emit. */
function changedAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}
