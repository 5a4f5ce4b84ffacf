import type { Page } from '@playwright/test';
import { pngInk, svgOf } from '../fixtures/shapeExport.js';
import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';

interface Shape {
  id: string;
  type: string;
  x: number;
  y: number;
  props: Record<string, unknown>;
}

// What this spec calls on the page's editor beyond the shared debug handle's type (fixtures/window.d.ts).
interface EditorExtras {
  getCurrentPageShapes(): Shape[];
  getShape(id: string): Shape | undefined;
  getEditingShapeId(): string | null;
  getShapeHandles(id: string): Array<{ id: string; x: number; y: number }> | undefined;
  pageToScreen(point: { x: number; y: number }): { x: number; y: number };
  centerOnPoint(point: { x: number; y: number }): unknown;
}

/** Picks a tool from the toolbar and clicks the canvas there; returns the placed shape's id. */
async function place(page: Page, tool: string, x: number, y: number): Promise<string> {
  const ids = () =>
    page.evaluate(
      (type) =>
        (window.__conjecture!.editor as unknown as EditorExtras)
          .getCurrentPageShapes()
          .filter((s) => s.type === type)
          .map((s) => s.id),
      tool,
    );
  const before = new Set(await ids());
  await page.getByTestId(`tools.${tool}`).click();
  await page.mouse.click(x, y);
  await expect.poll(async () => (await ids()).filter((id) => !before.has(id))).toHaveLength(1);
  return (await ids()).find((id) => !before.has(id)) as string;
}

const propsOf = (actor: Actor, id: string) =>
  actor.page.evaluate(
    (shapeId) => (window.__conjecture!.editor as unknown as EditorExtras).getShape(shapeId)?.props,
    id,
  );

const editingShapeId = (page: Page) =>
  page.evaluate(() => (window.__conjecture!.editor as unknown as EditorExtras).getEditingShapeId());

/** Where a shape's handle is on the screen. */
const handleOnScreen = (page: Page, shapeId: string, handleId: string) =>
  page.evaluate(
    ({ shapeId, handleId }) => {
      const editor = window.__conjecture!.editor as unknown as EditorExtras;
      const shape = editor.getShape(shapeId)!;
      const handle = editor.getShapeHandles(shapeId)!.find((h) => h.id === handleId)!;
      return editor.pageToScreen({ x: shape.x + handle.x, y: shape.y + handle.y });
    },
    { shapeId, handleId },
  );

test('a student places a number line and a coordinate plane, plots 2x+1, sees a typing error inline, drags a marker that a groupmate sees move, and exports both', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Linear functions');

  await test.step('two students join one group', () =>
    twoStudentsInOneGroup(teacher, joinCode, studentA, studentB));

  const page = studentA.page;
  const shapeOf = (p: Page, id: string) => p.locator(`.tl-shape[data-shape-id="${id}"]`);

  // Number line: placed from the toolbar, straight into its form; Escape ends the edit.
  await expect(page.getByTestId('tools.number-line')).toBeVisible();
  const line = await place(page, 'number-line', 360, 200);
  await expect.poll(() => editingShapeId(page)).toBe(line);
  await expect(page.getByRole('form', { name: 'Number line settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(() => editingShapeId(page)).toBeNull();

  const plane = await place(page, 'coordinate-plane', 860, 330);
  await expect.poll(() => editingShapeId(page)).toBe(plane);

  await test.step('y = 2x + 1 is stored as typed and plotted', async () => {
    const fn = page.getByRole('textbox', { name: 'y₁ =' });
    await fn.fill('2x+1');
    await expect
      .poll(async () => (await propsOf(studentA, plane))?.functions)
      .toEqual([{ id: 'f1', text: '2x+1', color: 'blue' }]);
    await expect(shapeOf(page, plane).locator('path[data-function-id="f1"]')).toHaveAttribute(
      'd',
      /^M[\d.]+ /,
    );
    const svg = await svgOf(page, [plane]);
    expect(svg).toMatch(/<path[^>]*data-function-id="f1"[^>]*d="M[\d.]+ [\d.]+L/);
    expect(svg).toContain('>y = 2x+1</text>');
    await page.screenshot({ path: test.info().outputPath('plane-form-with-2x+1.png') });
  });

  await test.step('a broken function shows its error inline, draws nothing, and the board keeps working', async () => {
    const fn = page.getByRole('textbox', { name: 'y₁ =' });
    await fn.fill('2x+)');
    const error = shapeOf(page, plane).getByRole('alert');
    // what the student typed is isolated (FSI … PDI) inside the message
    await expect(error).toHaveText('unexpected "\u2068)\u2069" at 4');
    await expect(fn).toHaveAttribute('aria-invalid', 'true');
    await expect(shapeOf(page, plane).locator('path[data-function-id="f1"]')).toHaveCount(0);
    expect(await svgOf(page, [plane])).not.toContain('data-function-id');
    // fixed again: the curve comes back
    await fn.fill('2x+1');
    await expect(error).toHaveCount(0);
    await expect(shapeOf(page, plane).locator('path[data-function-id="f1"]')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => editingShapeId(page)).toBeNull();
    await studentA.drawRectangle(300, 600);
  });

  await test.step('A drags the number line’s marker to 3/2; it snaps, and B sees it move', async () => {
    // B's board shows the marker where it started, at 1/2
    await expect
      .poll(async () => (await propsOf(studentB, line))?.points)
      .toEqual([{ id: 'p1', value: 0.5, label: 'A' }]);
    const markerOnB = shapeOf(studentB.page, line).locator('[data-point-id="p1"] circle');
    const startX = Number(await markerOnB.getAttribute('cx'));

    // select the line by clicking it (away from the marker), then drag the marker handle; the plane's form
    // panned the camera to stay in view (further with its inline error shown), so bring the line back first
    const lineShape = await page.evaluate(
      (id) => (window.__conjecture!.editor as unknown as EditorExtras).getShape(id)!,
      line,
    );
    await page.evaluate(
      (point) => {
        (window.__conjecture!.editor as unknown as EditorExtras).centerOnPoint(point);
      },
      { x: lineShape.x + 240, y: lineShape.y + 48 },
    );
    const corner = await page.evaluate(
      (point) => (window.__conjecture!.editor as unknown as EditorExtras).pageToScreen(point),
      { x: lineShape.x + 420, y: lineShape.y + 20 },
    );
    await page.mouse.click(corner.x, corner.y);
    const from = await handleOnScreen(page, line, 'p1');
    // 3/2 is three quarters of the way along the line (0 to 2), 24 px margins on a 480 px shape; a little off
    // the tick, so the snap is what puts it there
    const to = await page.evaluate(
      (point) => (window.__conjecture!.editor as unknown as EditorExtras).pageToScreen(point),
      { x: lineShape.x + 24 + 0.75 * 432 + 7, y: lineShape.y + 48 },
    );
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, from.y, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();

    await expect
      .poll(async () => (await propsOf(studentA, line))?.points)
      .toEqual([{ id: 'p1', value: 1.5, label: 'A' }]);
    await expect
      .poll(async () => (await propsOf(studentB, line))?.points)
      .toEqual([{ id: 'p1', value: 1.5, label: 'A' }]);
    // on B's screen the marker moved right by half the line (1/2 → 3/2 of 0…2: 216 px in shape space)
    await expect.poll(async () => Number(await markerOnB.getAttribute('cx')) - startX).toBeCloseTo(216, 5);
    await studentB.page.screenshot({ path: test.info().outputPath('studentB-sees-the-marker-at-3-2.png') });
  });

  await test.step('with the keyboard alone: Enter opens the form, Tab to “to”, a range with too many ticks is refused inline', async () => {
    // the line is still the selected shape after the drag
    await page.keyboard.press('Enter');
    await expect.poll(() => editingShapeId(page)).toBe(line);
    const form = page.getByRole('form', { name: 'Number line settings' });
    await expect(form.getByLabel('From')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('to', { exact: true })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1000');
    await expect(form.getByRole('alert')).toHaveText('that makes 4001 ticks; at most 200');
    // each keystroke that makes a drawable line is stored ("1", "10"); "100" and "1000" are not
    expect(((await propsOf(studentA, line))?.axis as { max: number }).max).toBe(10);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('3');
    await expect(form.getByRole('alert')).toHaveCount(0);
    await expect.poll(async () => ((await propsOf(studentB, line))?.axis as { max: number }).max).toBe(3);
    await expect(shapeOf(studentB.page, line).locator('text', { hasText: /^11\/4$/ })).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => editingShapeId(page)).toBeNull();
  });

  await test.step('the number line’s SVG export carries its tick labels and its point', async () => {
    const svg = await svgOf(page, [line]);
    for (const label of ['0', '1/4', '1/2', '3/4', '1', '5/4', '3/2', '7/4', '2', '11/4', '3']) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain('>A</text>');
    expect(svg).not.toContain('<foreignObject');
  });

  await test.step('both export to PNG with the drawing in it (the plane’s curve in its colour)', async () => {
    const linePng = await pngInk(page, [line]);
    expect(linePng.type).toBe('image/png');
    expect(linePng.dark).toBeGreaterThan(100);
    const planePng = await pngInk(page, [plane]);
    expect(planePng.type).toBe('image/png');
    expect(planePng.blue).toBeGreaterThan(100);
  });

  expect(studentA.outsideRequests).toEqual([]);
});
