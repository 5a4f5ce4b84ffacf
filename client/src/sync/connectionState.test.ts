import { describe, expect, it } from 'vitest';
import {
  connectionState,
  UNREACHABLE_AFTER_FAILED_ATTEMPTS,
  type ConnectionInputs,
} from './connectionState.js';

const base: ConnectionInputs = {
  browserOnline: true,
  wanted: true,
  websocket: 'connected',
  synced: true,
  everSynced: true,
  failedAttempts: 0,
  refusedAtAddressCap: false,
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

  it('says the server cannot be reached once enough attempts in a row failed, before or after a first sync', () => {
    const down = { ...base, websocket: 'connecting' as const, synced: false };
    const fewer = UNREACHABLE_AFTER_FAILED_ATTEMPTS - 1;
    expect(connectionState({ ...down, failedAttempts: fewer })).toBe('reconnecting');
    expect(connectionState({ ...down, failedAttempts: fewer, everSynced: false })).toBe('connecting');
    expect(connectionState({ ...down, failedAttempts: UNREACHABLE_AFTER_FAILED_ATTEMPTS })).toBe(
      'unreachable',
    );
    expect(
      connectionState({ ...down, failedAttempts: UNREACHABLE_AFTER_FAILED_ATTEMPTS, everSynced: false }),
    ).toBe('unreachable');
  });

  it('is connected again as soon as the server answers, and offline (no network) wins over unreachable', () => {
    const many = UNREACHABLE_AFTER_FAILED_ATTEMPTS + 3;
    // The provider syncing resets the count in the session; the state does not wait for that.
    expect(connectionState({ ...base, failedAttempts: many })).toBe('connected');
    expect(connectionState({ ...base, synced: false, browserOnline: false, failedAttempts: many })).toBe(
      'offline',
    );
  });

  it("says the network has too many boards open while refused at its address's cap, however many refusals", () => {
    const refused = { ...base, websocket: 'disconnected' as const, synced: false, refusedAtAddressCap: true };
    expect(connectionState(refused)).toBe('crowded');
    expect(connectionState({ ...refused, everSynced: false })).toBe('crowded');
    expect(connectionState({ ...refused, failedAttempts: UNREACHABLE_AFTER_FAILED_ATTEMPTS + 3 })).toBe(
      'crowded',
    );
    // Admitted and synced: back to normal; no network, or no wish to connect: offline as before.
    expect(connectionState({ ...refused, websocket: 'connected', synced: true })).toBe('connected');
    expect(connectionState({ ...refused, browserOnline: false })).toBe('offline');
    expect(connectionState({ ...refused, wanted: false })).toBe('offline');
  });
});
