import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures/test.js';

/**
 * The README's pictures of the representation shapes: `UPDATE_SCREENSHOTS=1 pnpm e2e tests/readme-screenshots.spec.ts`
 * writes docs/screenshots/<type>.png, one per entry below (skipped otherwise). To add a shape, append an
 * entry: its type and the props to show (merged over the shape's defaults).
 */
const SHOTS: Array<{ type: string; props: Record<string, unknown> }> = [
  { type: 'equation', props: { latex: 'y = \\frac{3}{4}x + \\sqrt{2}' } },
  {
    type: 'table',
    props: {
      cells: [
        ['cups of flour', 'cookies'],
        ['2', '24'],
        ['3', '36'],
        ['5', '60'],
      ],
      headerRow: true,
      w: 280,
      h: 160,
    },
  },
  { type: 'fraction-bar', props: { model: 'bar', partition: { rows: 1, columns: 8, shaded: [0, 1, 2] } } },
  {
    type: 'fraction-bar',
    props: { model: 'area', partition: { rows: 3, columns: 4, shaded: [0, 1, 4, 5, 8, 9] }, w: 240, h: 200 },
  },
  {
    type: 'number-line',
    props: {
      points: [
        { id: 'p1', value: 0.75, label: 'A' },
        { id: 'p2', value: 1.5, label: 'B' },
      ],
    },
  },
  {
    type: 'coordinate-plane',
    props: {
      w: 320,
      h: 320,
      window: { xMin: -6, xMax: 6, yMin: -6, yMax: 6, xStep: 1, yStep: 1 },
      functions: [
        { id: 'f1', text: '2x + 1', color: 'blue' },
        { id: 'f2', text: 'x^2 - 4', color: 'red' },
        { id: 'f3', text: '1/x', color: 'green' },
      ],
      points: [{ id: 'p1', x: 1, y: 3, label: 'A' }],
    },
  },
];

const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const MARGIN_PX = 16;

test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to write docs/screenshots/');

test('README screenshots of the representation shapes', async ({ studentA }) => {
  const { page } = studentA;
  await studentA.createBoard();
  mkdirSync(OUT_DIR, { recursive: true });
  const written = new Map<string, number>();

  for (const [index, shot] of SHOTS.entries()) {
    const id = `shape:readme${index}`;
    await page.evaluate(
      ({ id, type, props }) => {
        const editor = window.__conjecture!.editor as unknown as {
          createShape(s: object): unknown;
        };
        editor.createShape({ id, type, x: 200, y: 200, props });
      },
      { id, type: shot.type, props: shot.props },
    );
    const shape = page.locator(`.tl-shape[data-shape-id="${id}"]`);
    await expect(shape).toBeVisible();
    // Open and close the editor, as a student would (an equation sizes itself to its content while edited).
    const before = await shape.boundingBox();
    if (!before) throw new Error(`${shot.type} has no box`);
    await page.mouse.dblclick(before.x + before.width / 2, before.y + before.height / 2);
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      (window.__conjecture!.editor as unknown as { selectNone(): unknown }).selectNone();
    });
    await page.mouse.move(5, 400); // nothing hovered
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const box = await shape.boundingBox();
    if (!box) throw new Error(`${shot.type} has no box`);
    // The first picture of a type is <type>.png; later ones of the same type are <type>-2.png, …
    const count = (written.get(shot.type) ?? 0) + 1;
    written.set(shot.type, count);
    const name = count === 1 ? shot.type : `${shot.type}-${count}`;
    await page.screenshot({
      path: `${OUT_DIR}${name}.png`,
      clip: {
        x: box.x - MARGIN_PX,
        y: box.y - MARGIN_PX,
        width: box.width + 2 * MARGIN_PX,
        height: box.height + 2 * MARGIN_PX,
      },
    });
    await page.evaluate((shapeId) => {
      (window.__conjecture!.editor as unknown as { deleteShapes(ids: string[]): unknown }).deleteShapes([
        shapeId,
      ]);
    }, id);
  }
});

test('README screenshot of the toolbar with the math tools', async ({ studentA }) => {
  const { page } = studentA;
  await studentA.createBoard();
  mkdirSync(OUT_DIR, { recursive: true });
  await expect(page.getByTestId('tools.equation')).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page
    .locator('.tlui-main-toolbar__inner')
    .first()
    .screenshot({ path: `${OUT_DIR}toolbar.png` });
});
