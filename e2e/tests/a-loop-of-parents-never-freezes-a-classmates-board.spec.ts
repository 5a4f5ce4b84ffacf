import { expect, test } from '../fixtures/test.js';
import { fillBoard, gridShapes } from '../fixtures/stockFiller.js';

/**
 * tldraw walks a shape's parents without looking for a loop: one shape that is its own parent froze every
 * browser that had the board open (the page stopped answering). Each such record is valid alone.
 */
test('a stock client’s shapes that are their own parents never reach a classmate, whose board stays usable', async ({
  studentA,
  server,
}) => {
  const boardId = await studentA.createBoard();
  const [a, b, c] = gridShapes(3);
  await test.step('Ada has the board open with one box on it', async () => {
    await fillBoard(server.url, boardId, [a!], { user: 'filler' });
    await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0']);
  });

  await test.step('Mallory’s script writes a loop of parents, and a box, in one change: Ada gets the box alone', async () => {
    const loops = [
      { ...b, id: 'shape:self', parentId: 'shape:self' },
      { ...b, id: 'shape:loopA', parentId: 'shape:loopB' },
      { ...c, id: 'shape:loopB', parentId: 'shape:loopA' },
    ];
    await fillBoard(server.url, boardId, [...loops, c!], { user: 'mallory' });
    await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0', 'shape:fill2']);
    const held = await studentA.page.evaluate(() =>
      (window.__conjecture!.editor as unknown as { store: { has(id: string): boolean } }).store.has(
        'shape:self',
      ),
    );
    expect(held).toBe(false);
  });

  await test.step('Ada selects all and reloads: the board answers, with both boxes', async () => {
    await studentA.page.keyboard.press('Control+a');
    await studentA.page.reload();
    await studentA.waitForEditor();
    await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0', 'shape:fill2']);
  });
});
