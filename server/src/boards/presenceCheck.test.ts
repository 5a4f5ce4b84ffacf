import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { applyAwarenessEntries, PresenceCheck } from './presenceCheck.js';

const state = (id: string, color = '#112233', presence: unknown = { cursor: { x: 1, y: 2 } }) => ({
  user: { id, color },
  presence,
});

describe('PresenceCheck', () => {
  it('accepts the connection’s own presence, and refuses another user’s', () => {
    const check = new PresenceCheck('ada');
    expect(check.accepts(state('ada'))).toBe(true);
    expect(check.accepts(state('bob'))).toBe(false);
  });

  it('checks a changed user part with the schema again, after one was accepted', () => {
    const check = new PresenceCheck('ada');
    expect(check.accepts(state('ada'))).toBe(true);
    expect(check.accepts(state('ada', 'red'))).toBe(false);
    expect(check.accepts(state('ada', '#445566'))).toBe(true);
    expect(check.accepts(state('bob', '#445566'))).toBe(false);
  });

  it('refuses a presence that is not an object, even with a known user', () => {
    const check = new PresenceCheck('ada');
    expect(check.accepts(state('ada'))).toBe(true);
    expect(check.accepts(state('ada', '#112233', [1, 2]))).toBe(false);
    expect(check.accepts(state('ada', '#112233', 'x'))).toBe(false);
    expect(check.accepts(state('ada', '#112233', null))).toBe(true);
    expect(check.accepts([state('ada')])).toBe(false);
  });
});

describe('applyAwarenessEntries', () => {
  it('keeps the newest clock, ignores stale entries and removes at the same clock', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(null);
    applyAwarenessEntries(awareness, [{ clientId: 7, clock: 2, state: { a: 1 } }]);
    applyAwarenessEntries(awareness, [{ clientId: 7, clock: 1, state: { a: 0 } }]);
    expect(awareness.getStates().get(7)).toEqual({ a: 1 });
    applyAwarenessEntries(awareness, [{ clientId: 7, clock: 3, state: { a: 3 } }]);
    expect(awareness.getStates().get(7)).toEqual({ a: 3 });
    applyAwarenessEntries(awareness, [{ clientId: 7, clock: 3, state: null }]);
    expect(awareness.getStates().has(7)).toBe(false);
    expect(awareness.meta.get(7)?.clock).toBe(3);
    awareness.destroy();
  });
});
