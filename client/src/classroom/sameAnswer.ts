/**
 * The value already held when a new answer reads the same, else the new one. Every (re)connect asks the
 * server again (what changed while the socket was away has no event to replay), and on a page's first
 * connect the answer is nearly always what the page just loaded; keeping the old object lets React skip
 * re-rendering the page (and the board under it) for nothing. Answers are the server's JSON, so equal
 * answers serialize alike.
 */
export function unlessSame<T>(held: T, next: T): T {
  return held === next || JSON.stringify(held) === JSON.stringify(next) ? held : next;
}
