import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';

/**
 * Waits until a shape is in the board's Yjs doc (the editor hands it over on its own schedule; from then the
 * badge counts it unconfirmed) and the server has confirmed storing it.
 */
async function confirmed(student: Actor, id: string): Promise<void> {
  await student.page.waitForFunction(
    (shapeId) => window.__conjecture!.session.board.records.get(shapeId) !== undefined,
    id,
  );
  await expect(student.badge).toHaveAttribute('data-unconfirmed', 'false');
}

test('the connection badge shows offline and unconfirmed changes, then connected and confirmed', async ({
  studentA,
}) => {
  await studentA.createBoard();
  await expect(studentA.badge).toHaveAttribute('data-state', 'connected');
  await expect(studentA.badge).toHaveText('Connected · all changes saved');

  await confirmed(studentA, await studentA.drawRectangle(300, 300));
  await expect(studentA.badge).toHaveText('Connected · all changes saved');

  await studentA.goOffline();
  await expect(studentA.badge).toHaveText('Offline · all changes saved');
  const offline = await studentA.drawRectangle(500, 300);
  await studentA.page.waitForFunction(
    (shapeId) => window.__conjecture!.session.board.records.get(shapeId) !== undefined,
    offline,
  );
  await expect(studentA.badge).toHaveText('Offline · changes kept on this device until you reconnect');

  await studentA.goOnline();
  await confirmed(studentA, offline);
  await expect(studentA.badge).toHaveText('Connected · all changes saved');
});
