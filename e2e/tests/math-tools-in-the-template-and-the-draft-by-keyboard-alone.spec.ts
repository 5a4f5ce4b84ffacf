import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { hasVisibleFocus, pressUntilFocused } from '../fixtures/keyboard.js';
import {
  expectCanvasFocused,
  openDraftByKeyboard,
  openTemplateByKeyboard,
  placeFromToolbar,
  postDraftByKeyboard,
  shapesOf,
  type Shape,
} from '../fixtures/canvasKeys.js';

const shadedParts = (shape: Shape | undefined) => (shape?.props.partition as { shaded: number[] })?.shaded;
const axisEnd = (shape: Shape | undefined) => (shape?.props.axis as { max: number })?.max;

/** Space shades the focused part, Tab goes to the next: the first `count` parts shaded, then Escape. */
async function shadeParts(page: Page, area: Locator, count: number) {
  const first = area.getByRole('checkbox', { name: 'Part 1' });
  await expect(first).toBeFocused();
  expect(await hasVisibleFocus(first), 'the part shows its focus').toBe(true);
  for (let part = 1; part <= count; part++) {
    if (part > 1) await page.keyboard.press('Tab');
    await expect(area.getByRole('checkbox', { name: `Part ${part}` })).toBeFocused();
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('Escape');
  await expectCanvasFocused(area);
}

/**
 * After setup (the teacher groups Ada and Bruno with the mouse), no mouse: the teacher puts a fraction bar
 * (two parts shaded) and a number line (0 to 4) in the task template from its toolbar; Escape with that not
 * yet placed asks before closing, and backs out; placed, Escape closes the editor and the focus is back on
 * "Edit the task template". Ada shades a fraction bar in her draft and posts it; Escape closes her draft, the
 * focus back on "My draft". Each shows on Bruno's board.
 */
test('a teacher places a fraction bar and a number line in the template, and a student a fraction bar in her draft, by keyboard alone', async ({
  teacher,
  studentA,
  studentB,
}) => {
  test.slow(); // three actors, two canvases each
  const dashboard = teacher.page;
  const bruno = studentB.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Parts of a whole');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);

  const openTemplate = dashboard.getByRole('button', { name: 'Edit the task template' });
  let template!: Locator;
  const shownOnBruno = (id: string) => bruno.locator(`.board .tl-shape[data-shape-id="${id}"]`);

  await test.step('the teacher opens the template editor with Enter', async () => {
    template = await openTemplateByKeyboard(dashboard);
  });

  await test.step('a fraction bar from the template’s toolbar: Space shades two parts', async () => {
    await placeFromToolbar(dashboard, template, 'fraction-bar');
    await shadeParts(dashboard, template, 2);
    await expect
      .poll(async () => shadedParts((await shapesOf(dashboard, '__conjectureTemplate', 'fraction-bar'))[0]))
      .toEqual([0, 1]);
    await dashboard.keyboard.press('Escape'); // nothing selected: the next shape goes in the middle of the view
  });

  await test.step('a number line from the template’s toolbar: its form, “to” set to 4', async () => {
    await placeFromToolbar(dashboard, template, 'number-line');
    const form = template.getByRole('form', { name: 'Number line settings' });
    await expect(form.getByLabel('From')).toBeFocused();
    await dashboard.keyboard.press('Tab');
    await expect(form.getByLabel('to', { exact: true })).toBeFocused();
    await dashboard.keyboard.press('ControlOrMeta+a');
    await dashboard.keyboard.type('4');
    await dashboard.keyboard.press('Escape');
    await expectCanvasFocused(template);
    await expect
      .poll(async () => axisEnd((await shapesOf(dashboard, '__conjectureTemplate', 'number-line'))[0]))
      .toBe(4);
  });

  await test.step('Escape lets go of the line; Escape again, with the template not placed, asks; Escape backs out', async () => {
    await dashboard.keyboard.press('Escape');
    await dashboard.keyboard.press('Escape');
    const asking = dashboard.getByRole('dialog', { name: 'Close without placing the template?' });
    await expect(asking).toBeVisible();
    await dashboard.keyboard.press('Escape');
    await expect(asking).toHaveCount(0);
    await expect(template).toBeVisible();
    await expectCanvasFocused(template);
  });

  const placed =
    await test.step('Shift+Tab to “Place on all group boards”: Bruno sees both, locked', async () => {
      await pressUntilFocused(
        dashboard,
        template.getByRole('button', { name: 'Place on all group boards' }),
        'Shift+Tab',
      );
      await dashboard.keyboard.press('Enter');
      await expect(template.getByTestId('template-placed')).toContainText('2 records');
      await expect
        .poll(async () => {
          const [bar] = await shapesOf(bruno, '__conjecture', 'fraction-bar');
          const [line] = await shapesOf(bruno, '__conjecture', 'number-line');
          return {
            shaded: shadedParts(bar),
            locked: bar?.isLocked,
            to: axisEnd(line),
            lineLocked: line?.isLocked,
          };
        })
        .toEqual({ shaded: [0, 1], locked: true, to: 4, lineLocked: true });
      const [bar] = await shapesOf(bruno, '__conjecture', 'fraction-bar');
      const [line] = await shapesOf(bruno, '__conjecture', 'number-line');
      await expect(shownOnBruno(bar!.id)).toBeVisible();
      await expect(shownOnBruno(line!.id).locator('text', { hasText: /^4$/ })).toHaveCount(1);
      return { bar: bar!.id };
    });

  await test.step('placed, Escape closes the template editor; the focus is back on “Edit the task template”', async () => {
    await dashboard.keyboard.press('Escape');
    await expect(template).toHaveCount(0);
    await expect(openTemplate).toBeFocused();
  });

  const ada = studentA.page;
  const draft = ada.getByTestId('draft-panel');

  await test.step('Ada opens her draft, places a fraction bar from its toolbar and shades a part', async () => {
    await openDraftByKeyboard(ada);
    await placeFromToolbar(ada, draft, 'fraction-bar');
    await shadeParts(ada, draft, 1);
    await ada.keyboard.press('Escape'); // nothing selected: "Post to group" takes the whole draft
  });

  await test.step('Tab to “Post to group”, Enter: Bruno sees her fraction bar, unlocked', async () => {
    await postDraftByKeyboard(ada, draft);
    await expect
      .poll(async () =>
        (await shapesOf(bruno, '__conjecture', 'fraction-bar'))
          .filter((s) => s.id !== placed.bar)
          .map((s) => ({ shaded: shadedParts(s), locked: s.isLocked })),
      )
      .toEqual([{ shaded: [0], locked: false }]);
    const posted = (await shapesOf(bruno, '__conjecture', 'fraction-bar')).find((s) => s.id !== placed.bar)!;
    await expect(shownOnBruno(posted.id)).toBeVisible();
    await bruno.screenshot({
      path: test.info().outputPath('bruno-sees-the-template-and-adas-fraction-bar.png'),
    });
  });

  await test.step('Escape closes her draft, kept without asking; the focus is back on “My draft”', async () => {
    await ada.keyboard.press('Escape');
    await expect(draft).toHaveCount(0);
    await expect(ada.getByRole('button', { name: 'My draft' })).toBeFocused();
  });
});
