import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';
import {
  createClassAndOpenDashboard,
  roundTripOverBoardSocket,
  twoStudentsInOneGroup,
} from '../fixtures/classroom.js';

/** RefusalNotice's words for `removed-by-teacher`. */
const REMOVED_BY_TEACHER = 'Your teacher removed that from the board, so it cannot be brought back.';

/** Where a shape sits on the page (its page x), or null when this editor does not hold it. */
const shapeX = (actor: Actor, id: string) =>
  actor.page.evaluate((shapeId) => window.__conjecture!.editor.getShape(shapeId)?.x ?? null, id);

/** The middle of a shape on this page's screen, wherever the editor's camera has put it. */
const screenCentreOf = (page: Page, id: string) =>
  page.evaluate((shapeId) => {
    const editor = window.__conjecture!.editor;
    const { x, y, w, h } = editor.getShapePageBounds(shapeId)!;
    return editor.pageToViewport({ x: x + w / 2, y: y + h / 2 });
  }, id);

/** The viewport's origin on the page, to turn tldraw's viewport points into mouse coordinates. */
const viewportOrigin = (page: Page) =>
  page.locator('.board .tl-container').evaluate((el) => {
    const { left, top } = el.getBoundingClientRect();
    return { left, top };
  });

test('what the teacher deletes stays deleted when the student undoes her move; the teacher may undo it', async ({
  teacher,
  studentA: ada,
  studentB: bruno,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Moderation holds');
  await twoStudentsInOneGroup(teacher, joinCode, ada, bruno);

  const box =
    await test.step('Ada draws a box and drags it aside; Bruno sees it where she left it', async () => {
      // On the left of the board: the teacher's opened view, fitted to the work, keeps its panel on the right.
      const id = await ada.drawRectangle(150, 450);
      const drawnAt = (await shapeX(ada, id)) as number;
      await ada.page.mouse.move(210, 490);
      await ada.page.mouse.down();
      await ada.page.mouse.move(240, 500, { steps: 4 });
      await ada.page.mouse.move(270, 510, { steps: 4 });
      await ada.page.mouse.up();
      await expect.poll(() => shapeX(ada, id)).toBeGreaterThan(drawnAt + 40);
      const movedTo = await shapeX(ada, id);
      await expect.poll(() => shapeX(bruno, id)).toBe(movedTo);
      return id;
    });

  await test.step('the teacher opens the group’s board, draws on it and deletes Ada’s box', async () => {
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await dashboard.getByLabel('Draw on this board').check();
    await expect
      .poll(() => dashboard.evaluate(() => window.__conjecture?.editor.getInstanceState().isReadonly))
      .toBe(false);
    await teacher.waitForEditor();
    await expect.poll(() => teacher.shapeIds()).toContain(box);
    // Drawing moves the side panel left of tldraw's style panel: the work is fitted clear of it, not under it.
    const panelLeft = (await dashboard.locator('.focus-panel').boundingBox())!.x;
    const workRight = await dashboard.evaluate(() => {
      const editor = window.__conjecture!.editor;
      const bounds = editor.getCurrentPageBounds()!;
      return editor.pageToViewport({ x: bounds.maxX, y: bounds.y }).x;
    });
    expect((await viewportOrigin(dashboard)).left + workRight).toBeLessThan(panelLeft);
    const centre = await screenCentreOf(dashboard, box);
    const origin = await viewportOrigin(dashboard);
    await dashboard.mouse.click(origin.left + centre.x, origin.top + centre.y);
    await expect
      .poll(() => dashboard.evaluate(() => window.__conjecture!.editor.getSelectedShapeIds()))
      .toEqual([box]);
    await dashboard.keyboard.press('Delete');
    await expect.poll(() => teacher.shapeIds()).not.toContain(box);
    await expect.poll(() => ada.shapeIds()).not.toContain(box);
    await expect.poll(() => bruno.shapeIds()).not.toContain(box);
  });

  await test.step('Ada presses Ctrl+Z: she is told, and the box is back on no one’s board', async () => {
    await expect(ada.page.locator('.board .tl-container')).toBeFocused();
    await ada.page.keyboard.press('Control+z');
    const notice = ada.page.getByTestId('refusal-notice');
    await expect(notice).toContainText(REMOVED_BY_TEACHER);
    // The notice came after the server took the undo back on Ada's connection; a round trip on each other
    // connection brings everything the server sent it before.
    await roundTripOverBoardSocket(ada);
    await roundTripOverBoardSocket(bruno);
    await roundTripOverBoardSocket(teacher);
    expect(await ada.shapeIds()).not.toContain(box);
    expect(await bruno.shapeIds()).not.toContain(box);
    expect(await teacher.shapeIds()).not.toContain(box);
    await expect(bruno.page.getByTestId('refusal-notice')).toHaveCount(0);
    await notice.getByRole('button', { name: 'Got it' }).click();
    await expect(notice).toBeHidden();
  });

  await test.step('Ada’s board still works: her next box reaches Bruno and the teacher', async () => {
    const next = await ada.drawRectangle(300, 500);
    await expect.poll(() => bruno.shapeIds()).toContain(next);
    await expect.poll(() => teacher.shapeIds()).toContain(next);
    expect(await ada.shapeIds()).not.toContain(box);
  });

  await test.step('the teacher’s own undo puts the box back, on every screen', async () => {
    await expect(dashboard.locator('.board .tl-container')).toBeFocused();
    await dashboard.keyboard.press('Control+z');
    await expect.poll(() => teacher.shapeIds()).toContain(box);
    await expect.poll(() => ada.shapeIds()).toContain(box);
    await expect.poll(() => bruno.shapeIds()).toContain(box);
    await expect(dashboard.getByTestId('refusal-notice')).toHaveCount(0);
  });
});
