import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';

/**
 * The student's network stays up (`navigator.onLine` true) while the board's server cannot be reached, as
 * behind a captive portal or a firewall: every new connection to the board's endpoint is closed before it
 * reaches the server, and `cut()` also closes the one open.
 */
async function blockableBoardConnections(page: Page) {
  let blocked = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    if (blocked) {
      void ws.close();
      return;
    }
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    cut: async () => {
      blocked = true;
      await Promise.all([...open].map((ws) => ws.close()));
    },
    restore: () => {
      blocked = false;
    },
  };
}

test('a student whose network cannot reach the server is told so, her work is kept, and it syncs when the server answers', async ({
  studentA,
}) => {
  const network = await blockableBoardConnections(studentA.page);
  await studentA.createBoard();
  await expect(studentA.badge).toHaveText('Connected · all changes saved');

  await network.cut();
  await expect(studentA.badge).toHaveAttribute('data-state', 'unreachable');
  expect(await studentA.page.evaluate(() => navigator.onLine)).toBe(true);
  const drawn = await studentA.drawRectangle(400, 300);
  await studentA.page.waitForFunction(
    (shapeId) => window.__conjecture!.session.board.records.get(shapeId) !== undefined,
    drawn,
  );
  await expect(studentA.badge).toHaveText(
    "Can't reach Conjecture · changes kept on this device until you reconnect",
  );
  await expect(studentA.badge).toHaveAttribute('role', 'status');

  network.restore();
  await expect(studentA.badge).toHaveAttribute('data-state', 'connected');
  await expect(studentA.badge).toHaveText('Connected · all changes saved');
});
