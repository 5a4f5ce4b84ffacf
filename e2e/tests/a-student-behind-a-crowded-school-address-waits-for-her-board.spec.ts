import type { Page, WebSocketRoute } from '@playwright/test';
import { YjsCloseCode } from '@conjecture/shared';
import { expect, test } from '../fixtures/test.js';

/**
 * The board's server as it answers a class behind one school address on boards outside any class: while
 * `crowded`, each new connection to the board's endpoint is refused at the address's cap
 * (MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS, one server-wide value in e2e, so the refusal is played here);
 * `drop()` closes the open one as a lost connection would.
 */
async function schoolAddressCap(page: Page) {
  let crowded = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    if (crowded) {
      void ws.close({ code: YjsCloseCode.tooManyFromAddress, reason: 'already 300 connections' });
      return;
    }
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    crowd: () => {
      crowded = true;
    },
    drop: () => Promise.all([...open].map((ws) => ws.close())),
    free: () => {
      crowded = false;
    },
  };
}

test('a student refused at her school address’s cap is told calmly, keeps her work, and syncs once a place frees', async ({
  studentA,
}) => {
  const cap = await schoolAddressCap(studentA.page);
  await studentA.createBoard();
  await expect(studentA.badge).toHaveText('Connected · all changes saved');

  cap.crowd();
  await cap.drop();
  await expect(studentA.badge).toHaveAttribute('data-state', 'crowded');
  const drawn = await studentA.drawRectangle(400, 300);
  await studentA.page.waitForFunction(
    (shapeId) => window.__conjecture!.session.board.records.get(shapeId) !== undefined,
    drawn,
  );
  await expect(studentA.badge).toHaveText(
    'Too many boards open on this network, trying again · changes kept on this device until you reconnect',
  );

  // Not a failure for good: the session keeps trying (no reload) and is admitted once a place frees.
  cap.free();
  await expect(studentA.badge).toHaveAttribute('data-state', 'connected');
  await expect(studentA.badge).toHaveText('Connected · all changes saved');
});
