import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, openDraft, twoStudentsInOneGroup } from '../fixtures/classroom.js';

interface Shape {
  id: string;
  type: string;
  isLocked: boolean;
  props: Record<string, unknown>;
}

// What this spec calls on the page's editors beyond the shared debug handle's type (fixtures/window.d.ts).
interface EditorExtras {
  getCurrentPageShapes(): Shape[];
  getEditingShapeId(): string | null;
  getSelectedShapeIds(): string[];
  getCurrentToolId(): string;
}
const MATH_TYPES = ['equation', 'table', 'fraction-bar', 'number-line', 'coordinate-plane'];
type Canvas = '__conjecture' | '__conjectureDraft' | '__conjectureTemplate';

/** The shapes of one of the page's editors (group board, draft, template canvas). */
const shapesOf = (page: Page, canvas: Canvas) =>
  page.evaluate(
    (name) =>
      (window[name]!.editor as unknown as EditorExtras)
        .getCurrentPageShapes()
        .map(({ id, type, isLocked, props }) => ({ id, type, isLocked, props })),
    canvas,
  );

const editorState = (page: Page, canvas: Canvas) =>
  page.evaluate((name) => {
    const editor = window[name]!.editor as unknown as EditorExtras;
    return {
      tool: editor.getCurrentToolId(),
      editing: editor.getEditingShapeId(),
      selected: editor.getSelectedShapeIds().length,
    };
  }, canvas);

/** A point inside a canvas, as fractions of its box (the toolbar sits along its bottom edge). */
async function pointIn(canvas: Locator, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Clicks a canvas there, and waits for a new shape of `type` in that canvas's editor; returns its id. */
async function clickToPlace(
  actor: Actor,
  canvas: Canvas,
  area: Locator,
  type: string,
  at: [number, number],
): Promise<string> {
  const ids = async () =>
    (await shapesOf(actor.page, canvas)).filter((s) => s.type === type).map((s) => s.id);
  const before = new Set(await ids());
  const point = await pointIn(area, ...at);
  await actor.page.mouse.click(point.x, point.y);
  await expect.poll(async () => (await ids()).filter((id) => !before.has(id))).toHaveLength(1);
  return (await ids()).find((id) => !before.has(id)) as string;
}

test('a student drafts an equation and a number line from the draft’s own toolbar and posts them to the group; the teacher puts a coordinate plane in the template from its toolbar, locked on the group board', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Math tools everywhere');

  await test.step('two students join one group', () =>
    twoStudentsInOneGroup(teacher, joinCode, studentA, studentB));

  const page = studentA.page;
  const panel = page.getByTestId('draft-panel');
  const draftCanvas = panel.locator('.tl-canvas');

  await test.step('Ada places an equation in her draft from the draft’s toolbar and types it', async () => {
    await openDraft(studentA);
    await expect(panel.getByTestId('tools.equation')).toBeVisible();
    await expect(panel.getByTestId('tools.number-line')).toBeVisible();
    await panel.getByTestId('tools.equation').click();
    const equation = await clickToPlace(studentA, '__conjectureDraft', draftCanvas, 'equation', [0.3, 0.25]);
    await expect.poll(async () => (await editorState(page, '__conjectureDraft')).editing).toBe(equation);
    const source = panel.getByTestId('equation-source');
    await source.fill('y = \\frac{2}{3}x + 1');
    await source.press('Enter');
    await expect.poll(async () => (await editorState(page, '__conjectureDraft')).editing).toBeNull();
    await expect(panel.locator(`.tl-shape[data-shape-id="${equation}"] .katex .mfrac`)).toBeVisible();
  });

  await test.step('… and a number line with its keyboard shortcut, which the group board does not take', async () => {
    await page.keyboard.press('Shift+N');
    await expect.poll(async () => (await editorState(page, '__conjectureDraft')).tool).toBe('number-line');
    expect((await editorState(page, '__conjecture')).tool).toBe('select');
    const line = await clickToPlace(studentA, '__conjectureDraft', draftCanvas, 'number-line', [0.5, 0.55]);
    await expect.poll(async () => (await editorState(page, '__conjectureDraft')).editing).toBe(line);
    await expect(panel.getByRole('form', { name: 'Number line settings' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await editorState(page, '__conjectureDraft')).editing).toBeNull();
    // Nothing selected, so "Post to group" takes the whole draft.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await editorState(page, '__conjectureDraft')).selected).toBe(0);
  });

  await test.step('Ada posts her draft: Bruno sees the equation drawn and the number line', async () => {
    await panel.getByRole('button', { name: 'Post to group' }).click();
    await expect(panel).toContainText('Posted 2 shapes to your group.');
    const mathOnB = async () =>
      (await shapesOf(studentB.page, '__conjecture')).filter((s) => MATH_TYPES.includes(s.type));
    await expect
      .poll(async () => (await mathOnB()).map((s) => s.type).sort())
      .toEqual(['equation', 'number-line']);
    const posted = await mathOnB();
    expect(posted.find((s) => s.type === 'equation')?.props.latex).toBe('y = \\frac{2}{3}x + 1');
    const board = studentB.page.locator('.board .tl-canvas');
    await expect(board.locator('.katex .mfrac')).toBeVisible();
    const lineOnB = posted.find((s) => s.type === 'number-line')!.id;
    await expect(board.locator(`.tl-shape[data-shape-id="${lineOnB}"] svg`).first()).toBeVisible();
    await studentB.page.screenshot({ path: test.info().outputPath('studentB-sees-the-posted-math.png') });
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toHaveCount(0);
  });

  await test.step('the teacher places a coordinate plane in the template from the template canvas’s toolbar', async () => {
    // The template is preparation: once groups exist the dashboard leads with the live lesson.
    await dashboard.getByRole('tab', { name: 'Prepare' }).click();
    await dashboard.getByRole('button', { name: 'Edit the task template' }).click();
    const editor = dashboard.getByTestId('template-editor');
    const canvas = editor.locator('.tl-canvas');
    await expect(editor.getByRole('button', { name: 'Place on all group boards' })).toBeEnabled();
    await expect(editor.getByTestId('tools.coordinate-plane')).toHaveAttribute(
      'data-toolbar-visible',
      'true',
    );
    await editor.getByTestId('tools.coordinate-plane').click();
    const plane = await clickToPlace(teacher, '__conjectureTemplate', canvas, 'coordinate-plane', [0.5, 0.4]);
    await expect.poll(async () => (await editorState(dashboard, '__conjectureTemplate')).editing).toBe(plane);
    await editor.getByRole('textbox', { name: 'y₁ =' }).fill('2x+1');
    await dashboard.keyboard.press('Escape');
    await expect.poll(async () => (await editorState(dashboard, '__conjectureTemplate')).editing).toBeNull();
    await editor.getByRole('button', { name: 'Place on all group boards' }).click();
    await expect(editor.getByTestId('template-placed')).toContainText('1 record');
    await dashboard.screenshot({ path: test.info().outputPath('teacher-template-with-a-plane.png') });
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect(editor).toHaveCount(0);

    for (const student of [studentA, studentB]) {
      await expect
        .poll(async () => (await shapesOf(student.page, '__conjecture')).find((s) => s.id === plane))
        .toMatchObject({ type: 'coordinate-plane', isLocked: true });
      await expect(
        student.page.locator(`.board .tl-shape[data-shape-id="${plane}"] path[data-function-id="f1"]`),
      ).toBeVisible();
    }
  });
});
