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

  // what the server stores: the URL, and no data: URL anywhere in the board
  const stored = await readServerRecords(server.url, boardId);
  const assets = stored.filter((r) => r.typeName === 'asset');
  expect(assets.map((a) => (a.props as { src: string }).src)).toEqual(await assetSrcs());
  expect(JSON.stringify(stored)).not.toContain('data:');

  // the other student's browser loads the picture from our server
  const picture = studentB.page.locator('img[src*="/api/assets/"]');
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});
