import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { isOutsideRequest } from '../fixtures/actor.js';

interface EditorExtras {
  getCurrentPageShapes(): Array<{ id: string; type: string; props: Record<string, unknown> }>;
  getEditingShapeId(): string | null;
}
const extras = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__conjecture!.editor as unknown as EditorExtras;
    const equation = editor.getCurrentPageShapes().find((s) => s.type === 'equation');
    return { editing: editor.getEditingShapeId(), latex: equation?.props.latex as string | undefined };
  });

test('a student types 2/3 in the visual equation editor and sees a fraction, stored as LaTeX; MathLive asks no outside host', async ({
  studentA,
}) => {
  const { page } = studentA;
  await studentA.context.route(
    (url) => isOutsideRequest(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  await studentA.createBoard();

  await page.getByTestId('tools.equation').click();
  await page.mouse.click(400, 260);
  await expect.poll(async () => (await extras(page)).editing).not.toBeNull();
  const visual = page.getByTestId('equation-visual');
  await expect(visual).toBeVisible();
  await expect(visual).toBeFocused();

  // The placeholder is selected: the first key replaces it. "/" makes a fraction as it is typed.
  await page.keyboard.type('2/3');
  await expect.poll(async () => (await extras(page)).latex).toBe('\\frac{2}{3}');
  // MathLive draws the fraction in its own (shadow) DOM: a numerator over a denominator.
  await expect(visual.locator('.ML__frac, .ML__mfrac').first()).toBeVisible();
  // …and the LaTeX source box shows the stored form.
  await expect(page.getByTestId('equation-source')).toHaveValue('\\frac{2}{3}');

  await page.keyboard.press('Enter');
  await expect.poll(async () => (await extras(page)).editing).toBeNull();
  await expect(page.locator('.tl-shape .katex .mfrac')).toBeVisible();

  // Number-line fields take a fraction or a mixed number as typed, and say what to type when they cannot.
  await page.getByTestId('tools.number-line').click();
  await page.mouse.click(300, 420);
  const form = page.getByRole('form', { name: 'Number line settings' });
  await expect(form).toBeVisible();
  const at = form.getByRole('textbox', { name: 'at' }).first();
  await at.fill('3/4');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = window.__conjecture!.editor as unknown as EditorExtras;
        const line = editor.getCurrentPageShapes().find((s) => s.type === 'number-line');
        return (line?.props.points as Array<{ value: number }> | undefined)?.[0]?.value;
      }),
    )
    .toBe(0.75);
  await at.fill('3/');
  await expect(at).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('type a number like 0.75, 2/3, -1 1/2 or 3/4+1');
  await at.fill('1 1/2');
  await expect(at).toHaveAttribute('aria-invalid', 'false');
  await page.keyboard.press('Escape');

  // MathLive's fonts and sounds are in our own build (it uses the KaTeX fonts already on the page when it
  // finds them), and nothing left the machine.
  const served = await page.evaluate(async () =>
    Promise.all(
      ['/mathlive/fonts/KaTeX_Main-Regular.woff2', '/mathlive/sounds/keypress-standard.wav'].map(
        async (path) => (await fetch(path)).status,
      ),
    ),
  );
  expect(served).toEqual([200, 200]);
  expect(studentA.outsideRequests).toEqual([]);
});

test('a key typed just before Enter is kept: MathLive announces each change on a timer, and Enter can come first', async ({
  studentA,
}) => {
  const { page } = studentA;
  await studentA.createBoard();
  await page.getByTestId('tools.equation').click();
  await page.mouse.click(400, 260);
  await expect(page.getByTestId('equation-visual')).toBeFocused();
  await page.keyboard.type('2/3');
  await expect.poll(async () => (await extras(page)).latex).toBe('\\frac{2}{3}');
  await page.keyboard.press('ArrowRight');

  // A busy Chromebook: MathLive's zero-delay timer for the last key has not run when Enter arrives. Hold
  // zero-delay timers so that order is certain, then let them run once the edit is over.
  await page.evaluate(() => {
    const held: Array<() => void> = [];
    const realSetTimeout = window.setTimeout;
    const w = window as unknown as { releaseHeldTimers(): void };
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      if (delay || typeof handler !== 'function') return realSetTimeout(handler, delay, ...args);
      held.push(() => (handler as (...a: unknown[]) => void)(...args));
      return 0;
    }) as typeof window.setTimeout;
    w.releaseHeldTimers = () => {
      window.setTimeout = realSetTimeout;
      for (const run of held.splice(0)) run();
    };
  });
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await extras(page)).editing).toBeNull();
  await page.evaluate(() => (window as unknown as { releaseHeldTimers(): void }).releaseHeldTimers());
  await expect.poll(async () => (await extras(page)).latex).toBe('\\frac{2}{3}x');
});

test('typing in the LaTeX box while the visual editor still loads keeps the focus and every character there', async ({
  studentA,
}) => {
  const { page } = studentA;
  // Hold MathLive's chunk until the student has typed: a cold cache on a slow network, made certain.
  let requested!: () => void;
  const mathLiveRequested = new Promise<void>((resolve) => (requested = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/mathlive[^/]*\.js$/, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  await studentA.createBoard();

  await page.getByTestId('tools.equation').click();
  await page.mouse.click(400, 260);
  await expect.poll(async () => (await extras(page)).editing).not.toBeNull();
  await mathLiveRequested;
  const source = page.getByTestId('equation-source');
  await source.fill('x^2 + \\frac{3}{4} = y');
  release();

  const visual = page.getByTestId('equation-visual');
  await expect(visual).toBeVisible();
  // The visual editor arrived with the equation as typed, and left the focus where the student was.
  await expect(source).toBeFocused();
  await expect(visual.locator('.ML__frac, .ML__mfrac').first()).toBeVisible();
  await source.press('End');
  await page.keyboard.type(' + 1');
  await expect.poll(async () => (await extras(page)).latex).toBe('x^2 + \\frac{3}{4} = y + 1');
  await source.press('Enter');
  await expect.poll(async () => (await extras(page)).editing).toBeNull();
  await expect(page.locator('.tl-shape .katex .mfrac')).toBeVisible();
});
