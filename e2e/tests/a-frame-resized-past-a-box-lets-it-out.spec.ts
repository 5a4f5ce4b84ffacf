import { expect, test } from '../fixtures/test.js';

interface FrameEditor {
  select(id: string): void;
  getShape(id: string): { parentId: string; x: number; props: { w: number } } | undefined;
}

/**
 * A frame draws only what lies inside it. The server moves a shape left wholly outside its frames out onto
 * the page once the change settles (a script's way to hide work), because tldraw's editor leaves shapes so
 * only while a drag or a resize lasts: when the resize ends it moves them out itself, so a student never
 * meets the server's move or its notice.
 */
test('a student shrinks a frame past her box: the editor lets the box out, and nothing is taken back', async ({
  studentA,
}) => {
  const { page } = studentA;
  const shapeNow = (id: string) =>
    page.evaluate((id) => (window.__conjecture!.editor as unknown as FrameEditor).getShape(id), id);
  await studentA.createBoard();

  let frame = '';
  let box = '';
  await test.step('Ada draws a frame and a box in its lower right corner', async () => {
    frame = await studentA.drawFrame(300, 200, 700, 500);
    expect((await studentA.shapes()).map((s) => s.type)).toEqual(['frame']);
    box = await studentA.drawRectangle(550, 390);
    expect((await shapeNow(box))?.parentId).toBe(frame);
  });

  await test.step('she drags the frame’s corner up past the box: when she lets go, the box is on the page', async () => {
    await page.evaluate((id) => {
      (window.__conjecture!.editor as unknown as FrameEditor).select(id);
    }, frame);
    const width = (await shapeNow(frame))!.props.w;
    await page.mouse.move(700, 500);
    await page.mouse.down();
    await page.mouse.move(600, 420, { steps: 4 });
    await page.mouse.move(450, 330, { steps: 4 }); // the box is clipped away now, for the moment
    await page.mouse.up();
    // Read at once: the editor's own move on letting go, not the server's (which waits for a change to settle).
    const after = await shapeNow(box);
    expect(after?.parentId).toBe('page:page');
    expect((await shapeNow(frame))!.props.w).toBeLessThan(width);
    await expect(studentA.badge).toHaveAttribute('data-unconfirmed', 'false');
    await expect(page.getByTestId('refusal-notice')).toHaveCount(0);
  });

  await test.step('the server kept it so: after a reload the box is on the page, where it was', async () => {
    const where = (await shapeNow(box))!.x;
    await page.reload();
    await studentA.waitForEditor();
    expect(await shapeNow(box)).toMatchObject({ parentId: 'page:page', x: where });
  });
});
