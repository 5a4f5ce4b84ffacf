import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient, type Snapshot } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  geoShape,
  noteShape,
  onCleanup,
  startTestServer,
  synced,
} from '../test/testServer.js';
import type { RunningServer } from '../createServer.js';

/** Ana's group board with a rectangle and a note far from it (and the server's task card), by her own client. */
async function boardWithTwoShapes(server: RunningServer) {
  const setup = await classWithGroupOfTwo(server);
  const ana = connectClient(server, setup.g1.boardId, { token: setup.ana.token });
  await synced(ana);
  ana.records.set('shape:near', geoShape('shape:near', { x: 2000, y: 2000 }));
  ana.records.set('shape:far', noteShape('shape:far', 'cost per pen 0.67', { x: 5000, y: 5000 }));
  await roundTrip(ana);
  return { ...setup, anaBoard: ana };
}

const shapeIds = (s: Snapshot) =>
  s.records
    .filter((r) => r.typeName === 'shape')
    .map((r) => r.id)
    .sort();

async function refusal(call: Promise<unknown>): Promise<number | null> {
  try {
    await call;
    return null;
  } catch (error) {
    return error instanceof ApiRequestError ? error.status : null;
  }
}

describe('snapshots', () => {
  it('capture the records the server holds, or those in a region, and never change afterwards', async () => {
    const server = await startTestServer();
    const { teacher, g1, anaBoard } = await boardWithTwoShapes(server);
    const classId = teacher.classId;

    const whole = await teacher.api.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } });
    // The group's work, without the task card the server placed on every board.
    expect(shapeIds(whole)).toEqual(['shape:far', 'shape:near']);
    const framed = await teacher.api.takeSnapshot({
      params: { classId },
      body: { groupId: g1.groupId, region: { x: 1900, y: 1900, w: 300, h: 300 }, title: 'the rectangle' },
    });
    expect(shapeIds(framed)).toEqual(['shape:near']);
    expect(framed).toMatchObject({ title: 'the rectangle', groupName: 'Group 1', shapeCount: 1 });

    // The group goes on working: the snapshot does not follow.
    anaBoard.records.set('shape:near', geoShape('shape:near', { x: 2400, y: 2000 }));
    anaBoard.records.delete('shape:far');
    await roundTrip(anaBoard);
    const again = await teacher.api.getSnapshot({ params: { classId, snapshotId: whole.snapshotId } });
    expect(again.records).toEqual(whole.records);
    expect(again.records.find((r) => r.id === 'shape:near')).toMatchObject({ x: 2000 });

    const gallery = await teacher.api.listSnapshots({ params: { classId } });
    expect(gallery.map((s) => s.snapshotId)).toEqual([whole.snapshotId, framed.snapshotId]);
    expect(gallery[0]).not.toHaveProperty('records');
  });

  it('are taken by the teacher only and read by the teacher and the projector only', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await boardWithTwoShapes(server);
    const classId = teacher.classId;
    const taken = await teacher.api.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } });
    const read = { params: { classId, snapshotId: taken.snapshotId } };

    const student = apiOf(server, ana.token);
    expect(await refusal(student.getSnapshot(read))).toBe(403);
    expect(await refusal(student.listSnapshots({ params: { classId } }))).toBe(403);
    expect(await refusal(student.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } }))).toBe(
      403,
    );
    expect(await refusal(apiOf(server).getSnapshot(read))).toBe(401);
    // Another class's teacher: their cookie names their own class, so here it is no credential at all.
    const other = await createClassAsTeacher(server, 'Another class');
    expect(await refusal(other.api.getSnapshot(read))).toBe(401);
    // A snapshot of another class is not found through one's own class.
    expect(
      await refusal(
        other.api.getSnapshot({ params: { classId: other.classId, snapshotId: taken.snapshotId } }),
      ),
    ).toBe(404);

    const { token } = await apiOf(server).startProjectorSession({
      params: { classId },
      body: { key: teacher.projectorKey },
    });
    const projector = apiOf(server, token);
    expect(shapeIds(await projector.getSnapshot(read))).toEqual(shapeIds(taken));
    expect(
      await refusal(projector.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } })),
    ).toBe(403);
    // Anonymized, the projector reads no group names; the teacher still does.
    await teacher.api.setProjection({ params: { classId }, body: { boardIds: [], anonymize: true } });
    expect((await projector.getSnapshot(read)).groupName).toBe('A group');
    expect((await projector.listSnapshots({ params: { classId } }))[0]?.title).toBe('A group');
    expect((await teacher.api.getSnapshot(read)).groupName).toBe('Group 1');
  });

  it('keep an image drawn from their records when taken, never redrawn, for the teacher and the projector only', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1, anaBoard } = await boardWithTwoShapes(server);
    const classId = teacher.classId;
    const taken = await teacher.api.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } });
    const path = `/api/classes/${classId}/snapshots/${taken.snapshotId}/image.svg`;
    const image = async (headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}${path}`, { headers });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
      };
    };

    const first = await teacher.request('GET', path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(first.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const svg = await first.text();
    // Both items, the note's text, and not the task card the server placed on the board.
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-shape-id="shape:near"');
    expect(svg).toContain('cost per pen 0.67');
    expect(svg.match(/data-shape-id="/g)).toHaveLength(2);

    // The board moves on; the image does not.
    anaBoard.records.set('shape:far', noteShape('shape:far', 'cost per pen 0.60', { x: 5000, y: 5000 }));
    await roundTrip(anaBoard);
    expect(await (await teacher.request('GET', path)).text()).toBe(svg);

    const { token } = await apiOf(server).startProjectorSession({
      params: { classId },
      body: { key: teacher.projectorKey },
    });
    expect(await image({ Authorization: `Bearer ${token}` })).toMatchObject({ status: 200, body: svg });
    expect((await image({ Authorization: `Bearer ${ana.token}` })).status).toBe(403);
    expect((await image()).status).toBe(401);
    const other = await createClassAsTeacher(server, 'Another class');
    expect((await other.request('GET', path)).status).toBe(401);
    const foreign = `/api/classes/${other.classId}/snapshots/${taken.snapshotId}/image.svg`;
    expect((await other.request('GET', foreign)).status).toBe(404);
  });

  it('are kept across a restart and go with their class', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-snapshots-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const { teacher, g1 } = await boardWithTwoShapes(first);
    const classId = teacher.classId;
    const taken = await teacher.api.takeSnapshot({ params: { classId }, body: { groupId: g1.groupId } });
    const imagePath = `/api/classes/${classId}/snapshots/${taken.snapshotId}/image.svg`;
    const image = await (await teacher.request('GET', imagePath)).text();
    await first.close();

    const second = await startTestServer(env);
    const again = createApiClient({ origin: second.url, headers: { cookie: teacher.cookie } });
    const read = { params: { classId, snapshotId: taken.snapshotId } };
    expect((await again.getSnapshot(read)).records).toEqual(taken.records);
    const stored = await fetch(`${second.url}${imagePath}`, { headers: { cookie: teacher.cookie } });
    expect(await stored.text()).toBe(image);
    await again.deleteClass({ params: { classId } });
    expect(await refusal(again.getSnapshot(read))).toBe(404);
  });
});
