import type { Page } from '@playwright/test';
import { pngInk, svgOf } from '../fixtures/shapeExport.js';
import { expect, test } from '../fixtures/test.js';

// What this spec calls on the page's editor beyond the shared debug handle's type (fixtures/window.d.ts).
interface ExportingEditor {
  getCurrentPageShapes(): Array<{ id: string; type: string; props: Record<string, unknown> }>;
  getEditingShapeId(): string | null;
}

const MATH_TOOLS = ['equation', 'table', 'fraction-bar'] as const;

/** Picks a tool from the toolbar and clicks the canvas there; returns the placed shape's id. */
async function place(page: Page, tool: string, x: number, y: number): Promise<string> {
  const ids = () =>
    page.evaluate((type) => {
      const editor = window.__conjecture!.editor as unknown as ExportingEditor;
      return editor
        .getCurrentPageShapes()
        .filter((s) => s.type === type)
        .map((s) => s.id);
    }, tool);
  const before = new Set(await ids());
  await page.getByTestId(`tools.${tool}`).click();
  await page.mouse.click(x, y);
  await expect.poll(async () => (await ids()).filter((id) => !before.has(id))).toHaveLength(1);
  return (await ids()).find((id) => !before.has(id)) as string;
}

const editingShapeId = (page: Page) =>
  page.evaluate(() => (window.__conjecture!.editor as unknown as ExportingEditor).getEditingShapeId());

/** Double-clicks a shape's middle with the mouse, as a student would (tldraw hit-tests on the canvas). */
async function doubleClickShape(page: Page, id: string): Promise<void> {
  const box = await page.locator(`.tl-shape[data-shape-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`${id} is not on screen`);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}

const shapeProps = (page: Page, id: string) =>
  page.evaluate(
    (shapeId) =>
      (window.__conjecture!.editor as unknown as ExportingEditor)
        .getCurrentPageShapes()
        .find((s) => s.id === shapeId)?.props,
    id,
  );

test('a student places an equation, a table and a fraction bar from the toolbar, edits them, and exports them to SVG and PNG', async ({
  studentA,
}) => {
  const { page } = studentA;
  await studentA.createBoard();

  // Every math tool sits in the main toolbar at 1280×800, not in the overflow menu.
  for (const tool of MATH_TOOLS) {
    await expect(page.getByTestId(`tools.${tool}`)).toBeVisible();
    await expect(page.getByTestId(`tools.${tool}`)).toHaveAttribute('data-toolbar-visible', 'true');
  }

  // Equation: placed, straight into editing; Enter finishes and KaTeX draws it.
  const equation = await place(page, 'equation', 300, 250);
  await expect.poll(() => editingShapeId(page)).toBe(equation);
  const source = page.getByTestId('equation-source');
  await source.fill('x^2 + \\frac{3}{4} = y');
  await source.press('Enter');
  await expect.poll(() => editingShapeId(page)).toBeNull();
  const shapeOf = (id: string) => page.locator(`.tl-shape[data-shape-id="${id}"]`);
  await expect(shapeOf(equation).locator('.katex .mfrac')).toBeVisible();

  // Invalid LaTeX: KaTeX's message inline, the board keeps working; Escape ends the edit.
  await doubleClickShape(page, equation);
  await expect(source).toBeVisible();
  await source.fill('\\frac{1}{');
  await expect(shapeOf(equation).getByTestId('equation-error')).toContainText('KaTeX parse error');
  await page.keyboard.press('Escape');
  await expect.poll(() => editingShapeId(page)).toBeNull();
  await studentA.drawRectangle(900, 500);
  await doubleClickShape(page, equation);
  await source.fill('x^2 + \\frac{3}{4} = y');
  await source.press('Enter');
  await expect(shapeOf(equation).locator('.katex .mfrac')).toBeVisible();
  expect((await shapeProps(page, equation))?.latex).toBe('x^2 + \\frac{3}{4} = y');

  // Table: type, Tab to the next cell, add a row; the cells are in the record.
  const table = await place(page, 'table', 700, 250);
  await expect.poll(() => editingShapeId(page)).toBe(table);
  const cell = (row: number, column: number) =>
    shapeOf(table).getByRole('textbox', { name: `Row ${row}, column ${column}`, exact: true });
  await cell(1, 1).fill('cups');
  await cell(1, 1).press('Tab');
  await expect(cell(1, 2)).toBeFocused();
  await page.keyboard.type('servings');
  await page.getByTestId('table-add-row').click();
  await cell(2, 1).fill('2');
  await cell(2, 1).press('Tab');
  await page.keyboard.type('6');
  await page.keyboard.press('Escape');
  await expect.poll(() => editingShapeId(page)).toBeNull();
  const cells = (await shapeProps(page, table))?.cells as string[][];
  expect(cells).toHaveLength(4);
  expect(cells[0]?.slice(0, 2)).toEqual(['cups', 'servings']);
  expect(cells[2]?.slice(0, 2)).toEqual(['', '']); // the row was added below row 1, under the header
  expect(cells[1]?.slice(0, 2)).toEqual(['2', '6']);

  // Fraction bar: eight parts, three shaded by clicking them, labelled 3/8.
  const bar = await place(page, 'fraction-bar', 450, 520);
  await expect.poll(() => editingShapeId(page)).toBe(bar);
  for (let i = 0; i < 4; i++) await page.getByTestId('fraction-parts-more').click();
  for (const part of [0, 1, 2]) await shapeOf(bar).locator(`[data-part="${part}"]`).click();
  await expect(shapeOf(bar).locator('.fraction-bar-label')).toHaveText('3/8');
  await page.keyboard.press('Escape');
  await expect.poll(() => editingShapeId(page)).toBeNull();
  expect((await shapeProps(page, bar))?.partition).toEqual({ rows: 1, columns: 8, shaded: [0, 1, 2] });
  // Enter on the selected shape edits it again (keyboard only); Escape leaves.
  await page.keyboard.press('Enter');
  await expect.poll(() => editingShapeId(page)).toBe(bar);
  await page.keyboard.press('Escape');
  await expect.poll(() => editingShapeId(page)).toBeNull();

  // SVG export: KaTeX's markup with its fonts inlined, the table's text, the shaded parts.
  const equationSvg = await svgOf(page, [equation]);
  expect(equationSvg).toContain('<foreignObject');
  expect(equationSvg).toContain('class="mfrac"');
  expect(equationSvg).toMatch(/@font-face\s*{[^}]*KaTeX_Main[^}]*data:/);
  const tableSvg = await svgOf(page, [table]);
  expect(tableSvg).toContain('>cups</text>');
  expect(tableSvg).toContain('>servings</text>');
  const barSvg = await svgOf(page, [bar]);
  expect(barSvg.match(/data-shaded="true"/g)).toHaveLength(3);
  expect(barSvg).toContain('>3/8</text>');

  // PNG export: a real image with ink on it (the foreignObject's equation included).
  for (const id of [equation, table, bar]) {
    const png = await pngInk(page, [id]);
    expect(png.type).toBe('image/png');
    expect(png.bytes).toBeGreaterThan(0);
    expect(png.dark).toBeGreaterThan(20);
  }

  // Each tool has its keyboard shortcut.
  const currentTool = () =>
    page.evaluate(() =>
      (window.__conjecture!.editor as unknown as { getCurrentToolId(): string }).getCurrentToolId(),
    );
  for (const [key, tool] of [
    ['Shift+E', 'equation'],
    ['Shift+T', 'table'],
    ['Shift+B', 'fraction-bar'],
  ] as const) {
    await page.keyboard.press(key);
    await expect.poll(currentTool).toBe(tool);
    await page.keyboard.press('Escape');
    await expect.poll(currentTool).toBe('select');
  }

  expect(studentA.outsideRequests).toEqual([]);
});
