import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, roundTripOverBoardSocket } from '../fixtures/classroom.js';

/** Type a class reads from the back row of a room on a 1280 × 720 projector (the caption's least size). */
const BACK_ROW_PX = 24;

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not rendered`);
  return box;
}

/** The banner's box shares no pixel with the element's. */
async function clearOf(banner: Locator, other: Locator): Promise<boolean> {
  const [a, b] = [await boxOf(banner), await boxOf(other)];
  return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
}

const fontSize = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

async function expectSaidClearly(page: Page, covered: Locator[]) {
  const banner = page.getByTestId('projector').getByText('Paused', { exact: true });
  await expect(banner).toBeVisible();
  expect(await fontSize(banner)).toBeGreaterThanOrEqual(BACK_ROW_PX);
  for (const other of covered) expect(await clearOf(banner, other), other.toString()).toBe(true);
}

test('a paused class is said on the projector in back-row type, beside the task, the code and the boards, never over them', async ({
  teacher,
  projector,
}) => {
  test.slow(); // two actors and a live board on a shared machine
  const screen = projector.page;
  await screen.setViewportSize({ width: 1280, height: 720 });
  const dashboard = teacher.page;
  // A task long enough to reach the middle of the screen, where the banner used to sit over it.
  const { projectorLink } = await createClassAndOpenDashboard(
    teacher,
    'Better deals',
    'Which is the better deal: 3 pens for $2 or 5 pens for $3? Say how you know.',
  );
  const [path, hash] = projectorLink.split('#');
  await screen.goto(`${path}?debug#${hash}`);
  const joinScreen = screen.getByTestId('join-screen');
  await expect(joinScreen).toBeVisible();

  await test.step('paused with nothing projected: the join screen keeps its task and code in sight', async () => {
    await dashboard.getByRole('button', { name: 'Pause the class' }).click();
    await expectSaidClearly(screen, [
      joinScreen.locator('.projector-idle__task'),
      joinScreen.getByTestId('join-code'),
      joinScreen.getByTestId('join-address'),
    ]);
    await screen.screenshot({ path: test.info().outputPath('paused-join-screen.png') });
  });

  await test.step('a projected board sits wholly above the banner', async () => {
    await dashboard.getByRole('button', { name: 'New group' }).click();
    const card = dashboard.getByTestId('group-Group 1');
    await card.getByRole('switch', { name: 'On projector' }).click();
    const cell = screen.locator('.projector-cell');
    await expect(cell.getByTestId('projector-caption')).toHaveText('Group 1');
    await expectSaidClearly(screen, [cell, cell.getByTestId('projector-caption')]);
    await screen.screenshot({ path: test.info().outputPath('paused-board.png') });
  });

  await test.step('two wide boards are arranged for the screen above the band, not the whole window', async () => {
    // A 520 × 130 box under each board's task card (520 × 112 at y 112): 520 × 242 of work. On the whole
    // 1280 × 720 window two such boards are drawn larger stacked; above the band (8vh less), side by side.
    const underTheTask = (group: string) => `shape:under${group.replace(' ', '')}`;
    const drawUnderTheTask = async (group: string) => {
      await dashboard
        .getByTestId(`group-${group}`)
        .getByRole('button', { name: 'Open', exact: true })
        .click();
      await dashboard.getByLabel('Draw on this board').check(); // a pause holds the students, not the teacher
      await expect
        .poll(() => dashboard.evaluate(() => window.__conjecture?.editor.getInstanceState().isReadonly))
        .toBe(false);
      await teacher.waitForEditor();
      await dashboard.evaluate((id) => {
        window.__conjecture!.editor.createShape({
          id,
          type: 'geo',
          x: 16,
          y: 224,
          props: { w: 520, h: 130 },
        });
      }, underTheTask(group));
      await roundTripOverBoardSocket(teacher); // written on the server before the board closes
      await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    };
    await drawUnderTheTask('Group 1');
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await drawUnderTheTask('Group 2');
    await dashboard.getByTestId('group-Group 2').getByRole('switch', { name: 'On projector' }).click();
    await expect(screen.getByTestId('projector-caption')).toHaveText(['Group 1', 'Group 2']);
    for (const group of ['Group 1', 'Group 2'])
      await expect(screen.locator(`[data-shape-id="${underTheTask(group)}"]`)).toBeVisible();
    await expect(screen.getByTestId('projector')).toHaveAttribute('data-columns', '2');
    await expect(screen.getByTestId('projector-more-below')).toHaveCount(0);
    await expectSaidClearly(screen, await screen.locator('.projector-cell').all());
    await screen.screenshot({ path: test.info().outputPath('paused-two-boards.png') });
  });

  await test.step('resumed, the banner goes and the boards take the whole screen again', async () => {
    await dashboard.getByRole('button', { name: 'Resume the class' }).click();
    await expect(screen.getByTestId('projector').getByText('Paused')).toHaveCount(0);
    await expect.poll(async () => (await boxOf(screen.locator('.projector-cell').first())).height).toBe(720);
  });
});
