import { expect, test } from '../fixtures/test.js';

/**
 * The board draws the pattern fill's tiles itself, one per idle moment after the board opens, instead of
 * tldraw drawing all of them in the canvas's first commit (a big board's longest task). What a student sees
 * must not change: one definition per tile id, every tile drawn, and a pattern-filled shape hatched.
 */
test('a pattern-filled rectangle is hatched once the board has drawn its tiles', async ({ studentA }) => {
  await studentA.createBoard();
  const rectangle = await studentA.drawRectangle(300, 260, 240, 180);
  const page = studentA.page;
  await page.evaluate((id) => {
    const editor = window.__conjecture!.editor;
    editor.updateShape({ id, type: 'geo', props: { fill: 'pattern', color: 'blue' } });
    editor.selectNone();
  }, rectangle);

  // Levels 0–8 (tldraw's zoom range, 5 %–800 %) in light and dark: each id once, so no second set from tldraw.
  const ids = await page.locator('pattern[id*="hash_pattern_"]').evaluateAll((all) => all.map((p) => p.id));
  expect(ids).toHaveLength(18);
  expect(new Set(ids).size).toBe(18);
  await expect(page.locator('pattern[id*="hash_pattern_"] > image[href^="blob:"]')).toHaveCount(18);

  // The shape points at the level-0 light tile (zoom 1, light mode) and shows its hatch: inside it, the fill's
  // tone and lighter strokes cut out of it.
  const fills = await page
    .locator(`[data-shape-id="${rectangle}"] path[fill^="url(#"]`)
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
  expect(fills).toEqual([expect.stringMatching(/hash_pattern_light_0\)$/)]);
  const box = await page.locator(`[data-shape-id="${rectangle}"]`).boundingBox();
  if (!box) throw new Error('the rectangle is not on screen');
  const inside = await page.screenshot({
    clip: { x: box.x + 30, y: box.y + 30, width: box.width - 60, height: box.height - 60 },
  });
  const { light, dark } = await page.evaluate(async (png) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let lightPixels = 0;
    let darkPixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      const lum = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      if (lum > 200) lightPixels++;
      else if (lum < 190) darkPixels++;
    }
    const all = data.length / 4;
    return { light: lightPixels / all, dark: darkPixels / all };
  }, inside.toString('base64'));
  // The placeholder is one light tone all over; the hatch's thin strokes show the fill's blue through it (about
  // a tenth of the area at 100 % zoom).
  expect(light).toBeGreaterThan(0.5);
  expect(dark).toBeGreaterThan(0.04);
});
