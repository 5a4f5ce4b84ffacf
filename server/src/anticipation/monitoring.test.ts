import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Anticipation, GroupAlert, MonitoringState } from '@conjecture/shared';
import { DEFAULT_ANTICIPATIONS } from '@conjecture/shared';
import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { classWithGroupOfTwo, createClassAsTeacher, SAMPLE_TASK_PROMPT } from '../test/classroomClient.js';
import { socketFor } from '../test/sockets.js';
import { connectClient, noteShape, onCleanup, startTestServer, synced, waitFor } from '../test/testServer.js';

const asStudent = (url: string, token: string, method: string, p: string, body?: unknown) =>
  fetch(`${url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });

const MIDPOINT = {
  title: 'Midpoint',
  description: 'Takes the price halfway between',
  kind: 'strategy',
  lookFors: [
    { kind: 'phrase', text: 'halfway | midpoint' },
    { kind: 'value', value: 2.5, tolerance: 0 },
  ],
  threshold: 2,
};

describe('anticipations', () => {
  it('start from the sample set on the sample task (none on another), are edited by the teacher and survive a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-anticipations-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const teacher = await createClassAsTeacher(first, 'Pen deal', SAMPLE_TASK_PROMPT);
    const base = `/api/classes/${teacher.classId}/anticipations`;
    const listed = (await (await teacher.request('GET', base)).json()) as Anticipation[];
    expect(listed.map((a) => a.id)).toEqual(DEFAULT_ANTICIPATIONS.map((a) => a.id));
    // A class on another task starts with none: the sample set would only mislead its chart.
    const other = await createClassAsTeacher(first, 'Equations', 'Solve 3x + 2 = 11 two ways.');
    const none = await other.request('GET', `/api/classes/${other.classId}/anticipations`);
    expect(await none.json()).toEqual([]);

    const added = await teacher.request('POST', base, MIDPOINT);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ id: 'midpoint', title: 'Midpoint' });
    const edited = await teacher.request('PUT', `${base}/unit-price`, {
      ...MIDPOINT,
      title: 'Unit price (cents)',
    });
    expect(edited.status).toBe(200);
    expect((await teacher.request('DELETE', `${base}/total-price`)).status).toBe(204);
    expect((await teacher.request('DELETE', `${base}/total-price`)).status).toBe(404);
    expect((await teacher.request('POST', base, { ...MIDPOINT, kind: 'guess' })).status).toBe(400);
    await first.close();

    const second = await startTestServer(env);
    // The teacher's cookie, now sent to the restarted server.
    const res = await fetch(`${second.url}${base}`, { headers: { cookie: teacher.cookie } });
    const ids = ((await res.json()) as Anticipation[]).map((a) => `${a.id}:${a.title}`);
    expect(ids).toContain('unit-price:Unit price (cents)');
    expect(ids).toContain('midpoint:Midpoint');
    expect(ids.some((i) => i.startsWith('total-price'))).toBe(false);
  });

  it("are edited only by the class's teacher", async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server, SAMPLE_TASK_PROMPT);
    const other = await createClassAsTeacher(server, 'Another class');
    const base = `/api/classes/${teacher.classId}/anticipations`;

    expect((await asStudent(server.url, ana.token, 'POST', base, MIDPOINT)).status).toBe(403);
    expect((await asStudent(server.url, ana.token, 'GET', base)).status).toBe(403);
    expect((await asStudent(server.url, ana.token, 'DELETE', `${base}/unit-price`)).status).toBe(403);
    // Another class's teacher: their cookie names their own class, so here it is no credential at all.
    const foreign = await fetch(`${server.url}${base}`, {
      method: 'POST',
      headers: { cookie: other.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(MIDPOINT),
    });
    expect(foreign.status).toBe(401);
    const verdict = await asStudent(
      server.url,
      ana.token,
      'PUT',
      `/api/classes/${teacher.classId}/monitoring/${g1.groupId}/unit-price`,
      { verdict: 'confirmed' },
    );
    expect(verdict.status).toBe(403);
    expect((await fetch(`${server.url}${base}`)).status).toBe(401);

    const ids = ((await (await teacher.request('GET', base)).json()) as Anticipation[]).map((a) => a.id);
    expect(ids).not.toContain('midpoint');
  });
});

describe('monitoring', () => {
  it("reaches the teacher when a student writes matching work, and keeps the teacher's verdicts", async () => {
    const server = await startTestServer({ MONITOR_DEBOUNCE_MS: '0' });
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server, SAMPLE_TASK_PROMPT);
    const states: MonitoringState[] = [];
    const socket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
    socket.on('monitoringChanged', (s) => states.push(s));
    await waitFor(() => socket.connected, 'the teacher socket');

    const student = connectClient(server, g1.boardId, { token: ana.token });
    await synced(student);
    student.records.set(
      'shape:t1',
      shapeRecord(
        'table',
        {
          w: 288,
          h: 120,
          cells: [
            ['store', 'cost per pen'],
            ['A', '0.67'],
            ['B', '0.60'],
          ],
          headerRow: true,
        },
        'shape:t1',
      ),
    );

    const unitPriceOf = (s: MonitoringState) =>
      s.groups.find((g) => g.groupId === g1.groupId)?.matches.find((m) => m.anticipationId === 'unit-price');
    const seen = await waitFor(
      () => states.find((s) => unitPriceOf(s)?.matched),
      'a monitoring state with the unit price matched',
    );
    expect(unitPriceOf(seen)?.evidence[0]?.text).toBe('table with 0.67, 0.60 and "\u2068per pen\u2069"');

    const verdictPath = `/api/classes/${teacher.classId}/monitoring/${g1.groupId}`;
    const confirmed = await teacher.request('PUT', `${verdictPath}/unit-price`, { verdict: 'confirmed' });
    expect(confirmed.status).toBe(200);
    const rejected = await teacher.request('PUT', `${verdictPath}/pens-per-dollar`, { verdict: 'rejected' });
    const state = (await rejected.json()) as MonitoringState;
    const group = state.groups[0];
    expect(group?.matches.find((m) => m.anticipationId === 'unit-price')?.verdict).toBe('confirmed');
    expect(group?.matches.find((m) => m.anticipationId === 'pens-per-dollar')?.verdict).toBe('rejected');
    expect(group?.flagged).toEqual([]);

    const labels = await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/monitoring/labels.jsonl`)
    ).text();
    const rows = labels
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { verdict: string; anticipation: { id: string }; records: unknown[] });
    expect(rows.map((r) => `${r.anticipation.id}:${r.verdict}`)).toEqual([
      'unit-price:confirmed',
      'pens-per-dollar:rejected',
    ]);
    expect(rows[0]?.records).toHaveLength(1);
  });

  it('ranks the group with a matched misconception in the alerts', async () => {
    const server = await startTestServer({ MONITOR_DEBOUNCE_MS: '0' });
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server, SAMPLE_TASK_PROMPT);
    const student = connectClient(server, g1.boardId, { token: ana.token });
    await synced(student);
    student.records.set('shape:n1', noteShape('shape:n1', 'A is cheaper because $2 is less than $3'));
    const alerts = async () =>
      (await (await teacher.request('GET', `/api/classes/${teacher.classId}/alerts`)).json()) as GroupAlert[];
    // The match runs after the note arrives: ask again (a round trip each) until the alert is there.
    let latest = await alerts();
    for (let i = 0; i < 500 && !latest[0]?.reasons.some((r) => r.kind === 'misconception'); i++)
      latest = await alerts();
    expect(latest[0]).toMatchObject({ groupId: g1.groupId, name: 'Group 1' });
    expect(latest[0]?.reasons.find((r) => r.kind === 'misconception')?.text).toBe(
      'misconception: \u2068Compares totals\u2069',
    );
  });
});
