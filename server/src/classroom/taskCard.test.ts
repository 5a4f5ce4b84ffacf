import { describe, expect, it } from 'vitest';
import { TASK_CARD_ID } from '@conjecture/shared/board/index';
import { classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, startTestServer, synced, waitFor } from '../test/testServer.js';

/** The class's prompt (written when the class is created) as a locked card on every group board. */
describe('the task card', () => {
  it('is on every group board, locked, and a student cannot move, edit or delete it', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    const card = a.records.get(TASK_CARD_ID) as Record<string, unknown> & { props: { text: string } };
    expect(card).toMatchObject({ type: 'task-card', isLocked: true });
    expect(card.props.text).toBe('Which is the better deal?');
    expect(a.doc.getMap('meta').get('locked')).toContain(TASK_CARD_ID);

    a.records.set(TASK_CARD_ID, { ...card, x: 900, props: { ...card.props, text: 'no task' } });
    await waitFor(() => a.records.get(TASK_CARD_ID)?.x === card.x, 'the move to be reverted');
    expect(a.records.get(TASK_CARD_ID)).toMatchObject({ props: { text: 'Which is the better deal?' } });
    a.records.delete(TASK_CARD_ID);
    await waitFor(() => a.records.get(TASK_CARD_ID), 'the delete to be reverted');

    // A group made later gets it too, and the card is not "work" that stops the group being deleted.
    const g2 = await createGroup(teacher, 'Group 2');
    const room = server.rooms.hold(g2.boardId);
    try {
      expect(room.records.get(TASK_CARD_ID)).toMatchObject({ props: { text: 'Which is the better deal?' } });
    } finally {
      server.rooms.release(g2.boardId);
    }
    const deleted = await teacher.request('DELETE', `/api/classes/${teacher.classId}/groups/${g2.groupId}`);
    expect(deleted.status).toBe(200);
  });

  it('is rewritten on every board when the teacher edits the prompt, and the class hears it', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    const anaSocket = socketFor(server, { token: ana.token });
    await waitFor(() => anaSocket.connected, 'Ana’s socket');
    await emitRaw(anaSocket, 'raiseHand', { raised: false }); // a round trip: she is in the class channel
    const heard = new Promise<string>((resolve) =>
      anaSocket.on('taskPromptChanged', ({ taskPrompt }) => resolve(taskPrompt)),
    );

    const longer = 'Which is the better deal: 3 for $2 or 5 for $3? Explain with a table or a diagram.';
    const res = await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { taskPrompt: longer });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { taskPrompt: string }).taskPrompt).toBe(longer);
    expect(await heard).toBe(longer);
    await waitFor(
      () => (a.records.get(TASK_CARD_ID) as { props?: { text?: string } })?.props?.text === longer,
      'the card to show the new prompt',
    );
    const view = await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    expect(((await view.json()) as { taskPrompt: string }).taskPrompt).toBe(longer);

    // Emptied: the card goes, and its lock with it.
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { taskPrompt: '' });
    await waitFor(() => !a.records.has(TASK_CARD_ID), 'the card to be taken away');
    expect(a.doc.getMap('meta').get('locked') ?? []).not.toContain(TASK_CARD_ID);
  });

  it('refuses a prompt edit from a student', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const res = await fetch(`${server.url}/api/classes/${teacher.classId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ taskPrompt: 'do nothing' }),
    });
    expect(res.status).toBe(403);
  });
});
