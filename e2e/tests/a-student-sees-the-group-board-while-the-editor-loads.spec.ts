import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import {
  createClassAndOpenDashboard,
  roundTripOverBoardSocket,
  twoStudentsInOneGroup,
} from '../fixtures/classroom.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';

/** A solid blue rectangle of Ada's, in page coordinates: where tldraw's opening camera shows it on screen. */
const RECTANGLE = { x: 240, y: 260, w: 220, h: 160 };
const INSIDE = { x: RECTANGLE.x + RECTANGLE.w / 2, y: RECTANGLE.y + RECTANGLE.h / 2 };
const OUTSIDE = { x: 760, y: 380 };

/** The colour the screen shows at a point (read from a screenshot: the preview's drawing is closed to scripts). */
async function colourAt(page: Page, point: { x: number; y: number }): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: point.x - 2, y: point.y - 2, width: 5, height: 5 } });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const [r, g, b] = context.getImageData(
      Math.floor(image.width / 2),
      Math.floor(image.height / 2),
      1,
      1,
    ).data;
    return [r!, g!, b!] as [number, number, number];
  }, png.toString('base64'));
}

// The rectangle's solid fill is a light blue in both (about 220, 224, 246); the paper is near white.
const blue = ([r, g, b]: [number, number, number]) => b > r + 15 && b > g + 10 && Math.min(r, g) < 235;
const paper = ([r, g, b]: [number, number, number]) => Math.min(r, g, b) > 235;

test("a student sees the group's board, where the editor will show it, while the editor loads", async ({
  teacher,
  studentA: ada,
  studentB: bruno,
}) => {
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Board preview');
  await twoStudentsInOneGroup(teacher, joinCode, ada, bruno);
  await ada.page.evaluate((box) => {
    window.__conjecture!.editor.createShape({
      type: 'geo',
      x: box.x,
      y: box.y,
      props: { w: box.w, h: box.h, fill: 'solid', color: 'blue' },
    });
  }, RECTANGLE);
  await roundTripOverBoardSocket(ada); // stored by the server before Bruno reloads

  // The editor's code is held back, as a slow Chromebook holds it (downloading, then compiling tldraw).
  let releaseEditor!: () => void;
  const editorHeld = new Promise<void>((resolve) => (releaseEditor = resolve));
  await bruno.page.route(/\/assets\/BoardEditor-[\w-]+\.js$/, async (route) => {
    await editorHeld;
    await route.continue();
  });
  await bruno.page.reload();

  await test.step('before the editor: the board as a picture, the rectangle where it will be', async () => {
    await bruno.page.waitForFunction(
      () => performance.getEntriesByName('conjecture:board-preview', 'mark').length > 0,
    );
    await expect(bruno.page.getByTestId('board-preview')).toBeVisible();
    expect(await bruno.page.evaluate(() => window.__conjecture?.editor)).toBeUndefined();
    const drawn = await bruno.page.evaluate(
      () =>
        (performance.getEntriesByName('conjecture:board-preview', 'mark')[0] as PerformanceMark).detail as {
          shapes: number;
        },
    );
    expect(drawn.shapes).toBe(2); // the task card the server seeds, and Ada's rectangle
    expect(blue(await colourAt(bruno.page, INSIDE))).toBe(true);
    expect(paper(await colourAt(bruno.page, OUTSIDE))).toBe(true);
    // A picture: not announced, not a target, and its words are not the page's (the editor's are).
    await expect(bruno.page.getByTestId('board-preview')).toHaveAttribute('aria-hidden', 'true');
    await expect(bruno.page.getByRole('status').filter({ hasText: 'Opening the board…' })).toBeVisible();
    await expect(bruno.page.getByText('Which is the better deal')).toHaveCount(0);
    await expectNoSeriousAxeViolations(bruno.page, 'the board preview');
  });

  await test.step('the editor takes over in the same place, and the picture goes', async () => {
    releaseEditor();
    await bruno.waitForEditor();
    await expect(bruno.page.getByTestId('board-preview')).toHaveCount(0);
    await expect(bruno.page.getByTestId('board-preview-status')).toHaveCount(0);
    await expect.poll(() => bruno.shapeIds()).toHaveLength(2);
    expect(blue(await colourAt(bruno.page, INSIDE))).toBe(true);
    expect(paper(await colourAt(bruno.page, OUTSIDE))).toBe(true);
  });
});
