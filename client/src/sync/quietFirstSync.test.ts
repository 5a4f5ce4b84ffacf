import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFirstSyncQuietly, withoutUpdateObservers } from './quietFirstSync.js';

const MESSAGE_SYNC = 0;
const providers: WebsocketProvider[] = [];
afterEach(() => providers.splice(0).forEach((p) => p.destroy()));

/** A stock provider that never connects: messages are handed to its handlers as its socket would. */
function offlineProvider(doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, {
    connect: false,
    disableBc: true,
    // Never constructed (connect: false); the option only spares node a global WebSocket.
    WebSocketPolyfill: class {} as unknown as typeof WebSocket,
  });
  providers.push(provider);
  return provider;
}

/** Hands a sync message to the provider as y-websocket does; returns the reply it would send, if any. */
function receive(provider: WebsocketProvider, write: (encoder: encoding.Encoder) => void): Uint8Array | null {
  const message = encoding.createEncoder();
  write(message);
  const reply = encoding.createEncoder();
  provider.messageHandlers[MESSAGE_SYNC]!(
    reply,
    decoding.createDecoder(encoding.toUint8Array(message)),
    provider,
    true,
    MESSAGE_SYNC,
  );
  return encoding.length(reply) > 1 ? encoding.toUint8Array(reply) : null;
}

function serverBoard(shapes: number): Y.Doc {
  const server = new Y.Doc();
  const records = server.getMap('records');
  for (let i = 0; i < shapes; i++) records.set(`shape:${i}`, { id: `shape:${i}`, x: i });
  return server;
}

describe('the first sync, applied without the doc’s update observers', () => {
  it('fills the doc, hands the bytes on as received, and only then marks the provider synced', () => {
    const server = serverBoard(50);
    const doc = new Y.Doc();
    const provider = offlineProvider(doc);
    const observed: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => observed.push(update));
    const steps: string[] = [];
    provider.on('sync', () => steps.push(`synced with ${doc.getMap('records').size} records`));
    let handed: Uint8Array | null = null;
    applyFirstSyncQuietly(provider, (update) => {
      handed = update;
      steps.push('handed');
    });
    const full = Y.encodeStateAsUpdate(server);
    receive(provider, (e) => syncProtocol.writeSyncStep2(e, server));

    expect(doc.getMap('records').size).toBe(50);
    expect(observed).toEqual([]); // not encoded again for the observers
    expect(handed).toEqual(full);
    expect(steps).toEqual(['handed', 'synced with 50 records']);
    expect(provider.synced).toBe(true);
  });

  it('takes a first sync in parts (updates, then a step 2) the same way, and is synced only at the step 2', () => {
    const server = serverBoard(30);
    // Three parts as the server sends a big answer: two updates, and the rest as the step 2.
    const parts = [0, 1, 2].map((i) => {
      const part = new Y.Doc();
      const records = server.getMap<{ id: string; x: number }>('records');
      for (const [key, value] of records)
        if (Number(key.split(':')[1]) % 3 === i) part.getMap('records').set(key, value);
      return Y.encodeStateAsUpdate(part);
    });
    const doc = new Y.Doc();
    const provider = offlineProvider(doc);
    const observed: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => observed.push(update));
    const handed: Uint8Array[] = [];
    const synced: number[] = [];
    provider.on('sync', () => synced.push(doc.getMap('records').size));
    applyFirstSyncQuietly(provider, (update) => handed.push(update));

    expect(receive(provider, (e) => syncProtocol.writeUpdate(e, parts[0]!))).toBeNull();
    expect(receive(provider, (e) => syncProtocol.writeUpdate(e, parts[1]!))).toBeNull();
    expect(provider.synced).toBe(false);
    expect(doc.getMap('records').size).toBe(20);
    receive(provider, (e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(e, parts[2]!);
    });

    expect(doc.getMap('records').toJSON()).toEqual(server.getMap('records').toJSON());
    expect(observed).toEqual([]); // no part encoded again for the observers
    expect(handed).toEqual(parts); // stored as received
    expect(synced).toEqual([30]);
  });

  it('lets the doc’s observers see what the sync listeners write, and every later update', () => {
    const server = serverBoard(3);
    const doc = new Y.Doc();
    const provider = offlineProvider(doc);
    const observed: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => observed.push(origin));
    // A listener that writes on sync, as loading the board into the store may (a migration).
    provider.on('sync', () => doc.transact(() => doc.getMap('records').set('migrated', true), 'local'));
    applyFirstSyncQuietly(provider, () => {});

    receive(provider, (e) => syncProtocol.writeSyncStep2(e, server));
    expect(observed).toEqual(['local']);

    server.getMap('records').set('shape:late', { id: 'shape:late' });
    receive(provider, (e) =>
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc))),
    );
    expect(observed).toEqual(['local', provider]);
  });

  it('leaves the server’s state vector (step 1) to y-websocket, which answers it', () => {
    const server = serverBoard(1);
    const doc = new Y.Doc();
    doc.getMap('records').set('mine', 1);
    const provider = offlineProvider(doc);
    applyFirstSyncQuietly(provider, () => {});
    const reply = receive(provider, (e) => syncProtocol.writeSyncStep1(e, server));
    expect(reply).not.toBeNull();
    // The first step 2 after that is still the quiet one.
    const observed: unknown[] = [];
    doc.on('update', (u: Uint8Array) => observed.push(u));
    receive(provider, (e) => syncProtocol.writeSyncStep2(e, server));
    expect(observed).toEqual([]);
    expect(doc.getMap('records').size).toBe(2);
  });
});

describe('withoutUpdateObservers', () => {
  it('puts the observers back, with any added meanwhile, even when applying throws', () => {
    const doc = new Y.Doc();
    const seen: string[] = [];
    doc.on('update', () => seen.push('first'));
    expect(() =>
      withoutUpdateObservers(doc, () => {
        doc.on('update', () => seen.push('added'));
        throw new Error('bad update');
      }),
    ).toThrow('bad update');
    doc.getMap('m').set('k', 1);
    expect(seen).toEqual(['first', 'added']);
  });
});
