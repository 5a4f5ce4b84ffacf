import { expect, test } from '../fixtures/test.js';
import { createFilledBoard } from '../fixtures/stockFiller.js';
import { readServerShapes } from '../fixtures/observer.js';

const SHAPES = 400;

/** What B's init script records on its page: the load's progress as B saw it, and the load's release. */
type ProbedWindow = Window & {
  __atMount?: number;
  __whenAsShapeArrived?: number;
  __releaseLoad?: () => void;
};

test('a big board opens on the shapes in view first, and edits made while the rest load are all kept', async ({
  studentA,
  studentB,
  server,
}) => {
  const boardId = await createFilledBoard(studentA, server.url, SHAPES);

  // B notes the shapes its editor holds in its first frame, and when A's new shape first reaches it
  await studentB.page.addInitScript(() => {
    const w = window as ProbedWindow;
    const look = () => {
      const shapes = window.__conjecture?.editor.getCurrentPageShapes();
      if (shapes && w.__atMount === undefined) {
        w.__atMount = shapes.length;
        // hold the rest of the load (after at most its first batch) until A's edits are in B's doc
        window.__conjectureHoldLoad = new Promise<void>((resolve) => (w.__releaseLoad = resolve));
      }
      if (shapes?.some((s) => !s.id.startsWith('shape:fill'))) w.__whenAsShapeArrived = shapes.length;
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await studentB.page.goto(`/b/${boardId}?debug`);
  const atMount = await (
    await studentB.page.waitForFunction(() => (window as ProbedWindow).__atMount, undefined, {
      timeout: 120_000,
    })
  ).jsonValue();

  // While the rest of B's load is held, A edits shapes far outside B's first view: a move, a delete, a new
  // shape. They reach B's doc while most of the board is still waiting to be put.
  const far = 'shape:fill399';
  const gone = 'shape:fill398';
  await studentA.page.evaluate(
    ({ far, gone }) => {
      const editor = window.__conjecture!.editor;
      editor.updateShape({ id: far, type: 'geo', y: 9_000 });
      editor.deleteShapes([gone]);
    },
    { far, gone },
  );
  const byA = await studentA.drawRectangle(700, 500);
  await expect.poll(() => readServerShapes(server.url, boardId)).toContain(byA);
  await studentB.page.waitForFunction(
    (byA) => window.__conjecture?.session.board.records.get(byA) !== undefined,
    byA,
  );
  await studentB.page.evaluate(() => (window as ProbedWindow).__releaseLoad?.());
  // and B draws in its first view while the rest of the board comes in
  // (drawn by hand here: the actor's helper takes any new shape for its own, and the board's are still arriving)
  await studentB.page.evaluate(() => {
    window.__conjecture!.editor.setCurrentTool('geo');
  });
  await studentB.page.mouse.move(300, 300);
  await studentB.page.mouse.down();
  await studentB.page.mouse.move(360, 340, { steps: 4 });
  await studentB.page.mouse.move(420, 380, { steps: 4 });
  await studentB.page.mouse.up();
  const drawnByB = async () =>
    (await studentB.shapeIds()).filter((id) => !id.startsWith('shape:fill') && id !== byA);
  await expect.poll(drawnByB).toHaveLength(1);
  const byB = (await drawnByB())[0] as string;

  const whenAsShapeArrived = await studentB.page.evaluate(
    () => (window as ProbedWindow).__whenAsShapeArrived,
  );
  test.info().annotations.push({
    type: 'progress',
    description: `B had ${atMount} shapes at mount, ${whenAsShapeArrived} when A's shape reached it`,
  });
  // the load was progressive: B's editor mounted on part of the board, and A's edits came during the load
  expect(atMount).toBeGreaterThan(0);
  expect(atMount).toBeLessThan(SHAPES);
  expect(whenAsShapeArrived).toBeLessThan(SHAPES);

  // both converge, nothing lost, nothing duplicated, the delete held and the move kept
  const expected = SHAPES - 1 + 2;
  await expect.poll(async () => (await studentB.shapeIds()).length, { timeout: 60_000 }).toBe(expected);
  await expect.poll(() => studentA.shapes()).toEqual(await studentB.shapes());
  const idsOfB = await studentB.shapeIds();
  expect(idsOfB).toEqual([...new Set(idsOfB)]);
  expect(idsOfB).not.toContain(gone);
  expect(idsOfB).toEqual(expect.arrayContaining([far, byA, byB]));
  const farInB = await studentB.page.evaluate((id) => window.__conjecture!.editor.getShape(id)?.y, far);
  expect(farInB).toBe(9_000);
  await expect.poll(() => readServerShapes(server.url, boardId)).toEqual([...idsOfB].sort());

  // B's labels were measured as its editor was built (the first view) and then ahead, a batch at a time;
  // A's one by one as the filler's shapes arrived: the sizes are the same, in the real fonts.
  const labelSizes = () => {
    const editor = window.__conjecture!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string }>;
      getShapeUtil(shape: object): Record<string, (shape: object) => { w?: number; h?: number }>;
    };
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.id.startsWith('shape:fill'))
      .map((s) => {
        const util = editor.getShapeUtil(s);
        return [s.id, s.type === 'geo' ? util.getUnscaledLabelSize!(s) : util.getLabelSize!(s)] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1));
  };
  const sizesOfB = await studentB.page.evaluate(labelSizes);
  expect(sizesOfB).toHaveLength(SHAPES - 1);
  expect(sizesOfB).toEqual(await studentA.page.evaluate(labelSizes));
});
