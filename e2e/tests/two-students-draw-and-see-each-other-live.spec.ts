import { expect, test } from '../fixtures/test.js';

test('two students draw on one board and see each other’s shapes and cursors live', async ({
  studentA,
  studentB,
}) => {
  const boardId = await studentA.createBoard();
  await studentB.openBoard(boardId);

  const rectangle = await studentA.drawRectangle(300, 300);
  await expect.poll(() => studentB.shapeIds()).toContain(rectangle);

  const stroke = await studentB.drawStroke(600, 400);
  await expect.poll(() => studentA.shapeIds()).toContain(stroke);
  await expect.poll(() => studentA.shapes()).toEqual(await studentB.shapes());

  // A's cursor, with the name B's resolver gives A's id, appears on B's screen while A moves
  const idOfA = await studentA.page.evaluate(() => window.__conjecture!.editor.user.getId());
  await studentA.page.mouse.move(500, 250);
  await studentA.page.mouse.move(520, 260, { steps: 3 });
  await expect
    .poll(() =>
      studentB.page.evaluate(() => window.__conjecture!.editor.getCollaborators().map((c) => c.userName)),
    )
    .toEqual([`Guest ${idOfA.slice(-4)}`]);
  await expect(studentB.page.locator('.tl-nametag', { hasText: `Guest ${idOfA.slice(-4)}` })).toBeVisible();
  await studentB.page.screenshot({ path: test.info().outputPath('studentB-sees-studentA.png') });
});
