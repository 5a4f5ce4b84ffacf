import { describe, expect, it } from 'vitest';
import { YDOC_META, YDOC_META_KEY, YjsRefusal } from '@conjecture/shared';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  geoShape,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
} from '../test/testServer.js';
import { roomHarness } from '../test/roomHarness.js';
import { MAX_TEACHER_REMOVALS, removalsAfter } from './teacherRemovals.js';

/** The reasons the server gave this stock client for taking its changes back (y-protocols' auth message). */
function refusalsOf(client: TestClient): string[] {
  const reasons: string[] = [];
  const handlers = (client.provider as unknown as { messageHandlers: unknown[] }).messageHandlers;
  const messageAuth = 2;
  const stock = handlers[messageAuth] as (...args: unknown[]) => void;
  handlers[messageAuth] = (
    encoder: unknown,
    decoder: { arr: Uint8Array; pos: number },
    ...rest: unknown[]
  ) => {
    // The permission-denied message: [0, reason as a var string], read without moving the stock decoder.
    const reason = new TextDecoder().decode(decoder.arr.subarray(decoder.pos + 2));
    reasons.push(reason);
    stock(encoder, decoder, ...rest);
  };
  return reasons;
}

/** Ana's group board with Ana, Ben and the teacher on it (stock clients), and Ana's shape on every screen. */
async function anaDrewAShape() {
  const server = await startTestServer();
  const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
  const teacherToken = teacher.cookie.split('=')[1] as string;
  const a = connectClient(server, g1.boardId, { token: ana.token });
  const b = connectClient(server, g1.boardId, { token: ben.token });
  const t = connectClient(server, g1.boardId, { token: teacherToken });
  await Promise.all([synced(a), synced(b), synced(t)]);
  a.records.set('shape:rude', geoShape('shape:rude'));
  a.records.set('shape:work', geoShape('shape:work'));
  await waitFor(
    () => t.records.get('shape:rude') && t.records.get('shape:work'),
    'Ana’s shapes at the teacher’s',
  );
  return { server, g1, a, b, t, refusals: refusalsOf(a) };
}

describe('a record the teacher removed', () => {
  it('is not brought back by the student’s undo: taken back, she is told, nothing else lost', async () => {
    const { a, t, refusals } = await anaDrewAShape();
    t.records.delete('shape:rude');
    await waitFor(() => !a.records.has('shape:rude'), 'the removal at Ana’s');
    a.records.set('shape:rude', geoShape('shape:rude')); // tldraw's undo: the same record, the same id
    await roundTrip(a);
    expect(a.records.has('shape:rude')).toBe(false);
    expect(refusals).toEqual([YjsRefusal.removedByTeacher]);
    await roundTrip(t);
    expect(t.records.has('shape:rude')).toBe(false);
    expect(a.records.get('shape:work')).toBeDefined();
    expect(a.provider.wsconnected).toBe(true);
    // The student still draws: only the removed id is held.
    a.records.set('shape:next', geoShape('shape:next'));
    await waitFor(() => t.records.get('shape:next'), 'Ana’s next shape at the teacher’s');
  });

  it('is remembered with the board, where a new connection reads it', async () => {
    const { server, g1, t } = await anaDrewAShape();
    t.records.delete('shape:rude');
    await roundTrip(t);
    const fresh = connectClient(server, g1.boardId, { user: 'ignored', token: t.provider.params.token! });
    await synced(fresh);
    expect(fresh.doc.getMap(YDOC_META_KEY).get(YDOC_META.removedByTeacher)).toEqual(['shape:rude']);
  });

  it('may be put back by the teacher herself (her undo), and is then the students’ again', async () => {
    const { a, t, refusals } = await anaDrewAShape();
    t.records.delete('shape:rude');
    await roundTrip(t);
    t.records.set('shape:rude', geoShape('shape:rude'));
    await waitFor(() => a.records.get('shape:rude'), 'the teacher’s undo at Ana’s');
    a.records.delete('shape:rude');
    await roundTrip(a);
    a.records.set('shape:rude', geoShape('shape:rude'));
    await roundTrip(a);
    expect(a.records.get('shape:rude')).toBeDefined();
    expect(refusals).toEqual([]);
  });

  it('is the server’s to keep: a student can neither clear it to undo, fill it, nor add to it by deleting', async () => {
    const { a, b, t, refusals } = await anaDrewAShape();
    const heldAt = (client: TestClient) => client.doc.getMap(YDOC_META_KEY).get(YDOC_META.removedByTeacher);
    // Her own deletion is hers to undo: nothing is held.
    a.records.delete('shape:work');
    await roundTrip(a);
    a.records.set('shape:work', geoShape('shape:work'));
    await roundTrip(a);
    expect(heldAt(t)).toBeUndefined();
    t.records.delete('shape:rude');
    await waitFor(() => heldAt(a), 'the held removal at Ana’s');
    // Cleared by her, then undone: the list comes back and the undo is still taken back.
    a.doc.getMap(YDOC_META_KEY).delete(YDOC_META.removedByTeacher);
    a.records.set('shape:rude', geoShape('shape:rude'));
    await roundTrip(a);
    expect(heldAt(a)).toEqual(['shape:rude']);
    expect(a.records.has('shape:rude')).toBe(false);
    // Filled by her with Ben's work: his own delete and undo still stand.
    b.records.set('shape:ben', geoShape('shape:ben'));
    await waitFor(() => a.records.get('shape:ben'), 'Ben’s shape at Ana’s');
    a.doc.getMap(YDOC_META_KEY).set(YDOC_META.removedByTeacher, ['shape:rude', 'shape:ben']);
    await roundTrip(a);
    expect(heldAt(a)).toEqual(['shape:rude']);
    b.records.delete('shape:ben');
    await roundTrip(b);
    b.records.set('shape:ben', geoShape('shape:ben'));
    await roundTrip(b);
    expect(b.records.get('shape:ben')).toBeDefined();
    expect(heldAt(b)).toEqual(['shape:rude']);
    expect(refusals).toContain(YjsRefusal.removedByTeacher);
  });

  it('is held after the board is loaded again, and freed by a restore (the server writing it back)', () => {
    const h = roomHarness();
    const [teacher, ana] = [h.join('teacher'), h.join('ana')];
    ana.records.set('shape:rude', geoShape('shape:rude'));
    teacher.deliver();
    teacher.records.delete('shape:rude');
    ana.deliver();
    h.reload();
    const again = h.join('ana');
    again.records.set('shape:rude', geoShape('shape:rude'));
    expect(h.room.records.get('shape:rude')).toBeUndefined();
    again.deliver();
    expect(again.refusals).toEqual([YjsRefusal.removedByTeacher]);
    h.room.change((records) => records.set('shape:rude', geoShape('shape:rude')));
    again.deliver();
    again.records.delete('shape:rude');
    again.records.set('shape:rude', geoShape('shape:rude'));
    expect(h.room.records.get('shape:rude')).toBeDefined();
  });

  it('is remembered up to a bound, the oldest forgotten first', () => {
    let held: string[] = [];
    for (let i = 0; i < MAX_TEACHER_REMOVALS + 5; i++) held = removalsAfter(held, [`shape:${i}`], []);
    expect(held).toHaveLength(MAX_TEACHER_REMOVALS);
    expect(held[0]).toBe('shape:5');
    expect(removalsAfter(['shape:a', 'shape:b'], [], ['shape:a'])).toEqual(['shape:b']);
    expect(removalsAfter(['shape:a'], ['shape:a'], [])).toEqual(['shape:a']);
  });
});
