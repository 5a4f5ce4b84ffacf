import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';

interface SightEditor {
  select(id: string): void;
  getShape(id: string): { opacity: number; parentId: string } | undefined;
}

/** Presses keys on tldraw's opacity slider (steps 0.1, 0.25, 0.5, 0.75, 1), as its panel allows by keyboard. */
async function onOpacitySlider(page: Page, keys: string[]) {
  const slider = page.getByRole('slider', { name: /Opacity/ });
  await slider.focus();
  for (const key of keys) await slider.press(key);
}

/**
 * tldraw draws a shape at its own opacity times its frame's, and the server takes back a write that leaves
 * anything drawn fainter than tldraw's faintest (0.1). A box faded to 0.1 in a frame at 0.25 would be drawn
 * at 0.025: the student's own editor stops it at the first of tldraw's steps that keeps it in sight (0.5),
 * so the server has nothing to take back.
 */
test('a student fades a box inside a faded frame: it stays in sight, and nothing is taken back', async ({
  studentA,
}) => {
  const { page } = studentA;
  const editorShape = (id: string) =>
    page.evaluate((id) => (window.__conjecture!.editor as unknown as SightEditor).getShape(id), id);
  const select = (id: string) =>
    page.evaluate((id) => {
      (window.__conjecture!.editor as unknown as SightEditor).select(id);
    }, id);
  await studentA.createBoard();

  let frame = '';
  let box = '';
  await test.step('Ada draws a frame and a box inside it', async () => {
    frame = await studentA.drawFrame(300, 200, 700, 500);
    expect((await studentA.shapes()).map((s) => s.type)).toEqual(['frame']);
    box = await studentA.drawRectangle(400, 300);
    expect((await editorShape(box))?.parentId).toBe(frame);
  });

  await test.step('she fades the frame to 25 %, then the box all the way (10 %): the box stops at 50 %, the first step that keeps it in sight', async () => {
    await select(frame);
    await onOpacitySlider(page, ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']);
    await expect(page.getByRole('slider', { name: /Opacity/ })).toHaveAttribute('aria-valuenow', '25');
    await expect.poll(async () => (await editorShape(frame))?.opacity).toBe(0.25);
    await select(box);
    await onOpacitySlider(page, ['Home']); // 0.1: drawn at 0.025 in the frame
    await expect.poll(async () => (await editorShape(box))?.opacity).toBe(0.5);
    await expect(page.getByRole('slider', { name: /Opacity/ })).toHaveAttribute('aria-valuenow', '50');
    await expect(studentA.badge).toHaveAttribute('data-unconfirmed', 'false');
    await expect(page.getByTestId('refusal-notice')).toHaveCount(0);
  });

  await test.step('the server kept both: after a reload the box is there at 50 % (drawn at 0.125)', async () => {
    await page.reload();
    await studentA.waitForEditor();
    expect((await editorShape(frame))?.opacity).toBe(0.25);
    expect((await editorShape(box))?.opacity).toBe(0.5);
  });
});
