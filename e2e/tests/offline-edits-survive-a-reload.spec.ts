import { expect, test } from '../fixtures/test.js';
import { readServerShapes } from '../fixtures/observer.js';
import { storedUpdateSizes } from '../fixtures/localCopy.js';

test('edits made offline are kept in IndexedDB across a reload and uploaded when the page reconnects', async ({
  studentA,
  studentB,
  server,
}) => {
  const boardId = await studentA.createBoard();
  await studentB.openBoard(boardId);
  const before = await studentA.drawRectangle(250, 250);
  await expect.poll(() => studentB.shapeIds()).toContain(before);

  await studentA.goOffline();
  const offline = await studentA.drawRectangle(500, 250);
  await expect(studentA.badge).toHaveAttribute('data-unconfirmed', 'true');
  // once the read answers, every write the page issued for the drawing is on disk
  const storedUpdates = (await storedUpdateSizes(studentA.page, boardId)).length;
  expect(storedUpdates).toBeGreaterThan(0);
  expect(await readServerShapes(server.url, boardId)).not.toContain(offline);

  // the tab is reloaded with the network back: the new session restores the edit and uploads it
  await studentA.context.setOffline(false);
  await studentA.page.reload();
  await studentA.waitForEditor();
  await expect.poll(() => studentA.shapeIds()).toContain(offline);
  await expect(studentA.badge).toHaveText('Connected · all changes saved');
  await expect.poll(() => studentB.shapeIds()).toEqual([before, offline].sort());
  expect(await readServerShapes(server.url, boardId)).toEqual([before, offline].sort());
});
