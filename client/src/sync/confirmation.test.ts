import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decodeStateVectorBase64, hasUnconfirmedChanges } from './confirmation.js';

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('unconfirmed local changes', () => {
  it("stays unconfirmed until the server's state vector covers our own client's clock", () => {
    const local = new Y.Doc();
    local.getArray('x').push([1, 2, 3]);
    const server = new Y.Doc();
    const serverVector = () => decodeStateVectorBase64(base64(Y.encodeStateVector(server)));
    const ours = [local.clientID];

    expect(hasUnconfirmedChanges(Y.decodeStateVector(Y.encodeStateVector(local)), null, ours)).toBe(true);
    expect(hasUnconfirmedChanges(Y.decodeStateVector(Y.encodeStateVector(local)), serverVector(), ours)).toBe(
      true,
    );

    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(hasUnconfirmedChanges(Y.decodeStateVector(Y.encodeStateVector(local)), serverVector(), ours)).toBe(
      false,
    );

    local.getArray('x').push([4]);
    expect(hasUnconfirmedChanges(Y.decodeStateVector(Y.encodeStateVector(local)), serverVector(), ours)).toBe(
      true,
    );
  });

  it("ignores other clients' updates the server has not reported yet", () => {
    const other = new Y.Doc();
    other.getArray('x').push(['theirs']);
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other));
    const localVector = Y.decodeStateVector(Y.encodeStateVector(local));
    expect(hasUnconfirmedChanges(localVector, new Map(), [local.clientID])).toBe(false);
    expect(hasUnconfirmedChanges(localVector, new Map(), [local.clientID, other.clientID])).toBe(true);
  });

  it('has nothing to confirm before we write anything', () => {
    const local = new Y.Doc();
    expect(
      hasUnconfirmedChanges(Y.decodeStateVector(Y.encodeStateVector(local)), null, [local.clientID]),
    ).toBe(false);
  });
});
