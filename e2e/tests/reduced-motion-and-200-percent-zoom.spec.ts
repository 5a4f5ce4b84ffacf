import { expect, type Locator, type Page } from '@playwright/test';
import { Actor } from '../fixtures/actor.js';
import { test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

/** A 1366×768 laptop at 200% zoom: half the CSS pixels, each drawn with two device pixels. */
const AT_200_PERCENT = { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 };

/** The longest transition or animation on the page, in ms (computed styles of every element). */
function longestMotionMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ms = (list: string) =>
      Math.max(...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
    let longest = 0;
    for (const el of document.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      longest = Math.max(longest, ms(style.transitionDuration), ms(style.animationDuration));
    }
    return longest;
  });
}

/**
 * Reachable without loss: scrolled into view if the page scrolls, then wholly inside the viewport and the
 * topmost element at its centre (not under another panel).
 */
async function expectReachable(page: Page, control: Locator, name: string) {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  expect(box, `${name} is laid out`).not.toBeNull();
  const { width, height } = page.viewportSize()!;
  expect(box!.x, `${name}: left edge on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${name}: top edge on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name}: right edge on screen`).toBeLessThanOrEqual(width + 0.5);
  expect(box!.y + box!.height, `${name}: bottom edge on screen`).toBeLessThanOrEqual(height + 0.5);
  const onTop = await control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit) || hit.contains(el));
  });
  expect(onTop, `${name} is not covered`).toBe(true);
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('with reduced motion asked for, nothing on the dashboard or the board animates, and tldraw’s camera does not move smoothly', async ({
  teacher,
  studentA,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Still');
  // without the preference, the design system's switch does animate: the measure sees motion
  expect(await longestMotionMs(dashboard)).toBeGreaterThan(50);
  await dashboard.emulateMedia({ reducedMotion: 'reduce' });
  expect(await longestMotionMs(dashboard)).toBeLessThanOrEqual(0.01);

  await studentA.page.emulateMedia({ reducedMotion: 'reduce' });
  await joinClass(studentA, joinCode, 'Ada');
  await dashboard.getByRole('button', { name: 'New group' }).click();
  await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
  await studentA.waitForEditor();
  expect(await longestMotionMs(studentA.page), 'our CSS and tldraw’s').toBeLessThanOrEqual(0.01);
  const speed = await studentA.page.evaluate(() => window.__conjecture!.editor.user.getAnimationSpeed());
  expect(speed, 'tldraw’s animation speed').toBe(0);
});

test('at 200% zoom (683×384 CSS px) the board’s and the dashboard’s controls are all reachable, none cut off or covered', async ({
  browser,
  server,
}) => {
  test.slow(); // two actors, every tab of the dashboard
  const teacher = await Actor.create(browser, 'teacher', server.url, AT_200_PERCENT);
  const student = await Actor.create(browser, 'student', server.url, AT_200_PERCENT);
  try {
    const dashboard = teacher.page;
    const board = student.page;
    const { joinCode } = await createClassAndOpenDashboard(teacher, 'Zoomed in');
    await joinClass(student, joinCode, 'Ada');
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await student.waitForEditor();

    await test.step('the student’s board: class bar, view toggles, toolbar, style panel and menu', async () => {
      await expect(board.getByTestId('connection-badge')).toBeInViewport({ ratio: 1 });
      for (const [name, control] of [
        ['Raise my hand', board.getByRole('button', { name: 'Raise my hand' })],
        ['My draft', board.getByRole('button', { name: 'My draft' })],
        ['Colour by author', board.getByLabel('Colour by author')],
        ['Show representation types', board.getByLabel('Show representation types')],
        ['the select tool', board.getByTestId('tools.select')],
        ['the table tool', board.getByTestId('tools.table')],
        ['more tools', board.getByTestId('tools.more-button')],
        ['the style panel', board.locator('.tlui-style-panel')],
        ['the main menu', board.getByTestId('main-menu.button')],
      ] as const)
        await expectReachable(board, control, name);
    });

    await test.step('the dashboard in each tab: nothing scrolls sideways; its commands are reachable', async () => {
      await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
      expect(await noSidewaysScroll(dashboard), 'Live lesson').toBe(true);
      for (const [name, control] of [
        ['Pause the class', dashboard.getByRole('button', { name: 'Pause the class' })],
        ['the question box', dashboard.getByLabel('Question', { exact: true })],
        ['Pose the question', dashboard.getByRole('button', { name: 'Pose the question' })],
        ['On projector', dashboard.getByTestId('group-Group 1').getByLabel('On projector')],
        [
          'Open the board',
          dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }),
        ],
      ] as const)
        await expectReachable(dashboard, control, name);
      for (const tab of ['Strategies', 'Prepare', 'Reflections']) {
        await dashboard.getByRole('tab', { name: tab }).click();
        expect(await noSidewaysScroll(dashboard), tab).toBe(true);
      }
      await expectReachable(dashboard, dashboard.getByRole('button', { name: 'New group' }), 'New group');
    });

    await test.step('a posed question and a pause: the board’s notice and banner are not under the class bar', async () => {
      await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
      await dashboard
        .getByLabel('Question', { exact: true })
        .fill('Which deal is better, and how do you know?');
      await dashboard.getByRole('button', { name: 'Pose the question' }).click();
      await expectReachable(
        board,
        board.getByRole('button', { name: 'Show the question' }),
        'Show the question',
      );
      await dashboard.getByRole('button', { name: 'Pause the class' }).click();
      await expectReachable(board, board.getByTestId('pause-banner'), 'the pause banner');
      await expectReachable(board, board.getByRole('button', { name: 'Raise my hand' }), 'Raise my hand');
    });
  } finally {
    await teacher.close();
    await student.close();
  }
});
