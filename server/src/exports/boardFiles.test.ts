import { describe, expect, it } from 'vitest';
import { TldrFileSchema, type TldrFile } from '@conjecture/shared';
import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import {
  COORDINATE_PLANE_DEFAULT_PROPS,
  EQUATION_DEFAULT_PROPS,
  FRACTION_BAR_DEFAULT_PROPS,
  NUMBER_LINE_DEFAULT_PROPS,
  TABLE_DEFAULT_PROPS,
} from '@conjecture/shared/board/index';
import {
  classWithGroupOfTwo,
  createClassAsTeacher,
  createGroup,
  joinAs,
  assign,
} from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  createBoard,
  geoShape,
  noteShape,
  startTestServer,
  synced,
} from '../test/testServer.js';
import type { RunningServer } from '../createServer.js';

const placed = (id: string, type: string, props: unknown, x: number): Record<string, unknown> => ({
  ...shapeRecord(type, props, id),
  x,
  y: 100,
  index: `a${x}`,
});

/** One of each of our math shapes, and tldraw's own. */
const BOARD: Record<string, unknown>[] = [
  geoShape('shape:box', { x: 0, y: 0 }),
  noteShape('shape:note', '3 pens for $2, so 2/3 of a dollar each', { x: 300, y: 0 }),
  placed('shape:eq', 'equation', { ...EQUATION_DEFAULT_PROPS, latex: '\\frac{2}{3}' }, 1),
  placed(
    'shape:table',
    'table',
    {
      ...TABLE_DEFAULT_PROPS,
      cells: [
        ['pens', '$'],
        ['3', '2'],
      ],
      w: 192,
      h: 80,
    },
    2,
  ),
  placed('shape:bar', 'fraction-bar', FRACTION_BAR_DEFAULT_PROPS, 3),
  placed('shape:line', 'number-line', NUMBER_LINE_DEFAULT_PROPS, 4),
  placed('shape:plane', 'coordinate-plane', COORDINATE_PLANE_DEFAULT_PROPS, 5),
];

async function exportFile(server: RunningServer, boardId: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/boards/${boardId}/board.tldr`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.tldr"/);
  return TldrFileSchema.parse(await res.json());
}

const importFile = (
  server: RunningServer,
  boardId: string,
  file: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(`${server.url}/api/boards/${boardId}/board.tldr`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(file),
  });

const byId = (file: TldrFile) => Object.fromEntries(file.records.map((r) => [r.id, r]));

describe('.tldr board files', () => {
  it('round-trip: exported, imported into a fresh board, every record equal — math shapes included', async () => {
    const server = await startTestServer();
    const source = await createBoard(server);
    const writer = connectClient(server, source);
    await synced(writer);
    for (const record of BOARD) writer.records.set(record.id as string, record);
    await roundTrip(writer);

    const file = await exportFile(server, source);
    expect(file.tldrawFileFormatVersion).toBe(1);
    expect(file.records.map((r) => r.id)).toEqual(expect.arrayContaining(BOARD.map((r) => r.id)));

    const fresh = await createBoard(server, 'Fresh');
    // A file saved by tldraw itself also carries session records (a camera): not part of a board, dropped.
    const camera = { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} };
    const res = await importFile(server, fresh, { ...file, records: [...file.records, camera] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: file.records.length, skipped: [] });

    const again = await exportFile(server, fresh);
    expect(byId(again)).toEqual(byId(file));
    // A client of the fresh board sees them too (the import went through the room, not around it).
    const reader = connectClient(server, fresh, { user: 'bob' });
    await synced(reader);
    expect(reader.records.get('shape:table')).toEqual(byId(file)['shape:table']);
  });

  it('refuses a bad file with a clear error and loses nothing', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const writer = connectClient(server, boardId);
    await synced(writer);
    writer.records.set('shape:keep', geoShape('shape:keep'));
    await roundTrip(writer);
    const good = await exportFile(server, boardId);

    const notAFile = await importFile(server, boardId, { records: 'nope' });
    expect(notAFile.status).toBe(400);
    expect(((await notAFile.json()) as { issues: unknown[] }).issues.length).toBeGreaterThan(0);

    const broken = {
      ...good,
      records: [
        ...good.records.map((r) => (r.id === 'shape:keep' ? { ...r, x: 40 } : r)),
        { ...shapeRecord('table', { ...TABLE_DEFAULT_PROPS, cells: [['a'], ['b', 'c']] }, 'shape:ragged') },
      ],
    };
    const refused = await importFile(server, boardId, broken);
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { message: string; issues: { path: string[] }[] };
    expect(error.message).toMatch(/nothing was imported/);
    expect(error.issues[0]?.path).toEqual(['records', 'shape:ragged']);
    expect(byId(await exportFile(server, boardId))).toEqual(byId(good));

    const future = { ...good, schema: { ...good.schema, sequences: { 'com.tldraw.shape.geo': 999 } } };
    const tooNew = await importFile(server, boardId, future);
    expect(tooNew.status).toBe(400);
    expect(((await tooNew.json()) as { message: string }).message).toMatch(/newer version/);
  });

  it('keeps to the board’s write policy: the server’s locked task card is left out, not imported over', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const auth = { authorization: `Bearer ${ana.token}` };
    const file = await exportFile(server, g1.boardId, auth);
    const taskCard = file.records.find((r) => (r as { type?: string }).type === 'task-card');
    expect(taskCard).toBeDefined();

    const edited = {
      ...file,
      records: [
        ...file.records.map((r) => (r.id === taskCard!.id ? { ...r, x: 9999 } : r)),
        noteShape('shape:mine', 'our idea'),
      ],
    };
    const res = await importFile(server, g1.boardId, edited, auth);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { skipped: { id: string; reason: string }[] };
    expect(result.skipped).toEqual([{ id: taskCard!.id, reason: expect.stringMatching(/locked/) }]);
    const after = byId(await exportFile(server, g1.boardId, auth));
    expect(after[taskCard!.id]).toEqual(taskCard);
    expect(after['shape:mine']).toMatchObject({ props: expect.anything() });

    // Another group's student, the projector and no credential may not import into this board.
    const g2 = await createGroup(teacher, 'Group 2');
    const cy = (await joinAs(server, teacher.joinCode, 'Cy')).body;
    await assign(teacher, cy.identity.studentId, g2.groupId);
    expect((await importFile(server, g1.boardId, file, { authorization: `Bearer ${cy.token}` })).status).toBe(
      403,
    );
    expect((await importFile(server, g1.boardId, file)).status).toBe(401);
    const other = await createClassAsTeacher(server, 'Another class');
    expect((await importFile(server, g1.boardId, file, { cookie: other.cookie })).status).toBe(401);
    const projector = await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: teacher.projectorKey }),
    });
    const { token } = (await projector.json()) as { token: string };
    expect((await importFile(server, g1.boardId, file, { authorization: `Bearer ${token}` })).status).toBe(
      403,
    );
    // Reading the file follows who may open the board.
    const read = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/boards/${g1.boardId}/board.tldr`, { headers }).then((r) => r.status);
    expect(await read({ authorization: `Bearer ${cy.token}` })).toBe(403);
    expect(await read({})).toBe(401);
    expect(await read({ cookie: other.cookie })).toBe(401);
    expect(await read({ cookie: teacher.cookie })).toBe(200);
    // The board as SVG, drawn from its records, for whoever may open it.
    const svg = await fetch(`${server.url}/api/boards/${g1.boardId}/board.svg`, { headers: auth });
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await svg.text()).toContain('our idea');
    const svgStatus = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/boards/${g1.boardId}/board.svg`, { headers }).then((r) => r.status);
    expect(await svgStatus({ authorization: `Bearer ${cy.token}` })).toBe(403);
    expect(await svgStatus({})).toBe(401);
    // The projector sees a board while the teacher shows it, and no other.
    expect(await svgStatus({ authorization: `Bearer ${token}` })).toBe(403);
    await teacher.api.setProjection({
      params: { classId: teacher.classId },
      body: { boardIds: [g1.boardId], anonymize: false },
    });
    expect(await svgStatus({ authorization: `Bearer ${token}` })).toBe(200);
    // The teacher may.
    expect((await importFile(server, g1.boardId, file, { cookie: teacher.cookie })).status).toBe(200);
  });
});
