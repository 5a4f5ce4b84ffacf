import { expect, test } from '../fixtures/test.js';
import { isOutsideRequest } from '../fixtures/actor.js';

test('the board page loads tldraw’s fonts, icons and translations from our own server only', async ({
  studentA,
}) => {
  // Refuse anything leaving the machine, so a slipped CDN reference fails here rather than hanging.
  await studentA.context.route(
    (url) => isOutsideRequest(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const boardId = await studentA.createBoard();
  await studentA.drawRectangle(300, 300);
  await studentA.drawStroke(500, 300);

  // the toolbar's icons are drawn (CSS masks over our own SVG files), not blank
  const toolbar = studentA.page.locator('.tlui-main-toolbar');
  await expect(toolbar).toBeVisible();
  await expect(studentA.page.locator('.tlui-icon').first()).toBeVisible();
  await studentA.page.evaluate(() => document.fonts.ready);
  await studentA.page.screenshot({ path: test.info().outputPath(`board-${boardId}.png`) });

  expect(studentA.outsideRequests).toEqual([]);
});
