import { expect, test } from '../fixtures/test.js';
import { readServerRecords } from '../fixtures/observer.js';

test('an image dropped on the board is uploaded and referenced by URL, never inlined into the doc', async ({
  studentA,
  studentB,
  server,
}) => {
  const boardId = await studentA.createBoard();
  await studentB.openBoard(boardId);

  // a real drop event carrying a PNG file, as the OS delivers one dragged from the desktop
  const dataTransfer = await studentA.page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#1971c2';
    context.fillRect(0, 0, 64, 48);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'diagram.png', { type: 'image/png' }));
    return transfer;
  });
  await studentA.page.dispatchEvent('.tl-canvas', 'dragover', { dataTransfer, clientX: 400, clientY: 300 });
  await studentA.page.dispatchEvent('.tl-canvas', 'drop', { dataTransfer, clientX: 400, clientY: 300 });

  await expect.poll(async () => (await studentB.shapes()).map((s) => s.type)).toContain('image');
  const assetSrcs = () =>
    studentA.page.evaluate(() => window.__conjecture!.editor.getAssets().map((a) => String(a.props.src)));
  await expect.poll(assetSrcs).toEqual([expect.stringMatching(/^\/api\/assets\/[A-Za-z0-9_-]+$/)]);

  // What the server stores: the URL, and no data: URL anywhere in the board. The page set the URL after
  // the upload answered; the server has it once that change has arrived, so wait for it there too.
  const expected = await assetSrcs();
  const storedAssetSrcs = async () =>
    (await readServerRecords(server.url, boardId))
      .filter((r) => r.typeName === 'asset')
      .map((a) => (a.props as { src: string }).src);
  await expect.poll(storedAssetSrcs).toEqual(expected);
  expect(JSON.stringify(await readServerRecords(server.url, boardId))).not.toContain('data:');

  // the other student's browser loads the picture from our server
  const picture = studentB.page.locator('img[src*="/api/assets/"]');
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});
