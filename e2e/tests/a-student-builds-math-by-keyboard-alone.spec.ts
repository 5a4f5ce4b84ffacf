import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { arrowTo, hasVisibleFocus, pressUntilFocused, tabTo } from '../fixtures/keyboard.js';
import type { Actor } from '../fixtures/actor.js';

const CRITIQUE = 'Why does the second row double both columns?';

/** The one shape of a type on the actor's board, with its position and props. */
function shapeOf(actor: Actor, type: string) {
  return actor.page.evaluate((t) => {
    const shape = window.__conjecture!.editor.getCurrentPageShapes().find((s) => s.type === t) as unknown as {
      id: string;
      x: number;
      y: number;
      props: Record<string, unknown>;
    };
    return shape ? { id: shape.id, x: shape.x, y: shape.y, props: shape.props } : null;
  }, type);
}

/** The focus is on the board's canvas (tldraw's container): where its keys (tools, Enter, arrows) are heard. */
async function expectCanvasFocused(actor: Actor) {
  await expect
    .poll(() =>
      actor.page.evaluate(() => document.activeElement?.classList.contains('tl-container') ?? false),
    )
    .toBe(true);
}

/**
 * After setup (the teacher groups Ada and Bruno with the mouse), Ada uses only the keyboard: she places a
 * table from the toolbar (arrow keys, Enter, Enter), fills its cells and drops a column, nudges it with the
 * arrow keys, posts a critique on it, then places an equation, a fraction bar and a coordinate plane with
 * their shortcuts and fills them in. Bruno's board shows each step.
 */
test('a student builds a table, an equation, a fraction bar and a plane, moves and critiques, by keyboard alone', async ({
  teacher,
  studentA,
  studentB,
}) => {
  test.slow(); // three actors, MathLive loads on first use
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  const ada = studentA.page;

  await test.step('Tab to the toolbar’s Table, Enter picks it, Enter places it in the middle of the view', async () => {
    // the toolbar is one Tab stop (its current tool); the arrow keys walk its tools
    await tabTo(ada, ada.getByTestId('tools.select'));
    await arrowTo(ada, ada.getByTestId('tools.table'));
    await ada.keyboard.press('Enter');
    await expectCanvasFocused(studentA);
    await ada.keyboard.press('Enter');
    const firstCell = ada.getByLabel('Row 1, column 1');
    await expect(firstCell).toBeFocused();
    expect(await hasVisibleFocus(firstCell), 'the cell shows its focus').toBe(true);
  });

  await test.step('type the cells (Tab walks them), Tab on to the table’s buttons to drop a column, Escape', async () => {
    // the new table is 3 by 3 with a header row; the third column stays empty
    for (const text of ['pens', 'dollars', '', '3', '2', '', '6', '4', '']) {
      if (text) await ada.keyboard.type(text);
      else await ada.keyboard.press('Delete');
      await ada.keyboard.press('Tab');
    }
    // Tab from the last cell reaches the buttons under the table
    const addRow = ada.getByTestId('table-add-row');
    await expect(addRow).toBeFocused();
    await tabTo(ada, ada.getByTestId('table-remove-column'));
    await ada.keyboard.press('Enter');
    await ada.keyboard.press('Escape');
    await expectCanvasFocused(studentA);
    const expected = [
      ['pens', 'dollars'],
      ['3', '2'],
      ['6', '4'],
    ];
    await expect.poll(async () => (await shapeOf(studentB, 'table'))?.props.cells).toEqual(expected);
  });

  await test.step('the arrow keys move the selected table, on Bruno’s board too', async () => {
    const before = (await shapeOf(studentA, 'table'))!;
    await ada.keyboard.press('Shift+ArrowRight'); // a big nudge
    await ada.keyboard.press('ArrowDown');
    await expect.poll(async () => (await shapeOf(studentA, 'table'))!.x).toBeGreaterThan(before.x);
    const moved = (await shapeOf(studentA, 'table'))!;
    expect(moved.y).toBeGreaterThan(before.y);
    await expect.poll(async () => (await shapeOf(studentB, 'table'))?.x).toBe(moved.x);
  });

  await test.step('Shift+C opens the table’s critique; Ada picks a stance, types and posts with the keyboard', async () => {
    await ada.keyboard.press('Shift+C');
    const panel = ada.getByTestId('critique-panel');
    await expect(panel).toBeVisible();
    const text = panel.getByLabel('Your critique');
    await expect(text).toBeFocused();
    // the stances are one radio group: Shift+Tab back to it (on “Question”), an arrow key to “Build on”
    await pressUntilFocused(ada, panel.getByRole('radio', { name: 'Question' }), 'Shift+Tab');
    await ada.keyboard.press('ArrowRight');
    await expect(panel.getByRole('radio', { name: 'Build on' })).toBeChecked();
    await tabTo(ada, text);
    await ada.keyboard.type(CRITIQUE);
    await tabTo(ada, panel.getByRole('button', { name: 'Post' }));
    await ada.keyboard.press('Enter');
    await expect(panel.locator('.critique-replies')).toContainText(CRITIQUE);
    await ada.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // Bruno sees the pin on the table and reads the critique in it
    const table = (await shapeOf(studentB, 'table'))!;
    const pin = studentB.page.locator(`[data-testid="critique-pin"][data-shape-id="${table.id}"]`);
    await expect(pin).toBeVisible();
    await expect(pin).toHaveAccessibleName(`Critique: 1 reply. Latest, build on: \u2068${CRITIQUE}\u2069`);
  });

  await test.step('Shift+E picks the equation tool, Enter places it; typed math arrives on Bruno’s board', async () => {
    await ada.keyboard.press('Escape'); // nothing selected: the next shape goes in the middle of the view
    await expectCanvasFocused(studentA);
    await ada.keyboard.press('Shift+E');
    await ada.keyboard.press('Enter');
    const field = ada.getByTestId('equation-visual');
    await expect(field).toBeFocused();
    // MathLive builds the fraction as it is typed: "/" opens it, the right arrow leaves the denominator
    await ada.keyboard.type('y=');
    await ada.keyboard.type('2/3');
    await ada.keyboard.press('ArrowRight');
    await ada.keyboard.type('x');
    await ada.keyboard.press('Enter');
    await expectCanvasFocused(studentA);
    await expect
      .poll(async () => (await shapeOf(studentB, 'equation'))?.props.latex)
      .toMatch(/^y=\\frac\{2\}\{3\}x$/);
  });

  await test.step('Shift+B places a fraction bar; Space shades a part, Tab goes to the next; Bruno sees 2 parts shaded', async () => {
    await ada.keyboard.press('Escape');
    await ada.keyboard.press('Shift+B');
    await ada.keyboard.press('Enter');
    const first = ada.getByRole('checkbox', { name: 'Part 1' });
    await expect(first).toBeFocused();
    expect(await hasVisibleFocus(first), 'the part shows its focus').toBe(true);
    await ada.keyboard.press('Space');
    await ada.keyboard.press('Tab');
    await expect(ada.getByRole('checkbox', { name: 'Part 2' })).toBeFocused();
    await ada.keyboard.press('Space');
    await ada.keyboard.press('Escape');
    await expectCanvasFocused(studentA);
    await expect
      .poll(
        async () =>
          ((await shapeOf(studentB, 'fraction-bar'))?.props.partition as { shaded: number[] })?.shaded,
      )
      .toEqual([0, 1]);
  });

  await test.step('Shift+P places a coordinate plane; its form takes a function and a point by keyboard', async () => {
    await ada.keyboard.press('Escape');
    await ada.keyboard.press('Shift+P');
    await ada.keyboard.press('Enter');
    const form = ada.getByRole('form', { name: 'Coordinate plane settings' });
    await expect(form.getByLabel('y₁ =')).toBeFocused();
    await ada.keyboard.type('2x + 1');
    await tabTo(ada, form.getByRole('button', { name: 'Add point' }));
    await ada.keyboard.press('Enter');
    // the new point's x, back from the button: its fields come before it
    const x = form.getByLabel('(', { exact: true });
    await pressUntilFocused(ada, x, 'Shift+Tab');
    await ada.keyboard.press('ControlOrMeta+A');
    await ada.keyboard.type('2');
    await ada.keyboard.press('Tab');
    await ada.keyboard.press('ControlOrMeta+A');
    await ada.keyboard.type('5');
    await ada.keyboard.press('Escape');
    await expectCanvasFocused(studentA);
    await expect
      .poll(async () => {
        const props = (await shapeOf(studentB, 'coordinate-plane'))?.props as
          { functions: { text: string }[]; points: { x: number; y: number }[] } | undefined;
        return (
          props && {
            fn: props.functions[0]?.text,
            point: props.points[0] && [props.points[0].x, props.points[0].y],
          }
        );
      })
      .toEqual({ fn: '2x + 1', point: [2, 5] });
  });
});
