import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

/** A 1366×768 Chromebook at 125 % zoom (the size many schools set): 1093×614 CSS pixels. */
const ZOOMED_CHROMEBOOK = { width: 1093, height: 614 };
const LAPTOP = { width: 1366, height: 768 };

/** A title of the length classes have: one line in the class bar beside the names, not the whole bar. */
const TITLE = 'Better buy: which is the better deal for pens at the shop?';

/** The rows (by their top, in CSS pixels) that the class bar's buttons sit on. */
async function buttonRows(page: Page): Promise<number[]> {
  const bar = page.getByTestId('class-bar');
  const rows = new Set<number>();
  for (const name of ['Raise my hand', 'My draft', 'My work']) {
    const box = await bar.getByRole('button', { name }).boundingBox();
    if (box) rows.add(Math.round(box.y));
  }
  return [...rows];
}

test('at 125 % zoom a student answers the diagnostic without scrolling, and the class bar keeps its buttons together', async ({
  teacher,
  studentA,
}) => {
  const ada = studentA.page;
  await ada.setViewportSize(ZOOMED_CHROMEBOOK);
  const { joinCode } = await createClassAndOpenDashboard(teacher, TITLE);
  await teacher.page.getByRole('button', { name: 'Use our fractions & ratios diagnostic' }).click();
  await expect(teacher.page.getByTestId('diagnostic-status')).toContainText('In use');
  await joinClass(studentA, joinCode, 'Ada');

  await test.step('the whole first item, Next included, is on screen under the class bar', async () => {
    const item = ada.getByTestId('diagnostic-item');
    await expect(ada.getByTestId('diagnostic-position')).toHaveText('Question 1 of 8');
    expect(await ada.evaluate(() => window.scrollY)).toBe(0);
    await expect(item.getByRole('button', { name: 'Next' })).toBeInViewport({ ratio: 1 });
    const bar = (await ada.getByTestId('class-bar').boundingBox())!;
    const title = (await ada.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(bar.y + bar.height, 'the class bar ends above the page title').toBeLessThanOrEqual(title.y);
  });

  await test.step('in a group, the class bar’s buttons share one row, at 125 % and at 100 %', async () => {
    await teacher.page.getByRole('button', { name: 'New group' }).click();
    await expect(teacher.page.getByTestId('group-Group 1')).toBeVisible();
    await teacher.page.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await studentA.waitForEditor();
    expect(await buttonRows(ada), 'rows at 125 %').toHaveLength(1);
    await ada.setViewportSize(LAPTOP);
    // at 1366 “Raise my hand” ended the first row and “My draft” and “My work” sat alone on the second
    await expect.poll(() => buttonRows(ada), { message: 'rows at 100 %' }).toHaveLength(1);
  });
});
