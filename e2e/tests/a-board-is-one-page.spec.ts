import { expect, test } from '../fixtures/test.js';
import { fillBoard, gridShapes } from '../fixtures/stockFiller.js';

/**
 * A board is one page: the teacher's thumbnails, the projector and exports show it as one picture. tldraw's
 * page menu let a student put work on a second page the projector never showed, and a script moving the
 * group's shapes onto a page of its own hid them from everyone without deleting one.
 */
test('a student’s board offers no second page, and a script’s second page never takes work from sight', async ({
  studentA,
  server,
}) => {
  const boardId = await studentA.createBoard();
  const [box, marker] = gridShapes(2);
  const pageCount = () =>
    studentA.page.evaluate(
      () => (window.__conjecture!.editor as unknown as { getPages(): unknown[] }).getPages().length,
    );

  await test.step('Ada’s board has no page menu, and her context menu no “Move to page”', async () => {
    await fillBoard(server.url, boardId, [box!], { user: 'filler' });
    await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0']);
    await studentA.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as {
        select(id: string): void;
        zoomToSelection(): void;
      };
      editor.select('shape:fill0');
      editor.zoomToSelection();
    });
    const shape = await studentA.page.locator('.tl-shape[data-shape-id="shape:fill0"]').boundingBox();
    await studentA.page.mouse.click(shape!.x + shape!.width / 2, shape!.y + shape!.height / 2, {
      button: 'right',
    });
    await expect(studentA.page.getByTestId('context-menu-sub.arrange-button')).toBeVisible();
    // tldraw's menus are drawn by now: the page menu would be beside the main menu
    await expect(studentA.page.locator('.tlui-page-menu__trigger')).toHaveCount(0);
    await expect(studentA.page.getByTestId('context-menu-sub.move-to-page-button')).toHaveCount(0);
    await studentA.page.keyboard.press('Escape');
  });

  await test.step('Mallory’s script adds a page and moves the box onto it: Ada still sees the box', async () => {
    const hidden = { id: 'page:hidden', typeName: 'page', name: 'Hidden', index: 'a2', meta: {} };
    await fillBoard(server.url, boardId, [hidden, { ...box!, parentId: 'page:hidden' }, marker!], {
      user: 'mallory',
    });
    await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0', 'shape:fill1']);
    await expect(studentA.page.locator('.tl-shape[data-shape-id="shape:fill0"]')).toBeVisible();
    expect(await pageCount()).toBe(1);
  });
});
