import { expect, test } from '../fixtures/test.js';

/** The shape util's descriptor, read through the page's editor (e2e does not depend on tldraw's types). */
interface DescribingEditor {
  getShape(id: string): unknown;
  getShapeUtil(shape: unknown): { getAriaDescriptor(shape: unknown): string | undefined };
}

/** What a student wrote, as a description quotes it: isolated (FSI … PDI), so its direction stays its own. */
const iso = (written: string) => `\u2068${written}\u2069`;

const SHAPES = [
  {
    id: 'shape:eq',
    type: 'equation',
    props: { latex: 'x = \\frac{3}{4}' },
    spoken: 'Equation: x equals 3 over 4',
  },
  {
    id: 'shape:table',
    type: 'table',
    props: {
      cells: [
        ['pens', 'dollars'],
        ['3', '2'],
        ['6', ''],
      ],
      headerRow: true,
    },
    spoken: `Table, 3 rows by 2 columns. Headers: ${iso('pens')}, ${iso('dollars')}. Row 1: ${iso('3')}, ${iso('2')}. Row 2: ${iso('6')}, blank.`,
  },
  {
    id: 'shape:bar',
    type: 'fraction-bar',
    props: { model: 'bar', partition: { rows: 1, columns: 3, shaded: [0, 1] } },
    spoken: 'Fraction bar: 2 of 3 parts shaded',
  },
  {
    id: 'shape:line',
    type: 'number-line',
    props: {
      axis: { min: 0, max: 1, tickNumerator: 1, tickDenominator: 4, tickLabels: 'fraction' },
      points: [{ id: 'p1', value: 0.75, label: 'A' }],
    },
    spoken: `Number line from 0 to 1, ticks every 1 over 4. 1 point: ${iso('A')} at 3 over 4.`,
  },
  {
    id: 'shape:plane',
    type: 'coordinate-plane',
    props: {
      points: [{ id: 'p1', x: 2, y: 3, label: 'P' }],
      functions: [{ id: 'f1', text: 'y = 2x + 1', color: 'blue' }],
    },
    spoken: `Coordinate plane, x from negative 10 to 10, y from negative 10 to 10. 1 point: ${iso('P')} at 2, 3. 1 function: ${iso('y = 2x + 1')}.`,
  },
];

test('each math shape is described to a screen reader: tldraw announces its spoken content when it is selected', async ({
  studentA,
}) => {
  const { page } = studentA;
  await studentA.createBoard();
  await page.evaluate((shapes) => {
    shapes.forEach((s, i) =>
      window.__conjecture!.editor.createShape({
        id: s.id,
        type: s.type,
        x: 80,
        y: 60 + i * 140,
        props: s.props,
      }),
    );
  }, SHAPES);
  await expect.poll(() => studentA.shapeIds()).toHaveLength(SHAPES.length);

  for (const shape of SHAPES) {
    await test.step(`${shape.type}: “${shape.spoken}”`, async () => {
      const descriptor = await page.evaluate((id) => {
        const editor = window.__conjecture!.editor as unknown as DescribingEditor;
        const record = editor.getShape(id);
        return editor.getShapeUtil(record).getAriaDescriptor(record);
      }, shape.id);
      expect(descriptor).toBe(shape.spoken);
      // what the screen reader hears: tldraw's live region announces the selected shape with its descriptor
      await page.evaluate((id) => {
        window.__conjecture!.editor.select(id);
      }, shape.id);
      await expect(page.locator('.tl-container [role="status"][aria-live]')).toContainText(shape.spoken);
    });
  }

  await test.step('an edit is heard on the next selection: the equation reads its new LaTeX', async () => {
    await page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as {
        updateShape(partial: object): unknown;
        selectNone(): unknown;
        select(id: string): unknown;
      };
      editor.updateShape({ id: 'shape:eq', type: 'equation', props: { latex: '\\sqrt{16} = 4' } });
      editor.selectNone();
      editor.select('shape:eq');
    });
    await expect(page.locator('.tl-container [role="status"][aria-live]')).toContainText(
      'Equation: the square root of 16 equals 4',
    );
  });
});
