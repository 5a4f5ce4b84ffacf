import { expect, test } from '../fixtures/test.js';
import { readServerShapes } from '../fixtures/observer.js';
import { roundTripOverBoardSocket } from '../fixtures/classroom.js';

test('a student who goes offline keeps drawing, and both boards converge when they come back', async ({
  studentA,
  studentB,
  server,
}) => {
  const boardId = await studentA.createBoard();
  await studentB.openBoard(boardId);
  const shared = await studentA.drawRectangle(200, 200);
  await expect.poll(() => studentB.shapeIds()).toContain(shared);
  await expect(studentA.badge).toHaveAttribute('data-unconfirmed', 'false');

  await studentA.goOffline();
  const offlineShapes = [await studentA.drawRectangle(450, 200), await studentA.drawStroke(300, 450)];
  await expect(studentA.badge).toHaveAttribute('data-state', 'offline');
  await expect(studentA.badge).toHaveAttribute('data-unconfirmed', 'true');
  await expect(studentA.badge).toContainText('changes kept on this device until you reconnect');

  // meanwhile B keeps working online
  const onlineShape = await studentB.drawRectangle(700, 300);

  // the cut is real: neither B nor the server has A's offline shapes, and A has not seen B's new one
  // (B's round trip first: the observer's own connection says nothing of what B's has delivered)
  await roundTripOverBoardSocket(studentB);
  const serverShapes = await readServerShapes(server.url, boardId);
  expect(serverShapes).toContain(onlineShape);
  for (const id of offlineShapes) {
    expect(serverShapes).not.toContain(id);
    expect(await studentB.shapeIds()).not.toContain(id);
  }
  expect(await studentA.shapeIds()).not.toContain(onlineShape);

  await studentA.goOnline();
  await expect(studentA.badge).toHaveAttribute('data-state', 'connected');
  await expect(studentA.badge).toHaveAttribute('data-unconfirmed', 'false');
  await expect(studentA.badge).toContainText('all changes saved');

  const everything = [shared, ...offlineShapes, onlineShape].sort();
  await expect.poll(() => studentA.shapeIds()).toEqual(everything);
  await expect.poll(() => studentB.shapeIds()).toEqual(everything);
  expect(await studentA.shapes()).toEqual(await studentB.shapes());
  expect(await readServerShapes(server.url, boardId)).toEqual(everything);
});
