import { expect, type Locator, type Page } from '@playwright/test';
import { Actor } from '../fixtures/actor.js';
import { test } from '../fixtures/test.js';
import { AT_200_PERCENT, expectReachable, noSidewaysScroll } from '../fixtures/reflow.js';
import { addNote } from '../fixtures/notes.js';
import { createClassAndOpenDashboard, joinClass, spotlightFromOpenedBoard } from '../fixtures/classroom.js';

/** Wholly on screen (scrolled to if need be) and its text not cut off on the right. */
async function expectWhole(control: Locator, name: string) {
  await expect(control, `${name} is shown`).toBeVisible();
  await control.scrollIntoViewIfNeeded();
  // 0.99, not 1: at a device scale of 2 a table's scroll box clips a third of a pixel off its last row
  await expect(control, `${name} on screen`).toBeInViewport({ ratio: 0.99 });
  expect(await control.evaluate((el) => el.scrollWidth <= el.clientWidth), `${name} not cut off`).toBe(true);
}

const REFLECTION = 'Dividing the price by the pens';
const GROUPS = ['Group 1', 'Group 2', 'Group 3', 'Group 4'];

async function expectAllReachable(page: Page, controls: ReadonlyArray<readonly [string, Locator]>) {
  for (const [name, control] of controls) await expectReachable(page, control, name);
}

test('at 200% zoom (683×384 CSS px) the template editor, two boards and a spotlight on the projector, the replay, the reflections and the coach’s pages keep their controls reachable, none cut off or covered', async ({
  browser,
  server,
}) => {
  test.slow(); // four actors, a replay and a spotlight on a shared machine
  const teacher = await Actor.create(browser, 'teacher', server.url, AT_200_PERCENT);
  const student = await Actor.create(browser, 'student', server.url, AT_200_PERCENT);
  const projector = await Actor.create(browser, 'projector', server.url, AT_200_PERCENT);
  const coach = await Actor.create(browser, 'coach', server.url, AT_200_PERCENT);
  try {
    const dashboard = teacher.page;
    const screen = projector.page;
    const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Zoomed in again');

    await test.step('the template editor: nothing scrolls sideways; its commands and canvas tools are reachable', async () => {
      await dashboard.getByRole('tab', { name: 'Prepare' }).click();
      await dashboard.getByRole('button', { name: 'Edit the task template' }).click();
      const editor = dashboard.getByTestId('template-editor');
      await expect(editor.locator('.tl-canvas')).toBeVisible();
      expect(await noSidewaysScroll(dashboard), 'the template editor').toBe(true);
      await expectAllReachable(dashboard, [
        ['Add a task card', editor.getByRole('button', { name: 'Add a task card' })],
        ['Place on all group boards', editor.getByRole('button', { name: 'Place on all group boards' })],
        ['Close the template', editor.getByRole('button', { name: 'Close', exact: true })],
        ['the template’s select tool', editor.getByTestId('tools.select')],
        ['the template’s draw tool', editor.getByTestId('tools.draw')],
      ]);
      await editor.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(editor).toHaveCount(0);
    });

    await joinClass(student, joinCode, 'Ada');
    for (const name of GROUPS) {
      await dashboard.getByRole('button', { name: 'New group' }).click();
      await expect(dashboard.getByTestId(`group-${name}`)).toBeVisible();
    }
    await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await student.waitForEditor();
    const note = await addNote(student, { id: 'shape:unitPrice', text: '3 pens for $2 is 0.67 a pen' });
    await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
    await screen.goto(projectorLink);

    await test.step('two, then four boards on the projector: nothing scrolls sideways; every caption whole', async () => {
      const captions = screen.getByTestId('projector-caption');
      for (const count of [2, 4]) {
        for (const name of GROUPS.slice(0, count))
          await dashboard.getByTestId(`group-${name}`).getByLabel('On projector').check();
        await expect(captions).toHaveText(GROUPS.slice(0, count));
        expect(await noSidewaysScroll(screen), `the projector with ${count} boards`).toBe(true);
        for (const [i, name] of GROUPS.slice(0, count).entries())
          await expectWhole(captions.nth(i), `${name}’s caption of ${count}`);
      }
      for (const name of GROUPS.slice(1))
        await dashboard.getByTestId(`group-${name}`).getByLabel('On projector').uncheck();
      await expect(captions).toHaveText(['Group 1']);
    });

    await test.step('a spotlight from the opened board: the projector’s caption whole, the panel’s commands reachable', async () => {
      const focus = await spotlightFromOpenedBoard(teacher, dashboard.getByTestId('group-Group 1'), note);
      await expectReachable(
        dashboard,
        focus.getByRole('button', { name: 'End the spotlight' }),
        'End the spotlight',
      );
      await expect(screen.getByTestId('projector-caption')).toContainText('Group 1');
      expect(await noSidewaysScroll(screen), 'the projector with a spotlight').toBe(true);
      await expectWhole(screen.getByTestId('projector-caption'), 'the spotlight’s caption');
      await focus.getByRole('button', { name: 'End the spotlight' }).click();
      await focus.getByRole('button', { name: 'Back to the dashboard' }).click();
      await expect(focus).toHaveCount(0);
    });

    await test.step('the replay: nothing scrolls sideways; its controls and timeline are reachable', async () => {
      await dashboard
        .getByTestId('group-Group 1')
        .getByRole('button', { name: "Replay Group 1's board" })
        .click();
      const replay = dashboard.getByTestId('replay');
      await expect(replay.getByTestId('replay-status')).toHaveText(/^Change (\d+) of \1 · /);
      expect(await noSidewaysScroll(dashboard), 'the replay').toBe(true);
      await expectAllReachable(dashboard, [
        ['Play', replay.getByRole('button', { name: 'Play' })],
        ['Replay position', replay.getByRole('slider', { name: 'Replay position' })],
        ['Speed', replay.getByLabel('Speed')],
        ['the board at a step', replay.locator('.replay__board')],
        ['the talk’s heading', replay.getByRole('heading', { name: 'Talk and questions' })],
        [
          'the talk’s first entry',
          replay.getByRole('list', { name: 'Discourse timeline' }).getByRole('button').first(),
        ],
        ['Restore this moment', replay.getByRole('button', { name: 'Restore this moment' })],
        ['Load the latest', replay.getByRole('button', { name: 'Load the latest' })],
        ['Back to the dashboard', replay.getByRole('button', { name: 'Back to the dashboard' })],
      ]);
      await expectWhole(replay.getByTestId('replay-status'), 'the replay’s status');
      await replay.getByRole('button', { name: 'Back to the dashboard' }).click();
      await expect(replay).toHaveCount(0);
    });

    await test.step('reflections: the student’s dialog and the teacher’s tab reachable, nothing sideways', async () => {
      await dashboard.getByRole('button', { name: 'Ask for reflections' }).click();
      const dialog = student.page.getByRole('dialog', { name: 'Look back on today' });
      await expect(dialog).toBeVisible();
      expect(await noSidewaysScroll(student.page), 'the reflection dialog').toBe(true);
      await expectAllReachable(student.page, [
        ['What worked', dialog.getByLabel('What worked for you today?')],
        ['Next step', dialog.getByLabel('What is your next step?')],
        ['Save my reflection', dialog.getByRole('button', { name: 'Save my reflection' })],
      ]);
      await dialog.getByLabel('What worked for you today?').fill(REFLECTION);
      await dialog.getByRole('button', { name: 'Save my reflection' }).click();
      await expect(dialog.getByRole('status')).toContainText('Saved');

      await dashboard.getByRole('tab', { name: 'Reflections' }).click();
      const row = dashboard.getByTestId('reflection-row').filter({ hasText: 'Ada' });
      await expect(row).toContainText(REFLECTION);
      expect(await noSidewaysScroll(dashboard), 'the reflections tab').toBe(true);
      await expectWhole(row.getByText(REFLECTION), 'Ada’s reflection');
      await expectReachable(
        dashboard,
        dashboard.getByRole('button', { name: 'Close reflections' }),
        'Close reflections',
      );
    });

    await test.step('the coach’s pages: each tab and the replay, nothing sideways, controls reachable', async () => {
      await dashboard.getByRole('button', { name: 'Export' }).click();
      await dashboard.getByRole('menuitem', { name: 'Share with a coach…' }).click();
      const share = dashboard.getByRole('dialog', { name: 'Share the evidence with a coach' });
      await expectReachable(
        dashboard,
        share.getByRole('button', { name: 'Make a coach link' }),
        'Make a coach link',
      );
      await share.getByRole('button', { name: 'Make a coach link' }).click();
      const link = await share.getByLabel('Coach link').inputValue();
      await expectReachable(dashboard, share.getByRole('button', { name: 'Close' }), 'Close the share');
      await share.getByRole('button', { name: 'Close' }).click();

      const page = coach.page;
      await page.goto(link);
      const group = page.getByTestId('coach-group-Group 1');
      await expect(group.getByTestId('group-members')).toHaveText('Ada');
      expect(await noSidewaysScroll(page), 'the coach’s groups').toBe(true);
      await expectAllReachable(page, [
        ['Talk and questions', page.getByRole('tab', { name: 'Talk and questions' })],
        ['Reflections', page.getByRole('tab', { name: 'Reflections' })],
        ['Refresh', page.getByRole('button', { name: 'Refresh' })],
        ['Replay', group.getByRole('button', { name: "Replay Group 1's board" })],
      ]);

      await group.getByRole('button', { name: "Replay Group 1's board" }).click();
      const replay = page.getByTestId('replay');
      await expect(replay.getByTestId('replay-status')).toHaveText(/^Change (\d+) of \1 · /);
      expect(await noSidewaysScroll(page), 'the coach’s replay').toBe(true);
      await expectAllReachable(page, [
        ['Play', replay.getByRole('button', { name: 'Play' })],
        ['Replay position', replay.getByRole('slider', { name: 'Replay position' })],
        ['Speed', replay.getByLabel('Speed')],
        ['Back to the evidence', replay.getByRole('button', { name: 'Back to the evidence' })],
      ]);
      await replay.getByRole('button', { name: 'Back to the evidence' }).click();
      await expect(replay).toBeHidden();

      for (const tab of ['Talk and questions', 'Reflections']) {
        await page.getByRole('tab', { name: tab }).click();
        expect(await noSidewaysScroll(page), `the coach’s ${tab}`).toBe(true);
      }
      await expectWhole(
        page.getByTestId('reflection-row').filter({ hasText: 'Ada' }).getByText(REFLECTION),
        'Ada’s reflection for the coach',
      );
    });
  } finally {
    await teacher.close();
    await student.close();
    await projector.close();
    await coach.close();
  }
});
