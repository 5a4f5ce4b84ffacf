export interface LoadTicket {
  readonly load: number;
  readonly events: number;
}

/**
 * Orders overlapping loads of one piece of state (on mount, on every socket (re)connect, after a closed board)
 * against the live events that change it meanwhile. A load's answer is applied only if it is the latest load
 * and no event arrived after it was asked: otherwise it may predate what the page already knows. A later load
 * answers for a superseded one; after an event, the page asks again.
 */
export class LoadOrder {
  private loads = 0;
  private events = 0;

  begin(): LoadTicket {
    return { load: ++this.loads, events: this.events };
  }

  /** A live event changed the state: answers to loads asked before it are stale. */
  event(): void {
    this.events++;
  }

  verdict(ticket: LoadTicket): 'apply' | 'superseded' | 'askAgain' {
    if (ticket.load !== this.loads) return 'superseded';
    if (ticket.events !== this.events) return 'askAgain';
    return 'apply';
  }
}
