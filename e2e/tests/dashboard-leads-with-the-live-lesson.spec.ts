import { expect, test } from '../fixtures/test.js';
import type { Page } from '@playwright/test';
import {
  createClassAndOpenDashboard,
  PEN_DEAL_PROMPT,
  twoStudentsInOneGroup,
} from '../fixtures/classroom.js';
import { readmeShot } from '../fixtures/readmeShot.js';

const VIEWPORT = { width: 1366, height: 768 };
/** A task of several lines at 1366 px: the header shows two of them, the rest one click away. */
const LONG_TASK =
  `${PEN_DEAL_PROMPT} ${'Show how you know with a table, a double number line or a graph, and say which one convinced your group and why. '.repeat(3)}`.trim();

/** Between one section of the dashboard and the next: about 48 px, as between its other sections. */
const SECTION_GAP_MIN_PX = 40;

/** The space between the shown tab's content and "Students and groups" below it. */
async function gapAboveStudentsAndGroups(page: Page): Promise<number> {
  return page.evaluate(() => {
    const panel = document.querySelector('.ui-tabs__panel:not([hidden])')!.getBoundingClientRect();
    const heading = document.querySelector('.students-and-groups h2')!.getBoundingClientRect();
    return heading.top - panel.bottom;
  });
}

/** The element's box lies wholly inside the page's first viewport (the page not scrolled). */
async function inFirstViewport(page: Page, testId: string) {
  const box = await page.getByTestId(testId).first().boundingBox();
  if (!box) throw new Error(`${testId} is not rendered`);
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= VIEWPORT.height && box.x + box.width <= VIEWPORT.width
  );
}

test('the dashboard leads with the live lesson at 1366×768: attention strip, then the grid; a raised hand opens its board fitted to the work', async ({
  teacher,
  studentA,
  studentB,
}) => {
  test.slow(); // three actors and four live boards on a shared machine
  const dashboard = teacher.page;
  await dashboard.setViewportSize(VIEWPORT);

  const { joinCode } = await test.step('before the lesson, the dashboard opens on Prepare', async () => {
    const created = await createClassAndOpenDashboard(teacher, 'Better deals', LONG_TASK);
    await expect(dashboard.getByRole('tab', { name: 'Prepare' })).toHaveAttribute('aria-selected', 'true');
    // "Students and groups" stands apart from the preparation above it, as the sections do from each other
    expect(await gapAboveStudentsAndGroups(dashboard)).toBeGreaterThanOrEqual(SECTION_GAP_MIN_PX);
    return created;
  });

  await test.step('once a group has members, preparation folds away and the live grid comes first', async () => {
    await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
    await expect(dashboard.getByRole('tab', { name: 'Live lesson' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(dashboard.getByRole('tabpanel', { name: 'Live lesson' })).toBeVisible();
    // the preparation's sections are folded away in their tab
    await expect(dashboard.getByRole('tabpanel', { name: 'Prepare' })).toBeHidden();
    await expect(dashboard.getByTestId('attention-strip')).toBeVisible();
    await expect(dashboard.getByTestId('group-Group 1').locator('.board-thumbnail svg')).toBeVisible();
    expect(await gapAboveStudentsAndGroups(dashboard)).toBeGreaterThanOrEqual(SECTION_GAP_MIN_PX);
    await dashboard.evaluate(() => window.scrollTo(0, 0));
    expect(await inFirstViewport(dashboard, 'attention-strip')).toBe(true);
    expect(await inFirstViewport(dashboard, 'group-Group 1')).toBe(true);
    const thumbnail = await dashboard.getByTestId('group-Group 1').locator('.thumbnail').boundingBox();
    // readable: the thumbnail is far larger than the old 300×200
    expect(thumbnail!.width).toBeGreaterThanOrEqual(400);
    expect(thumbnail!.height).toBeGreaterThanOrEqual(260);
    // a board nobody has worked on says so, along the thumbnail's foot, rather than a blank picture
    const emptyNote = dashboard.getByTestId('group-Group 1').locator('.thumbnail__empty');
    await expect(emptyNote).toHaveText('No work from the group yet');
    const note = await emptyNote.boundingBox();
    expect(note!.y).toBeGreaterThan(thumbnail!.y + thumbnail!.height / 2);
    expect(note!.y + note!.height).toBeLessThanOrEqual(thumbnail!.y + thumbnail!.height);
    // …and under the work, not over it: the long task's card ran down behind the note, its last line hidden
    const taskCard = dashboard.getByTestId('group-Group 1').locator('.board-thumbnail g[data-shape-id]');
    await expect(taskCard).not.toHaveCount(0);
    const cardBottoms = await taskCard.evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect().bottom));
    expect(Math.max(...cardBottoms), 'the task card ends above the note').toBeLessThanOrEqual(note!.y);
    // …and clear of the corner's "open" icon, which sat over the top right of a card that fills the thumbnail
    const icon = (await dashboard
      .getByTestId('group-Group 1')
      .locator('.thumbnail__open-icon')
      .boundingBox())!;
    const underIcon = await taskCard.evaluateAll(
      (gs, i) =>
        gs
          .map((g) => g.getBoundingClientRect())
          .filter((r) => r.left < i.x + i.width && i.x < r.right && r.top < i.y + i.height && i.y < r.bottom),
      icon,
    );
    expect(underIcon, 'no part of the task card under the open icon').toEqual([]);
    await dashboard.screenshot({ path: test.info().outputPath('dashboard-1366x768.png') });
  });

  await test.step('on Live, “Students and groups” is one click from the top, above the lesson’s tags; focus lands on it', async () => {
    await dashboard.evaluate(() => window.scrollTo(0, 0));
    const jump = dashboard.getByRole('button', { name: 'Students and groups', exact: true });
    await expect(jump).toBeInViewport({ ratio: 1 });
    await jump.click();
    const heading = dashboard.getByRole('heading', { name: 'Students and groups' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    // the roster comes before the discussion and the tagged contributions, which grow all lesson
    const top = async (name: string) => (await dashboard.getByRole('region', { name }).boundingBox())!.y;
    expect(await top('Students and groups')).toBeLessThan(await top('Discussion'));
    // …and the keyboard carries on from there, into the roster
    await dashboard.keyboard.press('Tab');
    await expect(dashboard.getByRole('button', { name: 'New group' })).toBeFocused();
    await dashboard.evaluate(() => window.scrollTo(0, 0));
  });

  await test.step('a long task takes two lines of the header, and "Show all" shows the rest', async () => {
    const task = dashboard.getByTestId('task-prompt');
    const lines = () =>
      task.evaluate((el) => {
        const line =
          parseFloat(getComputedStyle(el).lineHeight) || 1.2 * parseFloat(getComputedStyle(el).fontSize);
        return { shown: Math.round(el.clientHeight / line), hidden: el.scrollHeight > el.clientHeight + 1 };
      });
    expect(await lines()).toEqual({ shown: 2, hidden: true });
    await task.hover(); // the whole task on hover too, in our tooltip rather than the browser's
    await expect(dashboard.getByRole('tooltip')).toHaveText(LONG_TASK);
    await dashboard.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(lines).toMatchObject({ hidden: false });
    expect((await lines()).shown).toBeGreaterThan(2);
    await dashboard.getByRole('button', { name: 'Show less' }).click();
    await expect.poll(lines).toEqual({ shown: 2, hidden: true });
  });

  await test.step('the header’s buttons are one size, “Edit task” and “Show all” among them', async () => {
    const buttons = dashboard.locator('.dashboard-header .ui-button');
    await expect(buttons.filter({ hasText: 'Edit task' })).toBeVisible();
    await expect(buttons.filter({ hasText: 'Show all' })).toBeVisible();
    // “Edit task” and “Show all” were 28 px beside the 36 px “Pause the class”, as if of lesser rank
    const heights = await buttons.evaluateAll((els) =>
      els.map((el) => `${el.textContent}: ${el.getBoundingClientRect().height}`),
    );
    expect(new Set(heights.map((h) => h.split(': ')[1])), heights.join(', ')).toEqual(new Set(['36']));
  });

  await test.step('an empty question greys out “Pose the question” in the disabled look, and says why beside it', async () => {
    const questions = dashboard.getByRole('complementary', { name: 'Projector and questions' });
    const pose = questions.getByRole('button', { name: 'Pose the question' });
    await expect(pose).toBeDisabled();
    // a pale blue (the primary colour at 55 %) read as a broken primary button, not a disabled one
    const look = await pose.evaluate((el) => {
      const style = getComputedStyle(el);
      const token = (name: string) => {
        const probe = document.body.appendChild(document.createElement('span'));
        probe.style.color = `var(${name})`;
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      };
      return {
        background: style.backgroundColor === token('--color-surface-sunken'),
        text: style.color === token('--color-text-muted'),
        opacity: style.opacity,
      };
    });
    expect(look).toEqual({ background: true, text: true, opacity: '1' });
    await expect(pose).toHaveAccessibleDescription('Write a question to pose it.');
    await expect(questions.getByTestId('pose-hint')).toBeInViewport();
  });

  // Work far from the origin: "Open" must frame it, not show 100 % at (0, 0).
  const farShape = 'shape:farAwayWork';
  await test.step('a student works far from the origin', async () => {
    await studentA.page.evaluate((id) => {
      window.__conjecture!.editor.createShape({
        id,
        type: 'geo',
        x: 2600,
        y: 1900,
        props: { w: 300, h: 200 },
      });
    }, farShape);
    await expect.poll(() => studentB.shapeIds()).toContain(farShape);
    await expect(dashboard.getByTestId('group-Group 1').locator('.thumbnail__empty')).toHaveCount(0);
  });

  await test.step('at the foot of the window, a share’s figures show beside the name, not over the bar', async () => {
    const participation = dashboard.getByTestId('group-Group 1').getByTestId('participation');
    const member = participation.locator('.participation__member').first();
    await expect(member).toBeVisible();
    // the legend at the window's foot (the window cut just under it): the tooltip flipped above, over the
    // bar and the line above it
    await dashboard.evaluate(() => window.scrollTo(0, 0));
    const foot = Math.ceil(await member.evaluate((el) => el.getBoundingClientRect().bottom)) + 2;
    await dashboard.setViewportSize({ width: VIEWPORT.width, height: foot });
    await member.hover();
    const tip = dashboard.locator('.ui-tooltip');
    await expect(tip).toBeVisible();
    const tipBox = (await tip.boundingBox())!;
    const bar = (await participation.locator('.participation__bar').boundingBox())!;
    expect(tipBox.y, 'the tooltip starts below the bar').toBeGreaterThanOrEqual(bar.y + bar.height);
    expect(tipBox.y + tipBox.height, 'and ends inside the window').toBeLessThanOrEqual(foot);
    await dashboard.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await dashboard.setViewportSize(VIEWPORT);
    await dashboard.evaluate(() => window.scrollTo(0, 0));
  });

  await test.step('a raised hand tops the attention strip with its reason', async () => {
    await expect(dashboard.getByTestId('attention-strip')).toContainText('Nothing waiting');
    await studentB.page.getByRole('button', { name: 'Raise my hand' }).click();
    const hand = dashboard.getByTestId('attention-hand-Group 1');
    await expect(hand).toContainText('Bruno raised a hand');
    // ranked first
    await expect(dashboard.getByTestId('attention-strip').locator('.attention-item').first()).toHaveAttribute(
      'data-kind',
      'hand',
    );
    expect(await inFirstViewport(dashboard, 'attention-hand-Group 1')).toBe(true);
    await expect(
      dashboard.getByTestId('group-Group 1').locator('.board-thumbnail g[data-shape-id]'),
    ).not.toHaveCount(0);
    await readmeShot(dashboard, 'dashboard-lesson');
  });

  await test.step('by keyboard, the hand opens the group’s board, fitted to the work', async () => {
    const hand = dashboard.getByTestId('attention-hand-Group 1');
    // reached with the keyboard (Shift+Tab away and Tab back): the focus ring shows
    await hand.focus();
    await dashboard.keyboard.press('Shift+Tab');
    await dashboard.keyboard.press('Tab');
    await expect(hand).toBeFocused();
    expect(await hand.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
    await dashboard.keyboard.press('Enter');
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await teacher.waitForEditor();
    await expect.poll(() => teacher.shapeIds()).toContain(farShape);
    const framed = await dashboard.evaluate((id) => {
      const editor = window.__conjecture!.editor;
      const view = editor.getViewportPageBounds();
      const shape = editor.getShapePageBounds(id)!;
      return (
        shape.x >= view.x &&
        shape.y >= view.y &&
        shape.x + shape.w <= view.x + view.w &&
        shape.y + shape.h <= view.y + view.h
      );
    }, farShape);
    expect(framed).toBe(true);
    // …and none of it under the view switches at the top left (they hid the task card's label)
    const switches = (await dashboard
      .getByTestId('board-focus')
      .getByTestId('insight-toggles')
      .boundingBox())!;
    const underSwitches = await dashboard
      .getByTestId('board-focus')
      .locator('.tl-shape')
      .evaluateAll(
        (shapes, s) =>
          shapes
            .map((el) => ({ id: el.getAttribute('data-shape-id'), r: el.getBoundingClientRect() }))
            .filter(
              ({ r }) => r.left < s.x + s.width && s.x < r.right && r.top < s.y + s.height && s.y < r.bottom,
            )
            .map(({ id }) => id),
        switches,
      );
    expect(underSwitches).toEqual([]);
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    await expect(dashboard.getByTestId('board-focus')).toBeHidden();
  });

  await test.step('clicking the thumbnail opens the board too, and the hand is cleared from the card', async () => {
    await dashboard
      .getByRole('button', { name: 'Open Group 1’s board' })
      .or(dashboard.getByRole('button', { name: "Open Group 1's board" }))
      .click();
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    const hands = dashboard.getByTestId('group-Group 1').getByRole('list', { name: 'Raised hands' });
    await hands.getByRole('button', { name: 'Clear' }).click();
    await expect(dashboard.getByTestId('attention-hand-Group 1')).toBeHidden();
  });

  await test.step('at 1280 × 720 the live controls and Export share a row; deleting the class waits at the page foot', async () => {
    await dashboard.setViewportSize({ width: 1280, height: 720 });
    const header = dashboard.locator('.dashboard-header');
    const middle = async (name: string) => {
      const box = await header.getByRole('button', { name, exact: true }).boundingBox();
      return box!.y + box!.height / 2;
    };
    expect(Math.abs((await middle('Export')) - (await middle('Pause the class')))).toBeLessThan(4);
    // a destructive action is not beside "Pause" during a lesson
    await expect(header.getByRole('button', { name: 'Delete the class' })).toHaveCount(0);
    await expect(
      dashboard.getByTestId('class-data').getByRole('button', { name: 'Delete the class' }),
    ).toBeVisible();
    // a new projector link is made where the projector is controlled
    await expect(header.getByRole('button', { name: 'New projector link' })).toHaveCount(0);
    const projectorPanel = dashboard.getByRole('region', { name: 'Projector' });
    await projectorPanel.getByRole('button', { name: 'New projector link' }).click();
    const link = projectorPanel.getByLabel('Projector link');
    await expect(link).toHaveValue(/\/project\/.+#key=/);
    // …and copied in one click, for the classroom screen
    await dashboard.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await projectorPanel.getByRole('button', { name: 'Copy Projector link' }).click();
    await expect(projectorPanel.getByRole('status')).toHaveText('Copied');
    expect(await dashboard.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
  });

  await test.step('a shape flung 9,000,000 px off does not shrink the group’s card to a dot: the card frames the work and marks where that one went', async () => {
    await studentA.page.evaluate(() => {
      const at = (id: string, x: number, y: number) => ({ id, type: 'geo', x, y, props: { w: 200, h: 120 } });
      window.__conjecture!.editor.createShapes([
        at('shape:nearA', 2_300, 1_700),
        at('shape:nearB', 2_900, 2_100),
        at('shape:flung', 9_000_000, 0),
      ] as never);
    });
    const card = dashboard.getByTestId('group-Group 1').locator('.board-thumbnail');
    await expect(card.getByTestId('far-off-mark')).toHaveCount(1);
    const viewBox = await card.locator('svg[viewBox]').first().getAttribute('viewBox');
    expect(Number(viewBox!.split(' ')[2])).toBeLessThan(100_000);
    await expect(card.locator('g[data-shape-id="shape:nearB"]')).toHaveCount(1);
    // A snapshot of it is framed the same way in the gallery, with the same mark.
    const group = dashboard.getByTestId('group-Group 1');
    await group.getByRole('button', { name: 'Take a snapshot' }).click();
    await expect(group.getByTestId('snapshot-status')).toHaveText(/^Snapshot taken/);
    await dashboard.getByRole('tab', { name: 'Strategies' }).click();
    const snapshot = dashboard.getByRole('list', { name: 'Snapshots of this lesson' }).getByRole('listitem');
    await expect(snapshot.locator('g[data-shape-id="shape:nearB"]')).toHaveCount(1);
    await expect(snapshot.getByTestId('far-off-mark')).toHaveCount(1);
    const snapshotView = await snapshot.locator('svg[viewBox]').first().getAttribute('viewBox');
    expect(Number(snapshotView!.split(' ')[2])).toBeLessThan(100_000);
    await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
    // Opened large, the board is framed the same way.
    await dashboard
      .getByRole('button', { name: 'Open Group 1’s board' })
      .or(dashboard.getByRole('button', { name: "Open Group 1's board" }))
      .click();
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await teacher.waitForEditor();
    await expect.poll(() => teacher.shapeIds()).toContain('shape:flung');
    const view = await dashboard.evaluate(() => {
      const editor = window.__conjecture!.editor;
      const page = editor.getViewportPageBounds();
      const near = editor.getShapePageBounds('shape:nearB' as never)!;
      return { w: page.w, framed: near.x >= page.x && near.x + near.w <= page.x + page.w };
    });
    expect(view.w).toBeLessThan(100_000);
    expect(view.framed).toBe(true);
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
  });
});
