/** What the connection badge shows. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

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
}

export function connectionState(inputs: ConnectionInputs): ConnectionState {
  if (!inputs.browserOnline || !inputs.wanted) return 'offline';
  if (inputs.websocket === 'connected' && inputs.synced) return 'connected';
  return inputs.everSynced ? 'reconnecting' : 'connecting';
}
