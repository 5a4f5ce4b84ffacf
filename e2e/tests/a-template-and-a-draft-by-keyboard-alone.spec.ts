import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { hasVisibleFocus, pressUntilFocused, tabTo } from '../fixtures/keyboard.js';
import {
  expectCanvasFocused,
  openDraftByKeyboard,
  openTemplateByKeyboard,
  placeFromToolbar,
  postDraftByKeyboard,
  shapesOf,
} from '../fixtures/canvasKeys.js';

/**
 * After setup (the teacher groups Ada and Bruno with the mouse), no mouse: the teacher opens the task
 * template, places a table and an equation in it from its toolbar, places it on the group boards and closes
 * it, the focus back on the button that opened it; Ada opens her draft, types an equation there, posts it
 * to her group and closes the draft, the focus back on "My draft". Bruno's board shows each.
 */
test('a teacher builds the template and a student drafts and posts an equation, by keyboard alone', async ({
  teacher,
  studentA,
  studentB,
}) => {
  test.slow(); // three actors, two canvases each, MathLive loads on first use
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);

  const openTemplate = dashboard.getByRole('button', { name: 'Edit the task template' });
  let template!: Locator;

  await test.step('the teacher Tabs to Prepare and opens the template editor with Enter', async () => {
    template = await openTemplateByKeyboard(dashboard);
  });

  await test.step('a table from the template’s toolbar, filled cell by cell; Escape back to the canvas', async () => {
    await placeFromToolbar(dashboard, template, 'table');
    const firstCell = template.getByLabel('Row 1, column 1');
    await expect(firstCell).toBeFocused();
    expect(await hasVisibleFocus(firstCell), 'the cell shows its focus').toBe(true);
    for (const text of ['pens', 'dollars']) {
      await dashboard.keyboard.type(text);
      await dashboard.keyboard.press('Tab');
    }
    await dashboard.keyboard.press('Escape');
    await expectCanvasFocused(template);
    await dashboard.keyboard.press('Escape'); // nothing selected: the next shape goes in the middle of the view
  });

  await test.step('an equation from the template’s toolbar, typed; Enter back to the canvas', async () => {
    await placeFromToolbar(dashboard, template, 'equation');
    await expect(template.getByTestId('equation-visual')).toBeFocused();
    await dashboard.keyboard.type('y=2x');
    await dashboard.keyboard.press('Enter');
    await expectCanvasFocused(template);
    await expect
      .poll(async () => (await shapesOf(dashboard, '__conjectureTemplate')).map((s) => s.type).sort())
      .toEqual(['equation', 'table']);
  });

  await test.step('Escape, Shift+Tab back to “Place on all group boards”; the students see both, locked', async () => {
    // with a shape selected Tab walks the shapes (tldraw's); Escape lets go, and the bar is back before the canvas
    await dashboard.keyboard.press('Escape');
    await pressUntilFocused(
      dashboard,
      template.getByRole('button', { name: 'Place on all group boards' }),
      'Shift+Tab',
    );
    await dashboard.keyboard.press('Enter');
    await expect(template.getByTestId('template-placed')).toContainText('2 records');
    for (const student of [studentA, studentB]) {
      await expect
        .poll(async () =>
          (await shapesOf(student.page, '__conjecture'))
            .filter((s) => s.type === 'table' || s.type === 'equation')
            .map((s) => ({ type: s.type, isLocked: s.isLocked }))
            .sort((a, b) => a.type.localeCompare(b.type)),
        )
        .toEqual([
          { type: 'equation', isLocked: true },
          { type: 'table', isLocked: true },
        ]);
    }
    const equation = (await shapesOf(studentB.page, '__conjecture')).find((s) => s.type === 'equation')!;
    expect(equation.props.latex).toBe('y=2x');
  });

  await test.step('Close, then the focus is back on “Edit the task template”', async () => {
    await tabTo(dashboard, template.getByRole('button', { name: 'Close' }));
    await dashboard.keyboard.press('Enter');
    await expect(template).toHaveCount(0);
    await expect(openTemplate).toBeFocused();
  });

  const ada = studentA.page;
  const draft = ada.getByTestId('draft-panel');
  const myDraft = ada.getByRole('button', { name: 'My draft' });

  await test.step('Ada opens her draft with Enter and types an equation from the draft’s toolbar', async () => {
    await openDraftByKeyboard(ada);
    await placeFromToolbar(ada, draft, 'equation');
    await expect(draft.getByTestId('equation-visual')).toBeFocused();
    await ada.keyboard.type('3/4');
    await ada.keyboard.press('Enter');
    await expectCanvasFocused(draft);
    await ada.keyboard.press('Escape'); // nothing selected: "Post to group" takes the whole draft
  });

  await test.step('Tab to “Post to group”, Enter: Bruno sees the equation, unlocked', async () => {
    await postDraftByKeyboard(ada, draft);
    await expect
      .poll(async () =>
        (await shapesOf(studentB.page, '__conjecture'))
          .filter((s) => s.type === 'equation' && !s.isLocked)
          .map((s) => s.props.latex),
      )
      .toEqual(['\\frac{3}{4}']);
  });

  await test.step('Close, then the focus is back on “My draft”', async () => {
    await tabTo(ada, draft.getByRole('button', { name: 'Close' }));
    await ada.keyboard.press('Enter');
    await expect(draft).toHaveCount(0);
    await expect(myDraft).toBeFocused();
  });
});
