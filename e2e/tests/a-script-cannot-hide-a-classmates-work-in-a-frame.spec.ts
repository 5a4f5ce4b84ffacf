import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { expect, test } from '../fixtures/test.js';
import { deleteFromBoard, fillBoard, gridShapes } from '../fixtures/stockFiller.js';

type StoredRecord = Record<string, unknown>;

interface MaskEditor {
  store: { get(id: string): unknown; listen(fn: () => void): () => void };
  getCurrentPageShapeIds(): Set<string>;
  getShapeMaskedPageBounds(id: string): unknown;
}

declare global {
  interface Window {
    /** Set by the spec: whether the box was ever drawn nowhere while it sat in the script's frame. */
    __boxMaskedAway?: boolean;
  }
}

/**
 * tldraw draws a shape only if its parents lead to the page, and a frame draws only what lies inside it. A
 * script over a stock Yjs client gave Ada's box a parent that is not there, or kept it in a frame of its own
 * but 5,000 px outside it, or deleted that frame and not her box: each time her box was on the board and
 * drawn nowhere, and no deletion of hers was counted. The server refuses the first, moves a box left outside
 * its frame out onto the page once the change has settled, and puts a box left without its frame on the page.
 */
test('a stock client cannot hide Ada’s box without a parent, outside a frame, or under a deleted frame', async ({
  studentA,
  server,
}) => {
  const { page } = studentA;
  const boardId = await studentA.createBoard();
  const box = await studentA.drawRectangle(400, 300);
  const record = () =>
    page.evaluate(
      (id) =>
        JSON.parse(JSON.stringify((window.__conjecture!.editor as unknown as MaskEditor).store.get(id))),
      box,
    ) as Promise<StoredRecord>;
  /** tldraw's own verdict: the shape is on the page and some of it is drawn. */
  const drawn = () =>
    page.evaluate((id) => {
      const editor = window.__conjecture!.editor as unknown as MaskEditor;
      return editor.getCurrentPageShapeIds().has(id) && editor.getShapeMaskedPageBounds(id) !== undefined;
    }, box);
  const [first, second] = gridShapes(2) as StoredRecord[];
  const mallory = { user: 'mallory' };

  await test.step('Mallory’s script gives Ada’s box a parent that is not on the board: it is refused', async () => {
    await fillBoard(server.url, boardId, [{ ...(await record()), parentId: 'shape:ghost' }, first!], mallory);
    await expect.poll(() => studentA.shapeIds()).toContain(first!.id); // the same change reached Ada
    expect(await record()).toMatchObject({ parentId: 'page:page' });
    expect(await drawn()).toBe(true);
  });

  await test.step('…then keeps it in a frame of its own, 5,000 px outside it: drawn nowhere, until the server moves it out onto the page where it stands', async () => {
    await page.evaluate((id) => {
      const editor = window.__conjecture!.editor as unknown as MaskEditor;
      editor.store.listen(() => {
        const shape = editor.store.get(id) as { parentId?: string } | undefined;
        if (shape?.parentId === 'shape:veil' && editor.getShapeMaskedPageBounds(id) === undefined)
          window.__boxMaskedAway = true;
      });
    }, box);
    const veil = {
      ...shapeRecord('frame', { w: 300, h: 200, name: '', color: 'black' }, 'shape:veil'),
      x: 0,
      y: 0,
    };
    const outside = { ...(await record()), parentId: 'shape:veil', x: 5_000, y: 0 };
    await fillBoard(server.url, boardId, [veil, outside], mallory);
    // The script's change reached Ada first (her box drawn nowhere in the veil): before it, her box was on the
    // page already, and a poll for the page alone could pass on that, then read the box still in the veil.
    await page.waitForFunction(() => window.__boxMaskedAway === true, undefined, { timeout: 30_000 });
    await expect.poll(async () => (await record()).parentId, { timeout: 30_000 }).toBe('page:page');
    expect(await record()).toMatchObject({ x: 5_000, y: 0 });
    expect(await drawn()).toBe(true);
  });

  await test.step('…then puts it back in the frame, inside it, and deletes the frame alone: the box stays, on the page where it was drawn', async () => {
    await fillBoard(
      server.url,
      boardId,
      [{ ...(await record()), parentId: 'shape:veil', x: 20, y: 30 }],
      mallory,
    );
    await expect.poll(async () => (await record()).parentId).toBe('shape:veil');
    await deleteFromBoard(server.url, boardId, ['shape:veil'], mallory);
    await expect.poll(async () => (await record()).parentId).toBe('page:page');
    expect(await record()).toMatchObject({ x: 20, y: 30 });
    expect(await drawn()).toBe(true);
    await fillBoard(server.url, boardId, [second!], mallory);
    await expect.poll(() => studentA.shapeIds()).toContain(second!.id);
    await expect(page.locator('.tl-error-boundary')).toHaveCount(0);
  });
});
