import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { overlaps, type Box } from '../fixtures/boxes.js';
import { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

interface EditorExtras {
  getCurrentPageShapes(): Array<{ id: string; type: string }>;
  getEditingShapeId(): string | null;
  select(...ids: string[]): unknown;
  setCurrentTool(id: string): unknown;
}

/** Wholly inside the viewport and covered by none of the editor's panels. */
async function expectClear(page: Page, what: string, box: Box | null) {
  expect(box, what).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect({ what, left: box!.x >= 0, top: box!.y >= 0 }).toEqual({ what, left: true, top: true });
  expect({ what, right: box!.x + box!.width <= viewport.width }).toEqual({ what, right: true });
  expect({ what, bottom: box!.y + box!.height <= viewport.height }).toEqual({ what, bottom: true });
  for (const panel of ['.tlui-main-toolbar', '.tlui-style-panel', '.class-bar']) {
    for (const el of await page.locator(`.board ${panel}, ${panel}.class-bar`).all()) {
      const p = await el.boundingBox();
      if (p) expect({ what, panel, overlaps: overlaps(box!, p) }).toEqual({ what, panel, overlaps: false });
    }
  }
}

/** Long enough to run past the class bar's room beside the open draft. */
const CLASS_TITLE = 'Small screens: two fractions between 1/3 and 1/2, and how you know they are between';

/** How many lines of text a banner's content box holds. */
function textLines(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const content = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize); // 'normal' is about 1.2
    return Math.round(content / line);
  });
}

/** Picks a tool from the toolbar and taps/clicks the canvas there; returns the placed shape's id. */
async function place(page: Page, tool: string, x: number, y: number, touch: boolean): Promise<string> {
  const ids = () =>
    page.evaluate(
      (type) =>
        (window.__conjecture!.editor as unknown as EditorExtras)
          .getCurrentPageShapes()
          .filter((s) => s.type === type)
          .map((s) => s.id),
      tool,
    );
  const before = new Set(await ids());
  await page.getByTestId(`tools.${tool}`).click();
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await expect.poll(async () => (await ids()).filter((id) => !before.has(id))).toHaveLength(1);
  return (await ids()).find((id) => !before.has(id)) as string;
}

for (const device of [
  { name: 'a 1366×768 laptop', viewport: { width: 1366, height: 768 }, hasTouch: false },
  { name: 'a 1024×768 touch tablet', viewport: { width: 1024, height: 768 }, hasTouch: true },
]) {
  test(`on ${device.name} the Critique button and the number-line and plane forms are on screen and clear of the toolbar; chips stay off the shape; the bars and banners cover nothing`, async ({
    server,
    teacher,
  }) => {
    const student = await Actor.create(teacher.context.browser() as Browser, 'student', server.url, {
      viewport: device.viewport,
      hasTouch: device.hasTouch,
    });
    const page = student.page;
    const { joinCode } = await createClassAndOpenDashboard(teacher, CLASS_TITLE);
    await joinClass(student, joinCode, 'Ada');
    await teacher.page.getByRole('button', { name: 'New group' }).click();
    await expect(teacher.page.getByTestId('group-Group 1')).toBeVisible();
    await teacher.page.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await student.waitForEditor();
    const { width, height } = device.viewport;

    await test.step('the class bar’s buttons take their clicks (the task beside them never covers them)', async () => {
      for (const name of ['Raise my hand', 'My draft'])
        await page.getByRole('button', { name }).click({ trial: true, timeout: 5_000 });
      await expect(page.getByTestId('class-bar-task')).toBeVisible();
      // where the bar wraps, its buttons wrap together: at 1366 “Raise my hand” ended one row, “My draft” and
      // “My work” sat alone, centred, on the next
      const rows = new Set<number>();
      for (const name of ['Raise my hand', 'My draft', 'My work'])
        rows.add(Math.round((await page.getByRole('button', { name }).boundingBox())!.y));
      expect([...rows], 'the rows the class bar’s buttons sit on').toHaveLength(1);
    });

    await test.step('the whole task, opened from the class bar, covers neither the colours nor the tools, and Escape closes it', async () => {
      await page.getByTestId('class-bar-task').click();
      const whole = page.getByTestId('class-bar').getByRole('note');
      await expect(whole).toBeVisible();
      await expectClear(page, 'the whole task', await whole.boundingBox());
      await page.keyboard.press('Escape');
      await expect(whole).toHaveCount(0);
      await expect(page.getByTestId('class-bar-task')).toHaveAttribute('aria-expanded', 'false');
    });

    await test.step('with the draft open, the class bar keeps clear of it: “My work” takes its click', async () => {
      await page.getByRole('button', { name: 'My draft' }).click();
      const draft = page.getByTestId('draft-panel');
      await expect(draft).toBeVisible();
      const [bar, panel] = [
        (await page.getByTestId('class-bar').boundingBox())!,
        (await draft.boundingBox())!,
      ];
      expect(overlaps(bar, panel), `class bar ${JSON.stringify(bar)}, draft ${JSON.stringify(panel)}`).toBe(
        false,
      );
      for (const name of ['My work', 'Raise my hand'])
        await page.getByRole('button', { name }).click({ trial: true, timeout: 5_000 });
      // the group board's toolbar keeps left of the draft (centred on the page, the draft covered half of it)
      const toolbar = (await page.locator('.tlui-main-toolbar:not(.draft-panel *)').boundingBox())!;
      expect(
        overlaps(toolbar, panel),
        `toolbar ${JSON.stringify(toolbar)}, draft ${JSON.stringify(panel)}`,
      ).toBe(false);
      await page.screenshot({ path: test.info().outputPath(`${width}-draft.png`) });
      await draft.getByRole('button', { name: 'Close' }).click();
      await expect(draft).toHaveCount(0);
    });

    await test.step('a number line placed low on the screen: its form is all on screen', async () => {
      await place(page, 'number-line', width / 2 - 200, height - 190, device.hasTouch);
      const form = page.getByRole('form', { name: 'Number line settings' });
      await expect(form).toBeVisible();
      await expect(form).toBeInViewport({ ratio: 1 });
      await expectClear(page, 'number-line form', await form.boundingBox());
      // the shape's representation chip, drawn over the canvas, is not laid over its form's first row
      const formBox = (await form.boundingBox())!;
      for (const chip of await page.locator('.representation-chip').all()) {
        const box = await chip.boundingBox();
        if (box) expect(overlaps(box, formBox), 'a representation chip over the form').toBe(false);
      }
      await page.keyboard.press('Escape');
      await expect
        .poll(() =>
          page.evaluate(() => (window.__conjecture!.editor as unknown as EditorExtras).getEditingShapeId()),
        )
        .toBeNull();
    });

    const plane =
      await test.step('a coordinate plane placed at the bottom right: its form is all on screen', async () => {
        const id = await place(page, 'coordinate-plane', width - 260, height - 200, device.hasTouch);
        const form = page.getByRole('form', { name: /plane/i });
        await expect(form).toBeVisible();
        await expect(form).toBeInViewport({ ratio: 1 });
        await expectClear(page, 'plane form', await form.boundingBox());
        await page.keyboard.press('Escape');
        await expect
          .poll(() =>
            page.evaluate(() => (window.__conjecture!.editor as unknown as EditorExtras).getEditingShapeId()),
          )
          .toBeNull();
        return id;
      });

    await test.step('the Critique button of a shape at the screen’s edge is on screen, clear of the panels', async () => {
      await page.evaluate((id) => {
        const editor = window.__conjecture!.editor as unknown as EditorExtras;
        editor.setCurrentTool('select');
        editor.select(id);
      }, plane);
      const critique = page.getByTestId('critique-start');
      await expect(critique).toBeVisible();
      await expectClear(page, 'Critique button', await critique.boundingBox());
      if (device.hasTouch) await critique.tap();
      else await critique.click();
      await expect(page.getByTestId('critique-panel').getByRole('button', { name: 'Post' })).toBeInViewport();
    });

    await test.step('representation chips sit outside their shape', async () => {
      await page.keyboard.press('Escape');
      await page.getByLabel('Show representation types').check();
      const shape = page.locator(`.tl-shape[data-shape-id="${plane}"]`);
      const chip = page.locator('.representation-chip').first();
      await expect(chip).toBeVisible();
      expect(overlaps((await chip.boundingBox())!, (await shape.boundingBox())!)).toBe(false);
      // readable at the board's 100 %: the chip was set in 11 px
      expect(await chip.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(
        12,
      );
    });
    await test.step('paused with a question posed: the class bar, both banners and the view toggles cover none of each other', async () => {
      const dashboard = teacher.page;
      await dashboard
        .getByLabel('Question', { exact: true })
        .fill('Why did you put the plane there, and what would change if it were somewhere else?');
      await dashboard.getByLabel('Ask', { exact: true }).selectOption({ label: 'Group 1' });
      await dashboard.getByRole('button', { name: 'Pose the question' }).click();
      await dashboard.getByRole('button', { name: 'Pause the class' }).click();
      const overlays = {
        'class bar': page.getByTestId('class-bar'),
        'pause banner': page.getByTestId('pause-banner'),
        'question notice': page.getByTestId('question-notice'),
        'view toggles': page.getByTestId('insight-toggles'),
      };
      const boxes = [];
      for (const [what, locator] of Object.entries(overlays)) {
        await expect(locator, what).toBeInViewport({ ratio: 1 });
        boxes.push({ what, box: (await locator.boundingBox())! });
      }
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1))
          expect({ a: a.what, b: b.what, overlap: overlaps(a.box, b.box) }).toEqual({
            a: a.what,
            b: b.what,
            overlap: false,
          });
      await page.getByRole('button', { name: 'Show the question' }).click({ trial: true, timeout: 5_000 });
      await page.getByLabel('Colour by author').click({ trial: true, timeout: 5_000 });
    });
    await test.step('…and with the draft open too: the class title stays in its bar, no banner runs past two lines', async () => {
      await page.getByRole('button', { name: 'My draft' }).click();
      const draft = page.getByTestId('draft-panel');
      await expect(draft).toBeVisible();
      const overlays = {
        'class bar': page.getByTestId('class-bar'),
        'class title': page.getByTestId('class-bar').getByText(CLASS_TITLE, { exact: true }),
        'pause banner': page.getByTestId('pause-banner'),
        'question notice': page.getByTestId('question-notice'),
        'view toggles': page.getByTestId('insight-toggles'),
        draft,
      };
      const boxes = [];
      for (const [what, locator] of Object.entries(overlays)) {
        await expect(locator, what).toBeInViewport({ ratio: 1 });
        boxes.push({ what, box: (await locator.boundingBox())! });
      }
      const inside = (a: Box, b: Box) =>
        a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
      expect(inside(boxes[1]!.box, boxes[0]!.box), 'the class title inside the class bar').toBe(true);
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          if (a.what === 'class bar' && b.what === 'class title') continue;
          expect({ a: a.what, b: b.what, overlap: overlaps(a.box, b.box) }).toEqual({
            a: a.what,
            b: b.what,
            overlap: false,
          });
        }
      for (const what of ['pause banner', 'question notice'] as const)
        expect(await textLines(overlays[what]), `${what}'s lines of text`).toBeLessThanOrEqual(2);
      await page.getByRole('button', { name: 'Show the question' }).click({ trial: true, timeout: 5_000 });
      await page.getByRole('button', { name: 'My work' }).click({ trial: true, timeout: 5_000 });
      await page.screenshot({ path: test.info().outputPath(`${device.viewport.width}-draft-paused.png`) });
      await draft.getByRole('button', { name: 'Close' }).click();
      await expect(draft).toHaveCount(0);
    });
    await page.screenshot({ path: test.info().outputPath(`${device.viewport.width}.png`) });
    await student.close();
  });
}
