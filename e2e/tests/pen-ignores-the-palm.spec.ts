import type { CDPSession, Locator, Page } from '@playwright/test';
import { Actor } from '../fixtures/actor.js';
import { expect, test } from '../fixtures/test.js';

interface Point {
  x: number;
  y: number;
}

/** A stroke as Chromium's input pipeline delivers it: real pointer events of type `pen` (CDP). */
async function penStroke(cdp: CDPSession, from: Point) {
  const at = (i: number) => ({ x: from.x + i * 15, y: from.y + Math.sin(i) * 20 });
  const event = { button: 'left' as const, pointerType: 'pen' as const, clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...from, buttons: 1, ...event });
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at(i), buttons: 1, ...event });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at(8), buttons: 0, ...event });
}

/** A finger (or a palm) dragged across the screen: real pointer events of type `touch` (CDP). */
async function touchStroke(cdp: CDPSession, from: Point) {
  const at = (i: number) => ({ x: from.x + i * 15, y: from.y + Math.cos(i) * 20 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The stylus taps an element (the switch is a button outside the canvas: pen, finger or keyboard work). */
async function penTap(cdp: CDPSession, target: Locator) {
  const box = (await target.boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const event = { button: 'left' as const, pointerType: 'pen' as const, clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...point, buttons: 1, ...event });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...point, buttons: 0, ...event });
}

const drawings = (page: Page) =>
  page.evaluate(
    () => window.__conjecture!.editor.getCurrentPageShapes().filter((s) => s.type === 'draw').length,
  );
const isPenMode = (page: Page) =>
  page.evaluate(() => window.__conjecture!.editor.getInstanceState().isPenMode);

/**
 * On a touch tablet with a stylus: the first pen stroke turns pen mode on by itself (tldraw's, for a pen on
 * a touch screen), after which a palm or finger dragged on the canvas draws nothing while the pen still
 * does; the board's “Pen only” switch shows the mode and turns it off (a finger draws again) and on.
 */
test('the pen draws, a palm on the screen does not: pen mode turns on with the pen and is switched off and on in the UI', async ({
  browser,
  server,
}) => {
  const student = await Actor.create(browser, 'tablet', server.url, {
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  try {
    const { page } = student;
    await student.createBoard();
    const cdp = await page.context().newCDPSession(page);
    const seen: string[] = [];
    await page.exposeFunction('recordPointer', (type: string) => void seen.push(type));
    await page.evaluate(() =>
      document
        .querySelector('.board .tl-canvas')!
        .addEventListener('pointerdown', (e) =>
          (window as unknown as { recordPointer(t: string): void }).recordPointer(
            (e as PointerEvent).pointerType,
          ),
        ),
    );
    await page.evaluate(() => window.__conjecture!.editor.setCurrentTool('draw'));
    const penSwitch = page.getByTestId('pen-mode-switch').getByRole('switch');
    await expect(penSwitch, 'offered on a touch screen').toHaveAttribute('aria-checked', 'false');

    await test.step('a pen stroke draws and turns pen mode on', async () => {
      await penStroke(cdp, { x: 300, y: 300 });
      await expect.poll(() => drawings(page)).toBe(1);
      expect(await isPenMode(page)).toBe(true);
      await expect(penSwitch).toHaveAttribute('aria-checked', 'true');
    });

    await test.step('a touch stroke in pen mode draws nothing; the pen still draws', async () => {
      await touchStroke(cdp, { x: 300, y: 450 });
      await penStroke(cdp, { x: 500, y: 300 }); // a stroke after it: the touch had its chance to land first
      await expect.poll(() => drawings(page)).toBe(2);
      expect(seen, 'the canvas got touch pointer events').toContain('touch');
    });

    await test.step('switched off (a pen tap on the switch), touch draws again; switched on, it does not', async () => {
      await penTap(cdp, penSwitch);
      await expect(penSwitch).toHaveAttribute('aria-checked', 'false');
      expect(await isPenMode(page)).toBe(false);
      await touchStroke(cdp, { x: 300, y: 550 });
      await expect.poll(() => drawings(page)).toBe(3);

      await penTap(cdp, penSwitch);
      await expect(penSwitch).toHaveAttribute('aria-checked', 'true');
      await touchStroke(cdp, { x: 500, y: 550 });
      await penStroke(cdp, { x: 500, y: 450 });
      await expect.poll(() => drawings(page)).toBe(4);
    });
    expect(seen).toEqual(expect.arrayContaining(['pen', 'touch']));
  } finally {
    await student.close();
  }
});
