import { expect, test } from '../fixtures/test.js';
import {
  createClassAndOpenDashboard,
  groupBoardId,
  twoStudentsInOneGroup,
  viewShapeIds,
} from '../fixtures/classroom.js';
import { richTextOf } from '../fixtures/richText.js';

test('the projector draws a board as the editor showed it — labelled shapes, a bound arrow, strokes, an equation, graph paper, a named cursor — and the dashboard’s thumbnail shows the paper and cursor too', async ({
  teacher,
  studentA,
  studentB,
  projector,
}) => {
  test.slow(); // four actors and live boards on a shared machine
  await projector.page.setViewportSize({ width: 1366, height: 768 });
  const dashboard = teacher.page;
  const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);

  await test.step('Ada writes a labelled box, a note, a text, an arrow from the box to the note, an equation and a stroke', async () => {
    await studentA.page.evaluate(
      (texts) => {
        const editor = window.__conjecture!.editor;
        editor.createShapes([
          { id: 'shape:box', type: 'geo', x: 100, y: 100, props: { w: 240, h: 140, richText: texts.box } },
          { id: 'shape:note', type: 'note', x: 600, y: 80, props: { richText: texts.note } },
          { id: 'shape:words', type: 'text', x: 100, y: 360, props: { richText: texts.words } },
          {
            id: 'shape:arrow',
            type: 'arrow',
            x: 340,
            y: 170,
            props: { start: { x: 0, y: 0 }, end: { x: 260, y: 10 } },
          },
          { id: 'shape:eq', type: 'equation', x: 600, y: 360, props: { latex: 'y=\\frac{2}{3}x' } },
        ]);
        editor.createBindings([
          {
            type: 'arrow',
            fromId: 'shape:arrow',
            toId: 'shape:box',
            props: {
              terminal: 'start',
              normalizedAnchor: { x: 0.5, y: 0.5 },
              isExact: false,
              isPrecise: false,
            },
          },
          {
            type: 'arrow',
            fromId: 'shape:arrow',
            toId: 'shape:note',
            props: {
              terminal: 'end',
              normalizedAnchor: { x: 0.5, y: 0.5 },
              isExact: false,
              isPrecise: false,
            },
          },
        ]);
      },
      {
        box: richTextOf('unit price'),
        note: richTextOf('3 pens for $2 is 67¢ a pen'),
        words: richTextOf('Which deal is better?'),
      },
    );
    await studentA.drawStroke(300, 520);
  });

  await test.step('the teacher puts graph paper on and the board on the projector', async () => {
    await dashboard.getByLabel('Graph paper on the boards').check();
    const [path, hash] = projectorLink.split('#');
    await projector.page.goto(`${path}?debug#${hash}`);
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').check();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Group 1');
  });

  const view = projector.page.locator('.projected-board');
  await test.step('the projector shows every shape, the words wrapped in their shapes in the board font', async () => {
    const boardId = (await view.getAttribute('data-board-id')) as string;
    await expect.poll(async () => viewShapeIds(projector, boardId)).toEqual(await studentA.shapeIds());
    // drawn from the records: no tldraw editor on the projector
    await expect(projector.page.locator('.tl-container')).toHaveCount(0);
    expect(await projector.page.evaluate(() => Object.keys(window.__conjectureViews ?? {}))).toEqual([]);
    await expect(view.getByText('3 pens for $2 is 67¢ a pen')).toBeVisible();
    await expect(view.getByText('unit price')).toBeVisible();
    await expect(view.getByText('Which deal is better?')).toBeVisible();
    // the equation's fraction stacked over its bar, as KaTeX sets it in the editor
    const equation = view.locator('[data-shape-id="shape:eq"]');
    await expect(equation).toContainText('y=23x');
    const [two, three] = await Promise.all(
      ['2', '3'].map((digit) => equation.getByText(digit, { exact: true }).boundingBox()),
    );
    expect(three!.y).toBeGreaterThan(two!.y + two!.height / 2);
    const font = await view
      .getByText('3 pens for $2 is 67¢ a pen')
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('tldraw_draw');
    // the note's sentence wraps inside the note (more than one line), as the editor shows it
    const note = await view.locator('[data-shape-id="shape:note"] > rect:last-of-type').boundingBox();
    const words = await view.getByText('3 pens for $2 is 67¢ a pen').boundingBox();
    expect(words!.width).toBeLessThanOrEqual(note!.width);
    expect(words!.height).toBeGreaterThan(note!.height / 6);
    // graph paper under the work, as the class's boards show it
    await expect
      .poll(() =>
        view.locator('.projected-board__paper').evaluate((el) => getComputedStyle(el).backgroundImage),
      )
      .toContain('linear-gradient');
  });

  await test.step('the arrow runs from the box’s edge to the note’s, with its head', async () => {
    const box = (await view.locator('[data-shape-id="shape:box"] > :first-child').boundingBox())!;
    const note = (await view.locator('[data-shape-id="shape:note"] > rect:last-of-type').boundingBox())!;
    const arrow = (await view.locator('[data-shape-id="shape:arrow"]').boundingBox())!;
    await expect(view.locator('[data-shape-id="shape:arrow"] path')).toHaveCount(2);
    // within 10 page units of each edge (the board's scale on screen varies with its work's size)
    const scale = await view.locator('.projected-board__drawing > svg').evaluate((svg) => {
      return (svg as SVGSVGElement).getScreenCTM()?.a ?? 1;
    });
    expect(Math.abs(arrow.x - (box.x + box.width)) / scale).toBeLessThan(10);
    expect(Math.abs(arrow.x + arrow.width - note.x) / scale).toBeLessThan(10);
  });

  await test.step('Bruno moves his pointer: the projector shows his cursor with his name', async () => {
    await studentB.page.mouse.move(500, 300);
    await studentB.page.mouse.move(540, 320, { steps: 3 });
    await expect(view.getByTestId('peer-cursor').filter({ hasText: 'Bruno' })).toBeVisible();
    await projector.page.screenshot({ path: test.info().outputPath('projector.png') });
    await studentA.page.screenshot({ path: test.info().outputPath('editor.png') });
  });

  await test.step('the dashboard’s thumbnail, drawn by the same renderer, shows the graph paper and the cursor too', async () => {
    const thumbnail = dashboard.getByTestId('group-Group 1').locator('.board-thumbnail');
    await expect
      .poll(() =>
        thumbnail.locator('.projected-board__paper').evaluate((el) => getComputedStyle(el).backgroundImage),
      )
      .toContain('linear-gradient');
    await studentB.page.mouse.move(520, 340, { steps: 3 });
    await expect(thumbnail.getByTestId('peer-cursor').filter({ hasText: 'Bruno' })).toBeVisible();
  });

  await test.step('two wide boards on the projector are stacked, each the screen’s width, held readable from the left with "More to the right"', async () => {
    await studentA.page.evaluate((richText) => {
      window.__conjecture!.editor.createShape({
        id: 'shape:farNote',
        type: 'note',
        x: 2300,
        y: 80,
        props: { richText },
      });
    }, richTextOf('5 pens for $3 is 60¢ a pen'));
    await dashboard.getByRole('button', { name: 'New group' }).click();
    const second = dashboard.getByTestId('group-Group 2');
    const secondBoard = await groupBoardId(teacher, 'Group 2');
    // Bruno moves to the new group and writes there, as wide as Ada's board
    await dashboard.getByLabel('Group for Bruno').selectOption({ label: 'Group 2' });
    await studentB.page.waitForFunction((id) => window.__conjecture?.session.boardId === id, secondBoard);
    await studentB.waitForEditor();
    await studentB.page.evaluate((richText) => {
      window.__conjecture!.editor.createShapes([
        { id: 'shape:left', type: 'note', x: 100, y: 80, props: { richText } },
        { id: 'shape:right', type: 'note', x: 2300, y: 80, props: { richText } },
      ]);
    }, richTextOf('Is 60¢ less than 67¢?'));
    await second.getByLabel('On projector').check();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText(['Group 1', 'Group 2']);
    await expect(projector.page.locator('[data-shape-id="shape:right"]')).toBeVisible();
    /** A note's text size on screen: CSS font size (page units) × its drawing's scale. */
    const notePx = (id: string) =>
      projector.page.evaluate((shape) => {
        const el = document.querySelector(`.projected-board [data-shape-id="${shape}"] foreignObject > div`);
        const scale = el?.closest('svg')?.getScreenCTM()?.a ?? 0;
        return el ? parseFloat(getComputedStyle(el).fontSize) * scale : 0;
      }, id);
    await expect.poll(() => notePx('shape:right')).toBeGreaterThan(0);
    // stacked: the second board under the first, both as wide as the screen, each caption over its own board
    await expect(projector.page.getByTestId('projector')).toHaveAttribute('data-columns', '1');
    const cells = await projector.page.locator('.projector-cell').evaluateAll((all) =>
      all.map((cell) => {
        const r = cell.getBoundingClientRect();
        const caption = cell.querySelector('[data-testid="projector-caption"]')!.getBoundingClientRect();
        return {
          top: r.top,
          bottom: r.bottom,
          width: r.width,
          captionInside: caption.top >= r.top && caption.bottom <= r.bottom,
        };
      }),
    );
    expect(cells.map((c) => [Math.round(c.width), c.captionInside])).toEqual([
      [1366, true],
      [1366, true],
    ]);
    expect(cells[1]!.top).toBeGreaterThanOrEqual(cells[0]!.bottom);
    // Side by side (each 683 px wide) both notes came out at 5.7 px, shrunk whole at most 11 px stacked: now
    // each board is held at the readable size from its left, where its task card is, and cut at the right.
    await expect.poll(() => notePx('shape:right')).toBeGreaterThanOrEqual(14);
    await expect.poll(() => notePx('shape:farNote')).toBeGreaterThanOrEqual(14);
    await expect(projector.page.getByTestId('projector-more-right')).toHaveCount(2);
    const shown = (id: string) =>
      projector.page.evaluate((shape) => {
        const note = document.querySelector(
          `.projected-board [data-shape-id="${shape}"] > rect:last-of-type`,
        );
        const v = note?.closest('.projected-board')?.getBoundingClientRect();
        const n = note?.getBoundingClientRect();
        return !!v && !!n && n.left >= v.left && n.top >= v.top && n.right <= v.right && n.bottom <= v.bottom;
      }, id);
    expect(await shown('shape:left')).toBe(true);
    expect(await shown('shape:right')).toBe(false);
    console.log(
      `two wide boards at 1366×768: notes at ${(await notePx('shape:farNote')).toFixed(1)} and ${(await notePx('shape:right')).toFixed(1)} px`,
    );
    await projector.page.screenshot({ path: test.info().outputPath('projector-two-boards.png') });
  });

  await test.step('a third board joins them: the three share the whole screen, no empty quarter', async () => {
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await dashboard.getByTestId('group-Group 3').getByLabel('On projector').check();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText([
      'Group 1',
      'Group 2',
      'Group 3',
    ]);
    await expect(projector.page.locator('.projected-board__drawing > svg')).toHaveCount(3);
    // two by two left a quarter of the screen grey: now one board takes a whole row (or all three one)
    const covered = () =>
      projector.page.locator('.projector-cell').evaluateAll((all) => {
        const area = all.reduce((sum, cell) => {
          const r = cell.getBoundingClientRect();
          return sum + r.width * r.height;
        }, 0);
        return area / (window.innerWidth * window.innerHeight);
      });
    await expect.poll(covered).toBeGreaterThan(0.98);
    // the row goes to a wide board, which shows twice as much of its work across the screen, not to the
    // third board's task card alone
    const widths = () =>
      projector.page.locator('.projector-cell').evaluateAll((all) => all.map((c) => c.clientWidth));
    await expect.poll(widths).toEqual([1366, 681, 681]);
    await projector.page.screenshot({ path: test.info().outputPath('projector-three-boards.png') });
  });
});
