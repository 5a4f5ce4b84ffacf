import { expect, test } from '../fixtures/test.js';
import { fillBoard, gridShapes } from '../fixtures/stockFiller.js';

type StoredRecord = Record<string, unknown>;

/**
 * Records valid alone that tldraw cannot hold together, written by a script over a stock Yjs client: a shape
 * that is its own parent froze every browser holding the board (the page stopped answering); an arrow bound
 * to itself, or to an arrow bound back, kept the board from opening; a thin cloud's outline of a bump per
 * pixel stopped the page too; a label with a node the editor does not know made every classmate's editor
 * show "Something went wrong"; a grid of 0 crashed the editor of a student with the grid on at her next
 * stroke. The server refuses them.
 */
test('a stock client’s loop of parents, impossible binding, endless outline or unreadable label never reaches a classmate, whose board stays usable', async ({
  studentA,
  server,
}) => {
  const boardId = await studentA.createBoard();
  const [box, b, c, d, e, f, g, h] = gridShapes(8) as StoredRecord[];
  const editorRecord = (id: string) =>
    studentA.page.evaluate(
      (id) =>
        JSON.parse(
          JSON.stringify(
            (window.__conjecture!.editor as unknown as { store: { get(id: string): unknown } }).store.get(id),
          ),
        ) as StoredRecord,
      id,
    );
  let arrow: StoredRecord = {};
  let binding: StoredRecord = {};

  await test.step('Ada has the board open with a box, and an arrow of hers pointing at it', async () => {
    await fillBoard(server.url, boardId, [box!], { user: 'filler' });
    await expect.poll(() => studentA.shapeIds()).toEqual(['shape:fill0']);
    await studentA.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as {
        createShapes(s: unknown[]): void;
        createBindings(b: unknown[]): void;
      };
      editor.createShapes([{ id: 'shape:adaArrow', type: 'arrow', x: 400, y: 400 }]);
      editor.createBindings([
        {
          id: 'binding:adaArrow',
          type: 'arrow',
          fromId: 'shape:adaArrow',
          toId: 'shape:fill0',
          props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
        },
      ]);
    });
    arrow = await editorRecord('shape:adaArrow');
    binding = await editorRecord('binding:adaArrow');
    expect(binding).toMatchObject({ fromId: 'shape:adaArrow', toId: 'shape:fill0' });
  });

  const held = (id: string) =>
    studentA.page.evaluate(
      (id) =>
        (window.__conjecture!.editor as unknown as { store: { has(id: string): boolean } }).store.has(id),
      id,
    );

  await test.step('Mallory’s script writes a loop of parents and a box in one change: Ada gets the box alone', async () => {
    const loops = [
      { ...b, id: 'shape:self', parentId: 'shape:self' },
      { ...b, id: 'shape:loopA', parentId: 'shape:loopB' },
      { ...c, id: 'shape:loopB', parentId: 'shape:loopA' },
    ];
    await fillBoard(server.url, boardId, [...loops, c!], { user: 'mallory' });
    await expect.poll(() => studentA.shapeIds()).toContain('shape:fill2');
    expect(await held('shape:self')).toBe(false);
  });

  await test.step('…then arrows bound to themselves and to each other: Ada gets the arrows and a box, no bindings', async () => {
    const bound = [
      { ...arrow, id: 'shape:m1' },
      { ...arrow, id: 'shape:m2' },
      { ...binding, id: 'binding:self', fromId: 'shape:m1', toId: 'shape:m1' },
      { ...binding, id: 'binding:m1', fromId: 'shape:m1', toId: 'shape:m2' },
      { ...binding, id: 'binding:m2', fromId: 'shape:m2', toId: 'shape:m1' },
      { ...binding, id: 'binding:fromBox', fromId: 'shape:fill0', toId: 'shape:fill2' },
    ];
    await fillBoard(server.url, boardId, [...bound, d!], { user: 'mallory' });
    await expect.poll(() => studentA.shapeIds()).toContain('shape:fill3');
    for (const id of ['binding:self', 'binding:m1', 'binding:m2', 'binding:fromBox'])
      expect(await held(id)).toBe(false);
    expect(await held('binding:adaArrow')).toBe(true);
  });

  await test.step('…then a cloud 100,000 px long and 1 px tall (a bump per pixel): Ada never gets it', async () => {
    const cloud = { ...e, props: { ...(e!.props as StoredRecord), geo: 'cloud', w: 100_000, h: 1 } };
    await fillBoard(server.url, boardId, [cloud, f!], { user: 'mallory' });
    await expect.poll(() => studentA.shapeIds()).toContain('shape:fill5');
    expect(await held('shape:fill4')).toBe(false);
    // Her page still answers, and draws what came with the cloud.
    await expect(studentA.page.locator('.tl-shape[data-shape-id="shape:fill5"]')).toBeAttached();
  });

  await test.step('…then a label with a node the editor does not know: Ada never gets it, no “Something went wrong”', async () => {
    const label = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'x' }] }] };
    const unreadable = { ...g, props: { ...(g!.props as StoredRecord), richText: label } };
    await fillBoard(server.url, boardId, [unreadable, h!], { user: 'mallory' });
    await expect.poll(() => studentA.shapeIds()).toContain('shape:fill7');
    expect(await held('shape:fill6')).toBe(false);
    await expect(studentA.page.locator('.tl-error-boundary')).toHaveCount(0);
  });

  await test.step('Ada selects all and reloads: the board opens, with all that stood', async () => {
    await studentA.page.keyboard.press('Control+a');
    await studentA.page.reload();
    await studentA.waitForEditor();
    await expect
      .poll(async () => (await studentA.shapeIds()).sort())
      .toEqual([
        'shape:adaArrow',
        'shape:fill0',
        'shape:fill2',
        'shape:fill3',
        'shape:fill5',
        'shape:fill7',
        'shape:m1',
        'shape:m2',
      ]);
  });

  await test.step('…then a grid of 0: Ada, with the grid on, still draws (every point is snapped to it)', async () => {
    await studentA.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as {
        updateInstanceState(s: { isGridMode: boolean }): void;
      };
      editor.updateInstanceState({ isGridMode: true });
    });
    const noGrid = { id: 'document:document', typeName: 'document', gridSize: 0, name: '', meta: {} };
    await fillBoard(server.url, boardId, [noGrid, { ...b, id: 'shape:afterGrid' }], { user: 'mallory' });
    await expect.poll(() => studentA.shapeIds()).toContain('shape:afterGrid');
    await studentA.drawRectangle(600, 300);
    await expect(studentA.page.locator('.tl-error-boundary')).toHaveCount(0);
  });
});
