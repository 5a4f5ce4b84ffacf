import { expect, type Page } from '@playwright/test';
import { Actor } from '../fixtures/actor.js';
import { test } from '../fixtures/test.js';
import {
  AT_200_PERCENT,
  expectReachable,
  expectWhollyUncovered,
  noSidewaysScroll,
} from '../fixtures/reflow.js';
import { createClassAndOpenDashboard, joinClass, openDraft } from '../fixtures/classroom.js';

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

test('at 200% zoom (683×384 CSS px) the join page, the diagnostic, the board, the draft, the reflection, the dashboard, an opened board and the projector keep their controls reachable, none cut off or covered', async ({
  browser,
  server,
}) => {
  test.slow(); // three actors, every tab of the dashboard
  const teacher = await Actor.create(browser, 'teacher', server.url, AT_200_PERCENT);
  const student = await Actor.create(browser, 'student', server.url, AT_200_PERCENT);
  const projector = await Actor.create(browser, 'projector', server.url, AT_200_PERCENT);
  try {
    const dashboard = teacher.page;
    const board = student.page;
    const screen = projector.page;
    const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Zoomed in');
    await dashboard.getByRole('button', { name: 'Use our fractions & ratios diagnostic' }).click();
    await expect(dashboard.getByTestId('diagnostic-status')).toContainText('In use');

    await test.step('the join page: nothing scrolls sideways; its fields and button are reachable', async () => {
      await board.goto('/join?debug');
      await expect(board.getByLabel('Class code')).toBeVisible();
      expect(await noSidewaysScroll(board), 'the join page').toBe(true);
      for (const [name, control] of [
        ['Class code', board.getByLabel('Class code')],
        ['Your name', board.getByLabel('Your name')],
        ['Join', board.getByRole('button', { name: 'Join' })],
      ] as const)
        await expectReachable(board, control, name);
    });

    await test.step('the diagnostic item: nothing scrolls sideways; its choices and Next are reachable', async () => {
      await joinClass(student, joinCode, 'Ada');
      const item = board.getByTestId('diagnostic-item');
      await expect(item).toBeVisible();
      expect(await noSidewaysScroll(board), 'the diagnostic item').toBe(true);
      for (const [name, control] of [
        ['the first option', item.getByRole('radio').first()],
        ['the last option', item.getByRole('radiogroup').first().getByRole('radio').last()],
        ['Sure', item.getByRole('radio', { name: 'Sure', exact: true })],
        ['Next', item.getByRole('button', { name: 'Next' })],
      ] as const)
        await expectReachable(board, control, name);
    });

    await test.step('the projector’s join-code screen: nothing scrolls sideways; the code is whole', async () => {
      const [path, hash] = projectorLink.split('#');
      await screen.goto(`${path}?debug#${hash}`);
      await expect(screen.getByTestId('join-screen')).toBeVisible();
      expect(await noSidewaysScroll(screen), 'the projector’s join-code screen').toBe(true);
      for (const [name, testId] of [
        ['the join address', 'join-address'],
        ['the join code', 'join-code'],
      ] as const)
        await expectReachable(screen, screen.getByTestId(testId), name);
    });

    await dashboard.getByRole('button', { name: 'New group' }).click();
    await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await student.waitForEditor();

    await test.step('the student’s board: the task whole, class bar, view toggles, toolbar, styles and menu', async () => {
      await expect(board.getByTestId('connection-badge')).toBeInViewport({ ratio: 1 });
      // tldraw's desktop style panel, open in the top right, covered the task card's end
      await expectWhollyUncovered(board, board.getByTestId('task-card'), 'the task card');
      // with the top right free the class bar takes the width (a row more to draw in where its words fit)
      const bar = await board.getByTestId('class-bar').boundingBox();
      expect(bar!.x + bar!.width, 'the class bar runs to the top right').toBeGreaterThan(
        AT_200_PERCENT.viewport.width - 24,
      );
      for (const [name, control] of [
        ['Raise my hand', board.getByRole('button', { name: 'Raise my hand' })],
        ['My draft', board.getByRole('button', { name: 'My draft' })],
        ['Colour by author', board.getByLabel('Colour by author')],
        ['Show representation types', board.getByLabel('Show representation types')],
        ['the select tool', board.getByTestId('tools.select')],
        ['the table tool', board.getByTestId('tools.table')],
        ['more tools', board.getByTestId('tools.more-button')],
        ['the styles button', board.getByTestId('mobile-styles.button')],
        ['the main menu', board.getByTestId('main-menu.button')],
      ] as const)
        await expectReachable(board, control, name);
      // the styles open from the toolbar, none cut (the open panel's size row was cut at its bottom)
      await board.getByTestId('mobile-styles.button').click();
      const styles = board.locator('.tlui-style-panel');
      for (const size of ['s', 'xl'])
        await expectWhollyUncovered(board, styles.getByTestId(`style.size.${size}`), `size ${size}`);
      await board.keyboard.press('Escape');
      await expect(styles).toHaveCount(0);
      // tldraw's context menu on the task, all of it in sight (it stopped at 70vh: its last item was cut, its
      // scrollbar hidden)
      await board.getByTestId('task-card').click({ button: 'right' });
      const menu = board.getByTestId('context-menu');
      await expect(menu).toBeVisible();
      expect(await menu.evaluate((el) => el.scrollHeight - el.clientHeight), 'the menu scrolls').toBeLessThan(
        1,
      );
      await expectWhollyUncovered(board, menu.getByRole('menuitem').last(), 'the menu’s last item');
      await board.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
    });

    await test.step('the student’s draft panel: nothing scrolls sideways; its commands and tools, and the class bar’s, are reachable', async () => {
      await openDraft(student);
      const draft = board.getByTestId('draft-panel');
      expect(await noSidewaysScroll(board), 'the draft panel').toBe(true);
      // beside the class bar or under it, never over its end (a control half under the panel is cut off)
      const [bar, panel] = await Promise.all([
        board.getByTestId('class-bar').boundingBox(),
        draft.boundingBox(),
      ]);
      expect(
        bar!.x + bar!.width <= panel!.x || bar!.y + bar!.height <= panel!.y,
        `the class bar (${JSON.stringify(bar)}) is clear of the draft panel (${JSON.stringify(panel)})`,
      ).toBe(true);
      for (const [name, control] of [
        ['Raise my hand, beside the draft', board.getByRole('button', { name: 'Raise my hand' })],
        ['My draft, beside the draft', board.getByRole('button', { name: 'My draft' })],
        ['My work, beside the draft', board.getByRole('button', { name: 'My work' })],
        ['Post to group', draft.getByRole('button', { name: 'Post to group' })],
        ['Keep a copy', draft.getByLabel('Keep a copy')],
        ['Close the draft', draft.getByRole('button', { name: 'Close' })],
        ['the draft’s select tool', draft.getByTestId('tools.select')],
        ['the draft’s draw tool', draft.getByTestId('tools.draw')],
      ] as const)
        await expectReachable(board, control, name);
      await draft.getByRole('button', { name: 'Close' }).click();
      await expect(draft).toHaveCount(0);
    });

    await test.step('the reflection, asked for: its first text box wholly in sight as it opens, and Save', async () => {
      await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
      await dashboard.getByRole('button', { name: 'Ask for reflections' }).click();
      const dialog = board.getByRole('dialog', { name: 'Look back on today' });
      const firstBox = dialog.getByLabel('What worked for you today?');
      await expect(firstBox).toBeEnabled();
      // before any scroll: its prompts scrolled in a strip ~115 px tall, the box cut at the strip's bottom
      await expect(firstBox).toBeInViewport({ ratio: 1 });
      await expectWhollyUncovered(board, firstBox, 'the first reflection box');
      await expectReachable(board, dialog.getByRole('button', { name: 'Save my reflection' }), 'Save');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toHaveCount(0);
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
      // Prepare last: "Students and groups" (and its New group) sits under Prepare and the live lesson only
      for (const tab of ['Strategies', 'Reflections', 'Prepare']) {
        await dashboard.getByRole('tab', { name: tab }).click();
        expect(await noSidewaysScroll(dashboard), tab).toBe(true);
      }
      await expectReachable(dashboard, dashboard.getByRole('button', { name: 'New group' }), 'New group');
    });

    await test.step('a group board opened from the dashboard: its panel clear of tldraw’s bars and the view switches, read-only and drawing', async () => {
      await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
      await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
      const focus = dashboard.getByTestId('board-focus');
      await expect(focus.locator('.tl-canvas')).toBeVisible();
      const panel = focus.locator('.focus-panel');
      const panelControls = [
        ['Back to the dashboard', panel.getByRole('button', { name: 'Back to the dashboard' })],
        ['Draw on this board', panel.getByLabel('Draw on this board')],
        ['Replay the lesson', panel.getByRole('button', { name: 'Replay the lesson' })],
        ['Spotlight on the projector', panel.getByRole('button', { name: 'Spotlight on the projector' })],
        ['Take a snapshot', panel.getByRole('button', { name: 'Take a snapshot' })],
        ['the question box', panel.getByLabel('Question', { exact: true })],
        ['Pose the question', panel.getByRole('button', { name: 'Pose the question' })],
      ] as const;
      const boardControls = [
        ['the select tool', focus.getByTestId('tools.select')],
        ['the hand tool', focus.getByTestId('tools.hand')],
        ['the main menu', focus.getByTestId('main-menu.button')],
        ['Colour by author', focus.getByLabel('Colour by author')],
        ['Show representation types', focus.getByLabel('Show representation types')],
      ] as const;
      /** Every tool the toolbar shows, one by one (the panel once hid the middle of it), and the switches whole. */
      const expectBoardClearOfPanel = async (mode: string) => {
        for (const tool of await focus.locator('.tlui-main-toolbar [data-testid^="tools."]:visible').all())
          await expectReachable(dashboard, tool, `${await tool.getAttribute('data-testid')}, ${mode}`);
        const [switches, box] = await Promise.all([
          focus.locator('.insight-toggles').boundingBox(),
          panel.boundingBox(),
        ]);
        expect(
          switches!.x + switches!.width <= box!.x || switches!.y + switches!.height <= box!.y,
          `the view switches (${JSON.stringify(switches)}) are clear of the panel (${JSON.stringify(box)}), ${mode}`,
        ).toBe(true);
      };
      expect(await noSidewaysScroll(dashboard), 'the opened board').toBe(true);
      for (const [name, control] of [...panelControls, ...boardControls])
        await expectReachable(dashboard, control, `${name}, read-only`);
      await expectBoardClearOfPanel('read-only');

      await panel.getByLabel('Draw on this board').check();
      // a screen this short has tldraw's compact layout: the styles behind a toolbar button
      await expect(focus.getByTestId('mobile-styles.button')).toBeVisible();
      expect(await noSidewaysScroll(dashboard), 'the opened board, drawing').toBe(true);
      for (const [name, control] of [
        ...panelControls,
        ...boardControls,
        ['the draw tool', focus.getByTestId('tools.draw')],
        ['more tools', focus.getByTestId('tools.more-button')],
        ['the styles button', focus.getByTestId('mobile-styles.button')],
      ] as const)
        await expectReachable(dashboard, control, `${name}, drawing`);
      await expectBoardClearOfPanel('drawing');
      await panel.getByRole('button', { name: 'Back to the dashboard' }).click();
      await expect(focus).toHaveCount(0);
    });

    await test.step('a board, then a plan step, on the projector: nothing scrolls sideways; captions whole', async () => {
      await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
      const card = dashboard.getByTestId('group-Group 1');
      await card.getByLabel('On projector').check();
      await expect(screen.locator('.projected-board__drawing > svg')).toBeVisible();
      expect(await noSidewaysScroll(screen), 'the projector showing a board').toBe(true);
      // the caption lets clicks through to the board (pointer-events: none), so it is measured, not hit-tested
      await expect(screen.getByTestId('projector-caption')).toBeInViewport({ ratio: 1 });

      // a plan presented, as teacher-sequences-snapshots-and-presents-the-plan.spec.ts presents one
      await card.getByRole('button', { name: 'Take a snapshot' }).click();
      await expect(card.getByTestId('snapshot-status')).toContainText('Snapshot taken');
      await dashboard.getByRole('tab', { name: 'Strategies' }).click();
      const gallery = dashboard.getByRole('list', { name: 'Snapshots of this lesson' });
      await gallery.getByRole('button', { name: 'Add to the plan' }).click();
      await dashboard.getByLabel('Question for step 1').fill('Which deal gives the most pens per dollar?');
      await dashboard.getByLabel('Question for step 1').blur();
      await dashboard.getByRole('button', { name: 'Present the plan on the projector' }).click();
      const step = screen.getByTestId('presented-step');
      await expect(step.getByTestId('step-question')).toHaveText(
        'Which deal gives the most pens per dollar?',
      );
      await expect(step.getByRole('img', { name: /^Snapshot / })).toBeVisible();
      expect(await noSidewaysScroll(screen), 'the projector presenting a plan step').toBe(true);
      await expect(step.getByTestId('step-question')).toBeInViewport({ ratio: 1 });
      await dashboard.getByRole('button', { name: 'Stop presenting' }).click();
      await expect(step).toHaveCount(0);
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
    await projector.close();
  }
});
