import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphPaperChanged } from '@conjecture/shared';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { socketFor } from '../test/sockets.js';
import { geoShape, onCleanup, startTestServer, waitFor } from '../test/testServer.js';

const asStudent = (url: string, token: string, method: string, p: string, body?: unknown) =>
  fetch(`${url}${p}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });

describe('graph paper, a class setting', () => {
  it('is off by default; the teacher switches it and students hear it live and in the class view', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const view = async () =>
      (await (
        await asStudent(server.url, ana.token, 'GET', `/api/classes/${teacher.classId}/view`)
      ).json()) as { graphPaper: boolean };
    expect((await view()).graphPaper).toBe(false);

    const heard: GraphPaperChanged[] = [];
    const socket = socketFor(server, { token: ana.token });
    socket.on('graphPaperChanged', (payload) => heard.push(payload));
    await waitFor(() => socket.connected, 'the student socket to connect');

    const res = await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { graphPaper: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ graphPaper: true });
    await waitFor(() => heard.length === 1, 'the student to hear graph paper switched on');
    expect(heard[0]).toEqual({ classId: teacher.classId, graphPaper: true });
    expect((await view()).graphPaper).toBe(true);

    // Setting the same value again changes nothing and announces nothing.
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { graphPaper: true });
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { graphPaper: false });
    await waitFor(() => heard.length === 2, 'the student to hear graph paper switched off');
    expect(heard.map((h) => h.graphPaper)).toEqual([true, false]);
  });

  it('cannot be switched by a student, alone or slipped in with a pause', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const patch = (body: unknown) =>
      asStudent(server.url, ana.token, 'PATCH', `/api/classes/${teacher.classId}`, body);
    expect((await patch({ graphPaper: true })).status).toBe(403);
    expect((await patch({ graphPaper: true, paused: false })).status).toBe(403);
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}`);
    expect(await state.json()).toMatchObject({ graphPaper: false });
  });

  it('survives a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-graph-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const { teacher, ana } = await classWithGroupOfTwo(first);
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { graphPaper: true });
    await first.close();

    const second = await startTestServer(env);
    const view = await asStudent(second.url, ana.token, 'GET', `/api/classes/${teacher.classId}/view`);
    expect(await view.json()).toMatchObject({ graphPaper: true });
  });
});

describe('reading the template back', () => {
  it('gives the teacher the records last placed, and nobody else', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const get = () => teacher.request('GET', `/api/classes/${teacher.classId}/template`);
    expect(await (await get()).json()).toEqual({ records: [] });

    const task = geoShape('shape:template-task', { x: -300, isLocked: true });
    await teacher.request('PUT', `/api/classes/${teacher.classId}/template`, { records: [task] });
    expect(await (await get()).json()).toEqual({ records: [task] });

    const byStudent = await asStudent(
      server.url,
      ana.token,
      'GET',
      `/api/classes/${teacher.classId}/template`,
    );
    expect(byStudent.status).toBe(403);
    expect((await fetch(`${server.url}/api/classes/${teacher.classId}/template`)).status).toBe(401);
  });
});
