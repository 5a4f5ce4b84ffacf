import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard } from '../fixtures/classroom.js';

/** A 1366×768 Chromebook at 125 % zoom (the size many schools set): 1093×614 CSS pixels. */
const ZOOMED_CHROMEBOOK = { width: 1093, height: 614 };
const LAPTOP = { width: 1366, height: 768 };

const TITLE = 'Better buy: which is the better deal for pens at the shop?';
const GROUPS = ['Group 1', 'Group 2', 'Group 3'];

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not rendered`);
  return b;
}

/** The rows (by their top, in CSS pixels) that the given elements sit on. */
async function rows(locators: Locator[]): Promise<number[]> {
  const tops = new Set<number>();
  for (const l of locators) tops.add(Math.round((await box(l)).y));
  return [...tops];
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('at 125 % zoom the teacher poses a question beside the groups, and each group’s Rename and Delete stay together', async ({
  teacher,
}) => {
  const dashboard = teacher.page;
  await dashboard.setViewportSize(ZOOMED_CHROMEBOOK);
  await createClassAndOpenDashboard(teacher, TITLE);
  for (const name of GROUPS) {
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await expect(dashboard.getByTestId(`group-${name}`)).toBeVisible();
  }
  await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
  const question = dashboard.getByRole('complementary', { name: 'Projector and questions' });
  await expect(question.getByRole('button', { name: 'Pose the question' })).toBeVisible();

  for (const size of [ZOOMED_CHROMEBOOK, LAPTOP]) {
    await test.step(`at ${size.width}×${size.height} the projector and the questions sit beside the grid, two groups a row`, async () => {
      await dashboard.setViewportSize(size);
      await dashboard.evaluate(() => window.scrollTo(0, 0));
      expect(await noHorizontalScroll(dashboard)).toBe(true);
      // at 1093 they sat below every group card: three screens of scrolling to ask a question
      const side = await box(question);
      const grid = await box(dashboard.getByRole('region', { name: 'Groups', exact: true }));
      expect(side.x, 'the side column starts right of the grid').toBeGreaterThanOrEqual(grid.x + grid.width);
      await expect(question.getByLabel('Question', { exact: true })).toBeInViewport({ ratio: 1 });
      const cards = GROUPS.slice(0, 2).map((name) => dashboard.getByTestId(`group-${name}`));
      expect(await rows(cards), 'Group 1 and Group 2 share a row').toHaveLength(1);
      const card = dashboard.getByTestId('group-Group 1');
      const actions = [
        card.getByRole('button', { name: 'Take a snapshot' }),
        card.getByRole('button', { name: "Replay Group 1's board" }),
        card.getByRole('button', { name: /^Download/ }),
      ];
      expect(await rows(actions), 'a card’s actions share a row').toHaveLength(1);
    });
  }

  await test.step('in “Students and groups”, a group’s Rename and Delete group share one row', async () => {
    await dashboard.setViewportSize(ZOOMED_CHROMEBOOK);
    for (const name of GROUPS) {
      const actions = [
        dashboard.getByRole('button', { name: `Rename ${name}` }),
        dashboard.getByRole('button', { name: `Delete group ${name}` }),
      ];
      // “Delete group” wrapped onto a row of its own under the name and “Rename”
      expect(await rows(actions), `${name}'s actions`).toHaveLength(1);
    }
  });
});
