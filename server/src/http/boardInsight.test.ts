import { describe, expect, it } from 'vitest';
import { GroupRepresentationsSchema } from '@conjecture/shared/board/index';
import { classWithGroupOfTwo, createClassAsTeacher, joinAs } from '../test/classroomClient.js';
import { connectClient, geoShape, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

describe('attribution and representation types from the server', () => {
  it('names each shape’s author and later editors from the authorship log, not from the record', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    // The record claims Ben wrote it; the server knows better.
    a.records.set(
      'shape:n',
      noteShape('shape:n', 'The 12-pack costs $3', { meta: { author: ben.identity.studentId } }),
    );
    await waitFor(() => b.records.get('shape:n'), 'the note');
    b.records.set('shape:n', noteShape('shape:n', 'The 12-pack costs $3 so 25 cents each'));
    b.records.set('shape:g', geoShape('shape:g'));
    await waitFor(() => a.records.get('shape:g'), 'Ben’s shape');

    const res = await fetch(`${server.url}/api/boards/${g1.boardId}/authorship`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    const authorship = (await res.json()) as Record<string, { creator: string; authors: string[] }>;
    expect(authorship['shape:n']).toEqual({
      creator: ana.identity.studentId,
      authors: [ana.identity.studentId, ben.identity.studentId],
    });
    expect(authorship['shape:g']?.creator).toBe(ben.identity.studentId);

    const other = await createClassAsTeacher(server, 'Other');
    const stranger = (await joinAs(server, other.joinCode, 'Stranger')).body;
    const refused = await fetch(`${server.url}/api/boards/${g1.boardId}/authorship`, {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(refused.status).toBe(403);

    const kinds = GroupRepresentationsSchema.parse(
      await (await teacher.request('GET', `/api/classes/${teacher.classId}/representations`)).json(),
    );
    expect(kinds).toEqual([{ groupId: g1.groupId, counts: { contextual: 1, visual: 1 } }]);
  });
});
