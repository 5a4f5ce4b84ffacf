/** What the connection badge shows. */
export type ConnectionState =
  'connecting' | 'connected' | 'reconnecting' | 'unreachable' | 'crowded' | 'offline';

/**
 * Failed connection attempts in a row after which the badge stops saying "Reconnecting…" and says the server
 * cannot be reached: the network is up (`navigator.onLine`) but the server does not answer — a captive portal,
 * a firewall, the wrong Wi-Fi, a server down. A count of facts rather than a clock: y-websocket waits 200,
 * 400, 800, 1,600 then 2,500 ms before its attempts, so five failures span at least 5.5 s of retrying (more
 * where each attempt waits for a timeout) — past the one or two retries a roaming Chromebook or a dropped
 * socket takes to come back, yet soon enough that a student is not left guessing for minutes.
 */
export const UNREACHABLE_AFTER_FAILED_ATTEMPTS = 5;

export interface ConnectionInputs {
  /** `navigator.onLine`: false means no network at all. */
  browserOnline: boolean;
  /** Whether we want to be connected (false after an explicit disconnect or a permanent close). */
  wanted: boolean;
  websocket: 'connecting' | 'connected' | 'disconnected';
  /** The provider finished its sync handshake on the current connection. */
  synced: boolean;
  /** We were synced once during this session: losing the connection afterwards is a reconnect. */
  everSynced: boolean;
  /** Connections closed in a row without syncing, since the last sync (or the network or the wish changed). */
  failedAttempts: number;
  /**
   * The server refused the board at its address's cap (a class behind one school address on boards outside
   * any class, `YjsCloseCode.tooManyFromAddress`) and it has not synced since: the session retries.
   */
  refusedAtAddressCap: boolean;
}

export function connectionState(inputs: ConnectionInputs): ConnectionState {
  if (!inputs.browserOnline || !inputs.wanted) return 'offline';
  if (inputs.websocket === 'connected' && inputs.synced) return 'connected';
  // A refusal is a fact: the server answers, so "can't reach" would be wrong however many there were.
  if (inputs.refusedAtAddressCap) return 'crowded';
  if (inputs.failedAttempts >= UNREACHABLE_AFTER_FAILED_ATTEMPTS) return 'unreachable';
  return inputs.everSynced ? 'reconnecting' : 'connecting';
}
