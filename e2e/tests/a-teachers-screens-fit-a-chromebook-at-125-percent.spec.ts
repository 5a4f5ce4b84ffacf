import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { addNote } from '../fixtures/notes.js';
import {
  createClassAndOpenDashboard,
  joinClass,
  spotlightFromOpenedBoard,
  twoStudentsInOneGroup,
} from '../fixtures/classroom.js';

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

/** The computed font size of an element, in CSS pixels (the projector's viewport is its screen). */
const fontPx = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** The element's whole box is on screen and its text is not cut off on the right. */
async function fullyShown(locator: Locator) {
  await expect(locator).toBeInViewport({ ratio: 1 });
  expect(
    await locator.evaluate((el) => el.scrollWidth <= el.clientWidth),
    `${locator.toString()} clipped`,
  ).toBe(true);
}

/** Whether the two elements sit on one line: each one's vertical middle falls within the other's box. */
async function onOneLine(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [await box(a), await box(b)];
  const within = (m: typeof p, n: typeof p) =>
    m.y + m.height / 2 >= n.y && m.y + m.height / 2 <= n.y + n.height;
  return within(p, q) && within(q, p);
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('at 125 % zoom the teacher poses a question beside the groups, and each group’s Rename and Delete stay together', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  await dashboard.setViewportSize(ZOOMED_CHROMEBOOK);
  const { joinCode } = await createClassAndOpenDashboard(teacher, TITLE);
  for (const name of GROUPS) {
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await expect(dashboard.getByTestId(`group-${name}`)).toBeVisible();
  }
  // Ada in Group 1, Bruno waiting in “Not in a group”: four roster columns, the narrowest they get
  await joinClass(studentA, joinCode, 'Ada Lovelace');
  await joinClass(studentB, joinCode, 'Bruno Diaz');
  await dashboard.getByLabel('Group for Ada Lovelace').selectOption({ label: 'Group 1' });
  await expect(dashboard.getByTestId('roster-column-Group 1')).toContainText('Ada Lovelace');
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
      // the card's small buttons were 12 px: unreadable from across the room
      const open = card.getByRole('button', { name: 'Open', exact: true });
      expect(await fontPx(open), `“Open” at ${size.width}`).toBeGreaterThanOrEqual(14);
      // the badge read “1 of 1”: one of what? (and “0 of 0” on an empty group)
      await expect(card.getByTestId('online-count')).toHaveText('1 of 1 online');
      await expect(dashboard.getByTestId('group-Group 2').getByTestId('online-count')).toHaveText(
        '0 of 0 online',
      );
      await fullyShown(card.getByTestId('online-count'));
    });
  }

  for (const size of [ZOOMED_CHROMEBOOK, LAPTOP]) {
    await test.step(`at ${size.width}×${size.height} a student’s card keeps “Remove” on the name’s line, the group menu inside it`, async () => {
      await dashboard.setViewportSize(size);
      for (const name of ['Ada Lovelace', 'Bruno Diaz']) {
        const student = dashboard.getByTestId(`student-${name}`);
        // in four columns the remove button wrapped away from the name, alone on a line under it (1366)
        expect(
          await onOneLine(
            student.getByText(name, { exact: true }),
            student.getByRole('button', { name: `Remove ${name}` }),
          ),
          `${name}'s name and Remove`,
        ).toBe(true);
        const menu = student.getByLabel(`Group for ${name}`);
        await menu.scrollIntoViewIfNeeded();
        const [m, c] = [await box(menu), await box(student)];
        expect(m.x + m.width, `${name}'s menu ends inside the card`).toBeLessThanOrEqual(c.x + c.width);
      }
    });
  }

  await test.step('at 1093×614 and 1366×768 a raised hand in “Needs you now” reads whole, beside the other calls', async () => {
    await studentA.waitForEditor();
    await question.getByLabel('Question', { exact: true }).fill('Which deal gives you more pens for $6?');
    await question.getByRole('button', { name: 'Pose the question' }).click();
    await studentA.page.getByRole('button', { name: 'Raise my hand' }).click();
    const hand = dashboard.getByTestId('attention-hand-Group 1');
    await expect(hand).toContainText('Ada Lovelace raised a hand');
    await expect(dashboard.getByTestId('attention-question-Group 1')).toBeVisible();
    for (const size of [ZOOMED_CHROMEBOOK, LAPTOP]) {
      await dashboard.setViewportSize(size);
      await dashboard.evaluate(() => window.scrollTo(0, 0));
      // squeezed by the longer calls beside it, it read “Ada Lovelace raised a…” (146 px wide at 1366)
      const reason = hand.locator('.attention-item__text > span');
      expect(
        await reason.evaluate((el) => el.scrollHeight <= el.clientHeight),
        `the hand’s reason whole at ${size.width}`,
      ).toBe(true);
      await expect(hand).toBeInViewport({ ratio: 1 });
    }
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Clear' }).click();
    await expect(hand).toBeHidden();
  });

  await test.step('at 1366×768 the Remove dialog’s choice reads at the size of the dialog’s text', async () => {
    await dashboard.setViewportSize(LAPTOP);
    await dashboard.getByRole('button', { name: 'Remove Bruno Diaz' }).click();
    const dialog = dashboard.getByRole('dialog', { name: /^Remove Bruno Diaz/ });
    const body = dialog.getByText('Their session ends at once', { exact: false });
    const choice = dialog.getByText("Also remove what they drew and wrote on their group's board");
    // the checkbox's label was 14 px under 16 px text: two sizes in a three-line dialog
    expect(await fontPx(choice), 'the choice’s label').toBe(await fontPx(body));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

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

test('at 125 % zoom and at 1366×768 the opened board’s panel reaches “Pose the question”, and the projector’s captions and presented step read at 24 px or more', async ({
  teacher,
  studentA,
  studentB,
  projector,
}) => {
  test.slow(); // four actors, live boards and a rendered snapshot on a shared machine
  const dashboard = teacher.page;
  const screen = projector.page;
  await dashboard.setViewportSize(ZOOMED_CHROMEBOOK);
  const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, TITLE);
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  const note = await addNote(studentA, { id: 'shape:unitPrice', text: '3 pens for $2 is 0.67 a pen' });
  await expect.poll(() => studentB.shapeIds()).toContain(note);
  await screen.goto(projectorLink);
  const card = dashboard.getByTestId('group-Group 1');

  await test.step('the projector names each projected board at 24 px or more', async () => {
    await card.getByLabel('On projector').check();
    const caption = screen.getByTestId('projector-caption');
    await expect(caption).toHaveText('Group 1');
    for (const size of [LAPTOP, ZOOMED_CHROMEBOOK]) {
      await screen.setViewportSize(size);
      // 20 px at both sizes: the class could not tell whose board it was from the back row
      expect(await fontPx(caption), `caption at ${size.width}`).toBeGreaterThanOrEqual(24);
      await fullyShown(caption);
    }
  });

  await test.step('the opened board’s panel stays on screen: “Pose the question” is reachable at 1093×614', async () => {
    const focus = await spotlightFromOpenedBoard(teacher, card, note);
    await expect(focus.getByRole('button', { name: 'End the spotlight' })).toBeVisible();
    for (const size of [ZOOMED_CHROMEBOOK, LAPTOP]) {
      await dashboard.setViewportSize(size);
      const panel = await box(
        focus.getByRole('button', { name: 'Back to the dashboard' }).locator('xpath=..'),
      );
      expect(panel.y + panel.height, `the panel ends on screen at ${size.width}`).toBeLessThanOrEqual(
        size.height,
      );
      // “Take a snapshot” was narrower than the panel's other buttons, as if it belonged somewhere else
      const back = await box(focus.getByRole('button', { name: 'Back to the dashboard' }));
      const snapshot = await box(focus.getByRole('button', { name: 'Take a snapshot' }));
      expect(snapshot.width, `“Take a snapshot” as wide as “Back” at ${size.width}`).toBeCloseTo(
        back.width,
        0,
      );
      // the panel ran 40 px past the bottom of a 614 px window, with nothing to scroll
      const pose = focus.getByRole('button', { name: 'Pose the question' });
      await pose.scrollIntoViewIfNeeded();
      await expect(pose).toBeInViewport({ ratio: 1 });
    }
    const caption = screen.getByTestId('projector-caption');
    for (const size of [LAPTOP, ZOOMED_CHROMEBOOK]) {
      await screen.setViewportSize(size);
      expect(await fontPx(caption), `spotlight caption at ${size.width}`).toBeGreaterThanOrEqual(24);
      await fullyShown(caption);
    }
    await focus.getByRole('button', { name: 'End the spotlight' }).click();
    await focus.getByRole('button', { name: 'Take a snapshot' }).click();
    await expect(focus.getByTestId('snapshot-status')).toHaveText('Snapshot taken: 1 item');
    await focus.getByRole('button', { name: 'Back to the dashboard' }).click();
  });

  await test.step('the presented step: its count, question and group read at 24 px or more, on one row, nothing cut off', async () => {
    await dashboard.getByRole('tab', { name: 'Strategies' }).click();
    const gallery = dashboard.getByRole('list', { name: 'Snapshots of this lesson' });
    await gallery.getByRole('listitem').nth(0).getByRole('button', { name: 'Add to the plan' }).click();
    await dashboard.getByLabel('Question for step 1').fill('What does 0.67 tell us about one pen?');
    await dashboard.getByLabel('Question for step 1').blur();
    await dashboard.getByRole('button', { name: 'Present the plan on the projector' }).click();
    const step = screen.getByTestId('presented-step');
    await expect(step.getByTestId('step-question')).toHaveText('What does 0.67 tell us about one pen?');
    const count = step.getByText('Step 1 of 1');
    const group = step.locator('.projector-caption');
    for (const size of [LAPTOP, ZOOMED_CHROMEBOOK]) {
      await screen.setViewportSize(size);
      for (const text of [count, step.getByTestId('step-question'), group]) {
        // “Step 1 of 1” was 18 px and the group 20 px at 1093×614
        expect(await fontPx(text), `${text.toString()} at ${size.width}`).toBeGreaterThanOrEqual(24);
        await fullyShown(text);
      }
      // on the question's first line (baseline-aligned, so their tops differ): beside it, not above it
      const [c, q] = [await box(count), await box(step.getByTestId('step-question'))];
      expect(c.x + c.width, 'the count left of the question').toBeLessThanOrEqual(q.x);
      expect(c.y + c.height / 2, 'the count on the question’s first line').toBeLessThan(q.y + 48);
      expect(await noHorizontalScroll(screen)).toBe(true);
    }
  });
});

test('at 125 % zoom a 40-character group name stays inside its dashboard card and its projector cell', async ({
  teacher,
  projector,
}) => {
  const dashboard = teacher.page;
  const screen = projector.page;
  const long = 'The Fraction Detectives of Room 12B East'; // DISPLAY_NAME_MAX: the longest a name may be
  await dashboard.setViewportSize(ZOOMED_CHROMEBOOK);
  await screen.setViewportSize(ZOOMED_CHROMEBOOK);
  const { projectorLink } = await createClassAndOpenDashboard(teacher, TITLE);
  for (const name of GROUPS.slice(0, 2)) {
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await expect(dashboard.getByTestId(`group-${name}`)).toBeVisible();
  }
  await dashboard.getByRole('button', { name: 'Rename Group 1' }).click();
  await dashboard.getByLabel('New name for Group 1').fill(long);
  await dashboard.getByLabel('New name for Group 1').press('Enter');
  await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
  const card = dashboard.getByTestId(`group-${long}`);
  await expect(card).toBeVisible();
  await screen.goto(projectorLink);
  await card.getByLabel('On projector').check();
  await dashboard.getByTestId('group-Group 2').getByLabel('On projector').check();
  const captions = screen.getByTestId('projector-caption');
  await expect(captions).toHaveText([long, 'Group 2']);

  await test.step('the card’s heading takes two lines, ends inside its card, and shows the whole name on hover', async () => {
    const heading = card.getByRole('heading', { name: long });
    const [h, c] = [await box(heading), await box(card)];
    const px = await fontPx(heading);
    expect(h.x + h.width, 'the heading’s right edge').toBeLessThanOrEqual(c.x + c.width);
    // one line cut it at about 20 characters (“The Fraction Detecti…”)
    expect(h.height, 'two lines').toBeGreaterThan(1.5 * px);
    expect(h.height, 'no more than two lines').toBeLessThan(3 * px);
    await heading.hover();
    await expect(dashboard.getByRole('tooltip')).toHaveText(long);
  });

  await test.step('the caption ends inside its cell, on one line, at 24 px or more', async () => {
    const caption = captions.first();
    const cell = await box(caption.locator('xpath=..'));
    const c = await box(caption);
    // it ran past its cell and over the neighbouring board
    expect(c.x + c.width, 'the caption’s right edge').toBeLessThanOrEqual(cell.x + cell.width);
    expect(c.height, 'one line').toBeLessThan(2 * (await fontPx(caption)));
    expect(await fontPx(caption)).toBeGreaterThanOrEqual(24);
  });
});

test('at 125 % zoom the monitoring chart shows that more columns lie to its right, until they are scrolled into view', async ({
  teacher,
}) => {
  const dashboard = teacher.page;
  await dashboard.setViewportSize(ZOOMED_CHROMEBOOK);
  await createClassAndOpenDashboard(teacher, TITLE);
  await dashboard.getByRole('button', { name: 'New group' }).click();
  await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
  await dashboard.getByRole('tab', { name: 'Strategies' }).click();
  const chart = dashboard.getByRole('table', { name: /^What each group’s board shows/ });
  await expect(chart.getByRole('rowheader', { name: /Group 1/ })).toBeVisible();
  // the roster belongs with making and changing groups (Prepare, Live lesson), not under every tab
  await expect.soft(dashboard.getByRole('region', { name: 'Students and groups' })).toBeHidden();
  // a row's snapshot sits on the group's line: it was a second full button under the name, doubling the row
  const rowHeader = chart.getByRole('rowheader', { name: /Group 1/ });
  expect
    .soft(
      await onOneLine(
        rowHeader.getByText('Group 1', { exact: true }),
        rowHeader.getByRole('button', { name: 'Take a snapshot of Group 1' }),
      ),
      'the group’s name and its snapshot on one line',
    )
    .toBe(true);
  // the marks are keyed in words above the chart, "partly" among them
  await expect(dashboard.getByRole('list', { name: 'Key to the marks' })).toContainText('partly: some signs');
  const frame = chart.locator('xpath=ancestor::*[contains(@class, "ui-table-frame")][1]');
  const scroller = chart.locator('xpath=..');
  // the sample anticipations' columns are wider than the frame at 1093 px: the last was cut mid-word
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(frame).toHaveAttribute('data-more', 'right');
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(frame).not.toHaveAttribute('data-more', 'right');
  await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
  await expect(frame).toHaveAttribute('data-more', 'right');
  await expect(chart.getByRole('rowheader', { name: /Group 1/ })).toBeInViewport();
});
