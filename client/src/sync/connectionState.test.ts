import { describe, expect, it } from 'vitest';
import { connectionState, type ConnectionInputs } from './connectionState.js';

const base: ConnectionInputs = {
  browserOnline: true,
  wanted: true,
  websocket: 'connected',
  synced: true,
  everSynced: true,
};

describe('connection state', () => {
  it('is connected only once the provider synced on an open socket', () => {
    expect(connectionState(base)).toBe('connected');
    expect(connectionState({ ...base, synced: false, everSynced: false })).toBe('connecting');
  });

  it('reports a lost connection after a first sync as reconnecting', () => {
    expect(connectionState({ ...base, websocket: 'disconnected', synced: false })).toBe('reconnecting');
    expect(connectionState({ ...base, websocket: 'connecting', synced: false })).toBe('reconnecting');
  });

  it('is offline without network or after an explicit disconnect, whatever the socket says', () => {
    expect(connectionState({ ...base, browserOnline: false })).toBe('offline');
    expect(connectionState({ ...base, wanted: false, websocket: 'disconnected' })).toBe('offline');
  });
});
