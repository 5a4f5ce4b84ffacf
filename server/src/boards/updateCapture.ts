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
}

/**
 * Hands each change of a room's doc to `sink`. A client's update, admitted because it applies completely,
 * changes the doc by exactly what it carries, so it is captured as received — Yjs need not encode the
 * transaction again (which walks every value it added), and the client's own message can be relayed as is.
 * Everything else (the server's writes and reverts, which run as transactions of their own right after the
 * client's) is captured as Yjs encodes it: the `update` listener is attached only while such a transaction
 * is in flight, since Yjs encodes every transaction while anyone listens.
 */
export class UpdateCapture {
  private received: Received | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly sink: (captured: CapturedUpdate) => void,
  ) {
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!this.isReceived(tr.origin)) this.encodeUpdates();
    });
    doc.on('afterTransaction', (tr: Y.Transaction) => this.afterTransaction(tr));
    doc.on('afterAllTransactions', () => doc.off('update', this.onEncoded));
  }

  /** Applies a client's update that was checked to apply completely (see `admitUpdate`). */
  applyReceived(update: Uint8Array, origin: unknown, message: Uint8Array | null): void {
    this.received = { update, origin, message, asReceived: true };
    try {
      Y.applyUpdate(this.doc, update, origin);
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
    if (changedAnything(tr)) {
      this.sink({ update: received.update, origin: received.origin, message: received.message });
    }
  }

  private readonly onEncoded = (update: Uint8Array, origin: unknown): void => {
    if (this.received?.asReceived && origin === this.received.origin) return; // captured as received
    this.sink({ update, origin, message: null });
  };
}

/** Yjs's own test for whether a transaction has an update to emit. */
function changedAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}
