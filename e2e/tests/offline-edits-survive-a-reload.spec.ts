import { expect, test } from '../fixtures/test.js';
import { readServerShapes } from '../fixtures/observer.js';

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
  // IndexedDB runs transactions on one store in order: a read issued now completes after every write
  // y-indexeddb issued for the drawing, so once it answers the offline edit is on disk.
  const storedUpdates = await studentA.page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
    `conjecture:board:${boardId}`,
  );
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
