import { describe, expect, it } from 'vitest';
import { classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, geoShape, startTestServer, synced, waitFor } from '../test/testServer.js';
import type { TestClient } from '../test/testServer.js';
import { arrowBinding } from '../test/records.js';

/** An arrow as tldraw 5 writes one: where its ends sit comes from its bindings while it is bound. */
function arrowShape(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return geoShape(id, {
    type: 'arrow',
    props: {
      kind: 'arc',
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      font: 'draw',
      start: { x: 0, y: 0 },
      end: { x: 200, y: 0 },
      bend: 0,
      richText: { type: 'doc', content: [] },
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
    ...overrides,
  });
}

const card = geoShape('shape:tcard', { x: -300, isLocked: true });
const diagram = geoShape('shape:tdiagram', { x: 300, isLocked: true });
const arrow = arrowShape('shape:tarrow', { isLocked: true });
const fromCard = arrowBinding('binding:tstart', 'shape:tarrow', 'shape:tcard', 'start');
const toDiagram = arrowBinding('binding:tend', 'shape:tarrow', 'shape:tdiagram', 'end');
const TEMPLATE = [card, diagram, arrow, fromCard, toDiagram];

async function classWithTemplate(records: unknown[] = TEMPLATE) {
  const server = await startTestServer();
  const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
  const put = (body: unknown[]) =>
    teacher.request('PUT', `/api/classes/${teacher.classId}/template`, { records: body });
  const placed = await put(records);
  expect(placed.status).toBe(200);
  const a = connectClient(server, g1.boardId, { token: ana.token });
  const b = connectClient(server, g1.boardId, { token: ben.token });
  await Promise.all([synced(a), synced(b)]);
  return { server, teacher, g1, put, a, b };
}

/**
 * The writer's round trip first: the server has handled (kept or reverted) every earlier write of the writer,
 * and the writer has heard the outcome; then the observer's: it has heard everything relayed before.
 */
async function settle(writer: TestClient, observer: TestClient) {
  await roundTrip(writer);
  await roundTrip(observer);
}

describe('arrows bound in the teacher’s template', () => {
  it('arrive on every group board with their bindings, now and on groups made later', async () => {
    const { server, teacher, a } = await classWithTemplate();
    expect(a.records.get('binding:tstart')).toMatchObject({ fromId: 'shape:tarrow', toId: 'shape:tcard' });
    expect(a.records.get('binding:tend')).toMatchObject({ fromId: 'shape:tarrow', toId: 'shape:tdiagram' });

    const g2 = await createGroup(teacher, 'Group 2');
    const onG2 = connectClient(server, g2.boardId, {
      token: teacher.cookie.split('=')[1] as string,
      mode: 'view',
    });
    await synced(onG2);
    expect(onG2.records.get('binding:tend')).toMatchObject({ toId: 'shape:tdiagram' });

    // The teacher's composer loads them back.
    const stored = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/template`)
    ).json()) as { records: Array<{ id: string }> };
    expect(stored.records.map((r) => r.id)).toEqual(
      expect.arrayContaining(['binding:tstart', 'binding:tend']),
    );
  });

  it('refuses a binding with an end outside the template, naming it, and writes nothing', async () => {
    const { server, teacher, g1, put, a } = await classWithTemplate([card]);
    const res = await put([
      card,
      arrow,
      arrowBinding('binding:loose', 'shape:tarrow', 'shape:elsewhere', 'end'),
    ]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      message: string;
      issues: Array<{ path: unknown[]; message: string }>;
    };
    expect(body.message).toMatch(/bound to a shape outside/);
    expect(body.issues).toEqual([
      {
        path: ['records', 2, 'toId'],
        message: 'binding:loose: shape:elsewhere is not a shape of the template',
      },
    ]);
    const stored = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/template`)
    ).json()) as { records: Array<{ id: string }> };
    expect(stored.records.map((r) => r.id)).toEqual(['shape:tcard']);
    const late = connectClient(server, g1.boardId, {
      token: teacher.cookie.split('=')[1] as string,
      mode: 'view',
    });
    await synced(late);
    expect(late.records.has('shape:tcard')).toBe(true);
    expect(late.records.has('shape:tarrow') || a.records.has('shape:tarrow')).toBe(false);

    // A binding must start at the arrow it moves.
    const backwards = await put([
      card,
      diagram,
      arrowBinding('binding:odd', 'shape:tcard', 'shape:tdiagram', 'end'),
    ]);
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { issues: Array<{ message: string }> }).issues[0]?.message).toBe(
      'binding:odd: shape:tcard is not an arrow',
    );
  });

  it('stays locked: a stock client cannot delete or change a template binding, nor bind the template arrow', async () => {
    const { a, b } = await classWithTemplate();
    a.records.delete('binding:tstart');
    a.records.set('binding:tend', { ...toDiagram, toId: 'shape:tcard' });
    a.records.set('shape:mine', geoShape('shape:mine'));
    a.records.set('binding:hijack', arrowBinding('binding:hijack', 'shape:tarrow', 'shape:mine', 'end'));
    await settle(a, b);
    for (const client of [a, b]) {
      expect(client.records.get('binding:tstart')).toBeDefined(); // the delete reverted
      expect(client.records.get('binding:tend')?.toId).toBe('shape:tdiagram'); // the change reverted
      expect(client.records.has('binding:hijack')).toBe(false); // no binding from the locked arrow
    }
    expect(b.records.get('shape:mine')).toBeDefined();
  });

  it('lets a student’s own arrow bind to a template shape', async () => {
    const { a, b } = await classWithTemplate();
    a.records.set('shape:my-arrow', arrowShape('shape:my-arrow'));
    a.records.set('binding:mine', arrowBinding('binding:mine', 'shape:my-arrow', 'shape:tcard', 'end'));
    await settle(a, b);
    for (const client of [a, b])
      expect(client.records.get('binding:mine')).toMatchObject({ toId: 'shape:tcard' });
  });

  it('replacing the template removes its old bindings, and students’ bindings to shapes taken away', async () => {
    const { put, a, b } = await classWithTemplate();
    a.records.set('shape:my-arrow', arrowShape('shape:my-arrow'));
    a.records.set('binding:to-card', arrowBinding('binding:to-card', 'shape:my-arrow', 'shape:tcard', 'end'));
    a.records.set(
      'binding:to-diagram',
      arrowBinding('binding:to-diagram', 'shape:my-arrow', 'shape:tdiagram', 'start'),
    );
    await settle(a, b);

    expect((await put([card])).status).toBe(200);
    await waitFor(
      () =>
        !a.records.has('binding:tstart') && !a.records.has('binding:tend') && !a.records.has('shape:tarrow'),
      'the old template arrow and its bindings to go',
    );
    await waitFor(() => !a.records.has('binding:to-diagram'), 'the binding to the removed diagram to go');
    expect(a.records.get('binding:to-card')).toBeDefined();
    expect(a.records.get('shape:my-arrow')).toBeDefined();

    // Released from the lock: the student may now bind and unbind those ids like any other.
    a.records.set('binding:tstart', arrowBinding('binding:tstart', 'shape:my-arrow', 'shape:tcard', 'start'));
    await settle(a, b);
    expect(b.records.get('binding:tstart')).toMatchObject({ fromId: 'shape:my-arrow' });
  });
});
