import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { createFilledBoard } from '../fixtures/stockFiller.js';
import { storedUpdateSizes } from '../fixtures/localCopy.js';

const SHAPES = 200;

/** Bytes the page receives on the board's Yjs socket from now on. */
function countBoardBytes(page: Page): () => number {
  let bytes = 0;
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.startsWith('/yjs')) return;
    socket.on('framereceived', ({ payload }) => (bytes += Buffer.byteLength(payload)));
  });
  return () => bytes;
}

/**
 * Notes, in the page, the order of two moments of each load: the board's Yjs socket created, and its
 * IndexedDB copy opened (`indexedDB.open` answered). Installed before any page script.
 */
async function noteLoadOrder(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const order: string[] = [];
    (window as unknown as { __loadOrder: string[] }).__loadOrder = order;
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      const request = open(name, version);
      if (name.startsWith('conjecture:board:'))
        request.addEventListener('success', () => order.push('local copy opened'));
      return request;
    };
    const Native = window.WebSocket;
    window.WebSocket = new Proxy(Native, {
      construct: (target, args: ConstructorParameters<typeof WebSocket>) => {
        if (new URL(String(args[0])).pathname.startsWith('/yjs')) order.push('board socket created');
        return new target(...args);
      },
    });
  });
  return () => page.evaluate(() => (window as unknown as { __loadOrder: string[] }).__loadOrder);
}

/** Bytes of the board's copy in this page's IndexedDB. */
const storedBytes = async (page: Page, boardId: string) =>
  (await storedUpdateSizes(page, boardId)).reduce((sum, bytes) => sum + bytes, 0);

test("a returning student's board opens from the local copy: the server sends only what it lacks, and the copy does not grow", async ({
  studentA,
  studentB,
  server,
}) => {
  const boardId = await createFilledBoard(studentA, server.url, SHAPES);

  const received = countBoardBytes(studentB.page);
  const loadOrder = await noteLoadOrder(studentB.page);
  await studentB.openBoard(boardId);
  await expect.poll(async () => (await studentB.shapeIds()).length, { timeout: 60_000 }).toBe(SHAPES);
  await expect(studentB.badge).toHaveText('Connected · all changes saved');
  // this browser kept no copy of the board: it asked the server at once, without waiting for IndexedDB
  await expect.poll(loadOrder).toEqual(['board socket created', 'local copy opened']);
  const firstVisit = received();
  const copyAfterFirstVisit = await storedBytes(studentB.page, boardId);
  expect(copyAfterFirstVisit).toBeGreaterThan(0);

  // A adds one shape while B is away; B comes back to the board
  await studentB.page.goto('/?debug');
  const added = await studentA.drawRectangle(300, 300);
  await studentB.openBoard(boardId);
  await expect.poll(() => studentB.shapeIds(), { timeout: 60_000 }).toContain(added);
  await expect(studentB.badge).toHaveText('Connected · all changes saved');
  // now it keeps one: the copy is in the doc before the server is asked what the browser lacks
  expect(await loadOrder()).toEqual(['local copy opened', 'board socket created']);
  const returning = received() - firstVisit;

  expect(returning).toBeLessThan(firstVisit / 10);
  // what A added is stored; the board is not stored a second time
  expect(await storedBytes(studentB.page, boardId)).toBeLessThan(copyAfterFirstVisit * 1.2);
});
