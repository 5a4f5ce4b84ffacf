import { expect, test } from '../fixtures/test.js';
import { fillBoard, gridShapes, publishPresence } from '../fixtures/stockFiller.js';

type StoredRecord = Record<string, unknown>;

/**
 * A peer's presence (cursor, selection) rides in awareness, relayed as sent. tldraw outlines every shape a
 * peer names as selected, once per mention: a stock client naming one long cloud 300 times froze the page
 * of every classmate holding the board (seen in Chromium). Each viewer now draws each shape once, and only
 * so many.
 */
test('a stock client’s presence naming one shape thousands of times leaves a classmate’s board answering', async ({
  studentA,
  server,
}) => {
  const boardId = await studentA.createBoard();
  const cloud = gridShapes(1)[0] as StoredRecord;
  cloud.props = { ...(cloud.props as StoredRecord), geo: 'cloud', w: 900, h: 1 }; // 1,800 bumps
  await fillBoard(server.url, boardId, [cloud], { user: 'filler' });
  await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0']);

  const mallory = await publishPresence(
    server.url,
    boardId,
    {
      user: { id: 'mallory', color: '#aa3300' },
      presence: {
        currentPageId: 'page:page',
        lastActivityTimestamp: Date.now(),
        cursor: { x: 200, y: 200, type: 'default', rotation: 0 },
        selectedShapeIds: Array.from({ length: 3000 }, () => 'shape:fill0'),
      },
    },
    { user: 'mallory' },
  );
  try {
    const shownSelection = () =>
      studentA.page.evaluate(() => {
        const store = (
          window.__conjecture!.editor as unknown as {
            store: { query: { records(t: string): { get(): Array<{ selectedShapeIds: string[] }> } } };
          }
        ).store;
        return store.query.records('instance_presence').get()[0]?.selectedShapeIds ?? null;
      });
    await expect.poll(shownSelection).toEqual(['shape:fill0']);
    // Her page still answers: she draws a box of her own and it is there.
    const box = await studentA.drawRectangle(300, 300);
    await expect.poll(() => studentA.shapeIds()).toContain(box);
  } finally {
    mallory.leave();
  }
});
