import { describe, expect, it } from 'vitest';
import type { ClassState, Group } from '@conjecture/shared';
import type { TeacherHandle } from '../test/classroomClient.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { startTestServer } from '../test/testServer.js';

const newGroup = (teacher: TeacherHandle, body: { name?: string }) =>
  teacher.request('POST', `/api/classes/${teacher.classId}/groups`, body);

async function groupNames(teacher: TeacherHandle): Promise<string[]> {
  const res = await teacher.request('GET', `/api/classes/${teacher.classId}`);
  return ((await res.json()) as ClassState).groups.map((g) => g.name);
}

describe('creating a group', () => {
  it('refuses a name another group has in any case, as a rename does (409, same error), and creates nothing', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    expect((await newGroup(teacher, { name: 'Lions' })).status).toBe(201);

    const clash = await newGroup(teacher, { name: '  LIONS ' });
    expect(clash.status).toBe(409);
    const refusal = (await clash.json()) as unknown;
    expect(refusal).toEqual({ code: 'conflict', message: 'another group is already called "Lions"' });
    // The rename's refusal of the same name, word for word: one rule, one answer.
    const rename = await teacher.request('PATCH', `/api/classes/${teacher.classId}/groups/${g1.groupId}`, {
      name: 'lions',
    });
    expect(rename.status).toBe(409);
    expect(await rename.json()).toEqual(refusal);
    // The default name of the first group is taken too, whatever its case.
    expect((await newGroup(teacher, { name: 'group 1' })).status).toBe(409);

    expect(await groupNames(teacher)).toEqual(['Group 1', 'Lions']);
  });

  it('accepts a distinct name, trimmed', async () => {
    const server = await startTestServer();
    const { teacher } = await classWithGroupOfTwo(server);
    const res = await newGroup(teacher, { name: '  Lionesses  ' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Group).name).toBe('Lionesses');
    expect(await groupNames(teacher)).toEqual(['Group 1', 'Lionesses']);
  });

  it('takes a name by the same rules as a rename: inner spaces collapsed, at most 40 characters, no control characters', async () => {
    const server = await startTestServer();
    const { teacher } = await classWithGroupOfTwo(server);
    const made = await newGroup(teacher, { name: ' Lions   Den ' });
    expect(made.status).toBe(201);
    expect(((await made.json()) as Group).name).toBe('Lions Den');
    // A name a rename would refuse cannot be given at creation either.
    for (const name of ['x'.repeat(41), 'Bell\u0007name', '   ']) {
      const res = await newGroup(teacher, { name });
      expect(res.status, JSON.stringify(name)).toBe(400);
    }
    expect((await newGroup(teacher, { name: 'x'.repeat(40) })).status).toBe(201);
    expect(await groupNames(teacher)).toEqual(['Group 1', 'Lions Den', 'x'.repeat(40)]);
  });

  it('names a group made without a name with the first "Group N" no group has, in any case', async () => {
    const server = await startTestServer();
    const { teacher } = await classWithGroupOfTwo(server);
    // An explicit name that takes the next default one, in another case.
    expect((await newGroup(teacher, { name: 'GROUP 3' })).status).toBe(201);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await newGroup(teacher, {});
      expect(res.status).toBe(201);
      made.push(((await res.json()) as Group).name);
    }
    // Two groups would make the next one "Group 3", which reads like "GROUP 3": it is skipped.
    expect(made).toEqual(['Group 4', 'Group 5', 'Group 6']);
    const names = await groupNames(teacher);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
