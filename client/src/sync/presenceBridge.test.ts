import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import {
  InstancePresenceRecordType,
  TLPOINTER_ID,
  UserRecordType,
  atom,
  createPresenceStateDerivation,
  createUserId,
  type TLInstancePresence,
} from 'tldraw';
import { colorForUser } from '@conjecture/shared';
import { geoShape, linkDocs, newPeer, seedLikeServer, prepareSessionState } from '../test/boardHarness.js';
import { bindStoreToBoard, loadBoardIntoStore } from './storeYjsBridge.js';
import {
  bindPresence,
  MAX_SHOWN_SCRIBBLE_POINTS,
  MAX_SHOWN_SCRIBBLES,
  MAX_SHOWN_SELECTION,
  type ResolveDisplayName,
} from './presenceBridge.js';

const unbinders: Array<() => void> = [];
afterEach(() => unbinders.splice(0).forEach((unbind) => unbind()));

function linkAwareness(a: Awareness, b: Awareness) {
  const relay = (from: Awareness, to: Awareness) =>
    from.on('update', (c: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'relay') return;
      const changed = [...c.added, ...c.updated, ...c.removed];
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'relay');
    });
  relay(a, b);
  relay(b, a);
}

function client(userId: string, serverState: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, serverState, 'server');
  const peer = newPeer(doc);
  loadBoardIntoStore(peer.store, peer.board);
  unbinders.push(bindStoreToBoard(peer.store, peer.board));
  prepareSessionState(peer.store); // what the editor does on mount: instance, camera, pointer
  const awareness = new Awareness(doc);
  const $user = atom(
    'user',
    UserRecordType.create({ id: createUserId(userId), name: '', color: colorForUser(userId) }),
  );
  const localPresence = createPresenceStateDerivation($user, {
    instanceId: InstancePresenceRecordType.createId(String(doc.clientID)),
  })(peer.store);
  return { ...peer, awareness, userId, localPresence };
}

const SCRIBBLE = {
  id: 'scribble',
  size: 20,
  color: 'accent' as const,
  opacity: 1,
  state: 'active' as const,
  delay: 0,
  shrink: 0,
  taper: false,
  points: [{ x: 1, y: 2, z: 0.5 }],
};

const remotePresences = (store: ReturnType<typeof client>['store']) =>
  store.allRecords().filter((r): r is TLInstancePresence => r.typeName === 'instance_presence');

describe('presence over awareness', () => {
  /** Two students on one board; `namesForB`: how B's view names others (default "Guest <letter>"). */
  function twoStudents(namesForB?: ResolveDisplayName) {
    const server = new Y.Doc();
    seedLikeServer(server);
    const state = Y.encodeStateAsUpdate(server);
    const a = client('student-a', state);
    const b = client('student-b', state);
    linkDocs(a.doc, b.doc);
    linkAwareness(a.awareness, b.awareness);
    const guestNames = (id: string) => `Guest ${id.slice(-1)}`;
    for (const [s, resolveName] of [
      [a, guestNames],
      [b, namesForB ?? guestNames],
    ] as const) {
      unbinders.push(
        bindPresence(s.store, s.awareness, {
          userId: s.userId,
          localPresence: s.localPresence,
          resolveName,
          schedule: queueMicrotask,
        }),
      );
    }
    return { a, b };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("shows one student's cursor to the other, named by the viewer and coloured per user", async () => {
    const { a, b } = twoStudents();
    a.store.update(TLPOINTER_ID, (p) => ({ ...p, x: 123, y: 45 }));
    await settle();

    const [seenByB] = remotePresences(b.store);
    expect(seenByB).toMatchObject({
      userId: createUserId('student-a'),
      userName: 'Guest a',
      color: colorForUser('student-a'),
      cursor: { x: 123, y: 45 },
    });
    expect(remotePresences(a.store).map((p) => p.userId)).toEqual([createUserId('student-b')]);
  });

  it("names a still cursor again when the viewer's names change", async () => {
    let names: Record<string, string> = { 'student-a': 'Ada' };
    const renamed = new Set<() => void>();
    const resolveName: ResolveDisplayName = (id) => names[id] ?? 'Someone';
    resolveName.subscribe = (listener) => {
      renamed.add(listener);
      return () => renamed.delete(listener);
    };
    const { a, b } = twoStudents(resolveName);
    a.store.update(TLPOINTER_ID, (p) => ({ ...p, x: 10 }));
    await settle();
    expect(remotePresences(b.store).map((p) => p.userName)).toEqual(['Ada']);

    // the teacher anonymizes names for students; Ada's pointer does not move
    names = { 'student-a': 'Student A' };
    renamed.forEach((listener) => listener());
    expect(remotePresences(b.store).map((p) => p.userName)).toEqual(['Student A']);
  });

  it('shows a cursor whose name is not known yet with no name tag, not "Someone", until the name arrives', async () => {
    let names: Record<string, string> = {};
    const renamed = new Set<() => void>();
    // As the class's resolver: the caller says what an unknown id reads as.
    const resolveName: ResolveDisplayName = (id, unknownName = 'Someone') => names[id] ?? unknownName;
    resolveName.subscribe = (listener) => {
      renamed.add(listener);
      return () => renamed.delete(listener);
    };
    const { a, b } = twoStudents(resolveName);
    a.store.update(TLPOINTER_ID, (p) => ({ ...p, x: 10 }));
    await settle();
    // tldraw draws no name tag for an empty name
    expect(remotePresences(b.store).map((p) => p.userName)).toEqual(['']);

    names = { 'student-a': 'Ada' };
    renamed.forEach((listener) => listener());
    expect(remotePresences(b.store).map((p) => p.userName)).toEqual(['Ada']);
  });

  it('publishes ids only, never a display name', async () => {
    const { a } = twoStudents();
    await settle();
    const published = a.awareness.getLocalState() as { user: unknown; presence: { userName: string } } | null;
    expect(published?.user).toEqual({ id: 'student-a', color: colorForUser('student-a') });
    expect(published?.presence.userName).toBe('');
  });

  it('never writes presence into the doc', async () => {
    const { a, b } = twoStudents();
    const entries = b.board.records.yarray.length;
    a.store.update(TLPOINTER_ID, (p) => ({ ...p, x: 1 }));
    await settle();
    a.store.update(TLPOINTER_ID, (p) => ({ ...p, x: 2 }));
    await settle();
    expect(remotePresences(b.store)[0]?.cursor?.x).toBe(2);
    expect(b.board.records.yarray.length).toBe(entries);
    expect([...b.board.records.map.values()].some((e) => e.val.typeName === 'instance_presence')).toBe(false);
  });

  it('removes a presence when its client leaves', async () => {
    const { a, b } = twoStudents();
    await settle();
    expect(remotePresences(b.store)).toHaveLength(1);
    a.awareness.setLocalState(null);
    expect(remotePresences(b.store)).toHaveLength(0);
  });

  it('draws a peer’s selection once per shape the board holds, and no more of it than a hint', async () => {
    const { a, b } = twoStudents();
    const held = Array.from({ length: MAX_SHOWN_SELECTION + 50 }, (_, i) => geoShape(b.store, `s${i}`, i));
    b.store.put(held);
    await settle();
    const [first] = held;
    a.awareness.setLocalState({
      ...a.awareness.getLocalState(),
      presence: {
        ...(a.awareness.getLocalState()?.presence as object),
        selectedShapeIds: [
          ...Array.from({ length: 3000 }, () => first!.id),
          'shape:notOnTheBoard',
          'page:page',
          ...held.map((s) => s.id),
        ],
        scribbles: Array.from({ length: 40 }, () => ({
          ...SCRIBBLE,
          points: Array(2000).fill(SCRIBBLE.points[0]),
        })),
      },
    });
    const [shown] = remotePresences(b.store);
    expect(shown!.selectedShapeIds).toHaveLength(MAX_SHOWN_SELECTION);
    expect(new Set(shown!.selectedShapeIds).size).toBe(MAX_SHOWN_SELECTION);
    expect(shown!.selectedShapeIds.slice(0, 2)).toEqual([held[0]!.id, held[1]!.id]);
    expect(shown!.scribbles).toHaveLength(MAX_SHOWN_SCRIBBLES);
    expect(shown!.scribbles[0]!.points).toHaveLength(MAX_SHOWN_SCRIBBLE_POINTS);
  });

  it('publishes no more of a big selection than classmates draw, and they still see it', async () => {
    const { a, b } = twoStudents();
    const shapes = Array.from({ length: 1_000 }, (_, i) => geoShape(a.store, `s${i}`, i));
    a.store.put(shapes);
    // Ada selects all 1,000 (tldraw's instance page state; its presence names every selected id).
    const pageStates = a.store.allRecords().filter((r) => r.typeName === 'instance_page_state');
    a.store.put(pageStates.map((r) => ({ ...r, selectedShapeIds: shapes.map((s) => s.id) })));
    await settle();
    const published = a.awareness.getLocalState() as { presence: { selectedShapeIds: string[] } };
    const firstShown = shapes.slice(0, MAX_SHOWN_SELECTION).map((s) => s.id);
    expect(published.presence.selectedShapeIds).toEqual(firstShown);
    const [seenByB] = remotePresences(b.store);
    expect(seenByB!.selectedShapeIds).toEqual(firstShown);
  });

  it('ignores awareness states that do not match the presence schema', async () => {
    const { a, b } = twoStudents();
    await settle();
    expect(remotePresences(b.store)).toHaveLength(1);
    a.awareness.setLocalState({ user: { id: 'no spaces allowed', color: 'red' }, presence: {} });
    expect(remotePresences(b.store)).toHaveLength(0);
  });
});
