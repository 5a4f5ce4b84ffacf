import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { readmeShot } from '../fixtures/readmeShot.js';

const NOTE = 'shape:spotlitNote';
const NOTE_TEXT = '3 pens for $2 is 67¢ a pen';

test('the projector presents: a join-code screen without the teacher link, a spotlighted note at 24 px or more, a re-fit on resize, a spotlight that glides unless reduced motion is asked, and a long or wide board held readable', async ({
  teacher,
  studentA,
  studentB,
  projector,
}) => {
  test.slow(); // four actors and live boards on a shared machine
  await projector.page.setViewportSize({ width: 1280, height: 720 });
  const dashboard = teacher.page;
  const { joinCode, projectorLink, classId } = await createClassAndOpenDashboard(teacher, 'Better deals');

  await test.step('with nothing projected, the screen shows the code and the join address — never the teacher link', async () => {
    const [path, hash] = projectorLink.split('#');
    await projector.page.goto(`${path}?debug#${hash}`);
    const screen = projector.page.getByTestId('join-screen');
    await expect(screen.getByTestId('join-code')).toHaveText(joinCode);
    const host = new URL(projector.page.url()).host;
    await expect(screen.getByTestId('join-address')).toHaveText(`${host}/join`);
    const codeSize = await screen
      .getByTestId('join-code')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(codeSize).toBeGreaterThanOrEqual(72);
    const html = await projector.page.content();
    expect(html).not.toContain(`/teach/${classId}`);
    expect(html).not.toContain('key=');
    await projector.page.screenshot({ path: test.info().outputPath('join-code.png') });
    await readmeShot(projector.page, 'join-code');
  });

  await test.step('a student writes a note on the group board', async () => {
    await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
    await studentA.page.evaluate(
      ({ id, text }) => {
        window.__conjecture!.editor.createShape({
          id,
          type: 'note',
          x: 1400,
          y: 900,
          props: {
            richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
          },
        });
      },
      { id: NOTE, text: NOTE_TEXT },
    );
    await expect.poll(() => studentB.shapeIds()).toContain(NOTE);
  });

  const boardId =
    await test.step('the teacher opens the board, selects the note and spotlights it', async () => {
      await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
      await teacher.waitForEditor();
      await expect.poll(() => teacher.shapeIds()).toContain(NOTE);
      await dashboard.evaluate((id) => {
        window.__conjecture!.editor.select(id);
      }, NOTE);
      await dashboard.getByRole('button', { name: 'Spotlight on the projector' }).click();
      await expect(dashboard.getByRole('button', { name: 'End the spotlight' })).toBeVisible();
      return dashboard.evaluate(() => window.__conjecture!.session.boardId);
    });

  // The projector draws each board as SVG: the note's words are HTML laid out inside it, scaled by the SVG.
  const noteText = projector.page.locator(`.projected-board [data-shape-id="${NOTE}"] foreignObject > div`);
  /** The note's text size on the projector's screen: CSS font size (page units) × the drawing's scale. */
  const renderedFontPx = () =>
    projector.page.evaluate((id) => {
      const el = document.querySelector(`.projected-board [data-shape-id="${id}"] foreignObject > div`);
      const scale = el?.closest('svg')?.getScreenCTM()?.a ?? 0;
      return el ? parseFloat(getComputedStyle(el).fontSize) * scale : 0;
    }, NOTE);

  await test.step('the projector shows just the note, its text at 24 px or more at 1280×720', async () => {
    await expect(projector.page.getByTestId('projector')).toHaveAttribute('data-spotlight', 'true');
    await expect(noteText).toContainText(NOTE_TEXT);
    await expect.poll(renderedFontPx).toBeGreaterThanOrEqual(24);
    const fontPx = await renderedFontPx();
    // the bounding box agrees: the first line of text is at least 24 px tall on screen
    const box = await noteText.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24);
    test
      .info()
      .annotations.push({ type: 'spotlight font at 1280×720', description: `${fontPx.toFixed(1)} px` });
    console.log(
      `spotlighted note text at 1280×720: ${fontPx.toFixed(1)} px (text box ${box!.height.toFixed(0)} px high)`,
    );
    await projector.page.screenshot({ path: test.info().outputPath('projector-spotlight.png') });
    await readmeShot(projector.page, 'projector-spotlight');
  });

  await test.step('resizing the window re-fits the spotlight, with no reload', async () => {
    await projector.page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const before = await renderedFontPx();
    await projector.page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(renderedFontPx).toBeGreaterThan(before * 1.3);
    // the whole note is on screen, inside its board's view
    await expect
      .poll(() =>
        projector.page.evaluate(
          ({ id, board }) => {
            const view = document.querySelector(`.projected-board[data-board-id="${board}"]`);
            const note = view?.querySelector(`[data-shape-id="${id}"] > rect:last-of-type`);
            if (!view || !note) return false;
            const v = view.getBoundingClientRect();
            const n = note.getBoundingClientRect();
            return n.left >= v.left && n.top >= v.top && n.right <= v.right && n.bottom <= v.bottom;
          },
          { id: NOTE, board: boardId },
        ),
      )
      .toBe(true);
    expect(
      await projector.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
    ).toBe(true);
    console.log(`after resizing to 1920×1080: ${(await renderedFontPx()).toFixed(1)} px`);
  });

  await test.step('ending the spotlight goes back to the join screen (nothing else projected)', async () => {
    await dashboard.getByRole('button', { name: 'End the spotlight' }).click();
    await expect(projector.page.getByTestId('join-screen')).toBeVisible();
  });

  await test.step('with the board projected, a spotlight glides to the note — and jumps when reduced motion is asked', async () => {
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').check();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Group 1');
    // the group's name is read from the back row too
    const captionPx = await projector.page
      .getByTestId('projector-caption')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(captionPx).toBeGreaterThanOrEqual(20);
    await expect(projector.page.locator('.projected-board__drawing > svg')).toBeVisible();
    // the class sees only what the teacher chose: no controls (downloads are on the dashboard's card)
    await expect(projector.page.getByRole('button')).toHaveCount(0);
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    await teacher.waitForEditor();
    await dashboard.evaluate((id) => {
      window.__conjecture!.editor.select(id);
    }, NOTE);

    /** The distinct frames the projector's drawing showed while `act` ran, once it has settled. */
    const framesDuring = async (act: () => Promise<void>, spotlit: boolean) => {
      await projector.page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __frames: string[] }).__frames = seen;
        const sample = () => {
          const box = document.querySelector('.projected-board__drawing > svg')?.getAttribute('viewBox');
          if (box && seen[seen.length - 1] !== box) seen.push(box);
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await act();
      const view = projector.page.locator('.projected-board');
      if (spotlit) await expect(view).toHaveAttribute('data-spotlight', 'true');
      else await expect(view).not.toHaveAttribute('data-spotlight', 'true');
      // settled: the same frame for half a second of sampling
      let last = -1;
      await expect
        .poll(
          async () => {
            const count = await projector.page.evaluate(
              () => (window as unknown as { __frames: string[] }).__frames.length,
            );
            const settled = count === last;
            last = count;
            return settled;
          },
          { intervals: [500] },
        )
        .toBe(true);
      return projector.page.evaluate(() => (window as unknown as { __frames: string[] }).__frames.length);
    };

    const glided = await framesDuring(
      () => dashboard.getByRole('button', { name: 'Spotlight on the projector' }).click(),
      true,
    );
    // Gliding draws at least one frame between where it was and where it goes (more on an idle machine: 15);
    // jumping draws those two alone. Counting more in-between frames would time the machine, not the view.
    expect(glided).toBeGreaterThan(2);
    await projector.page.emulateMedia({ reducedMotion: 'reduce' });
    const jumped = await framesDuring(
      () => dashboard.getByRole('button', { name: 'End the spotlight' }).click(),
      false,
    );
    expect(jumped).toBeLessThanOrEqual(2);
    console.log(`spotlight frames: ${glided} gliding, ${jumped} with reduced motion`);
  });

  await test.step('a long column of work is shown from its top at a readable size, with "More below"', async () => {
    await studentA.page.evaluate(() => {
      window.__conjecture!.editor.createShapes(
        Array.from({ length: 12 }, (_, i) => ({
          id: `shape:line${i}` as never,
          type: 'text',
          x: 100,
          y: 1200 + i * 250,
          props: {
            size: 's',
            richText: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: `${i + 1} × 3 pens` }] }],
            },
          },
        })),
      );
    });
    await expect(projector.page.getByTestId('projector-more-below')).toBeVisible();
    // the smallest type a student can choose, on screen: its CSS size (page units) × the drawing's scale
    const linePx = () =>
      projector.page.evaluate(() => {
        const el = [...document.querySelectorAll('.projected-board [data-shape-id="shape:line0"] *')].find(
          (e) => e.children.length === 0 && e.textContent === '1 × 3 pens',
        );
        const scale = el?.closest('svg')?.getScreenCTM()?.a ?? 0;
        return el ? parseFloat(getComputedStyle(el).fontSize) * scale : 0;
      });
    await expect.poll(linePx).toBeGreaterThanOrEqual(14);
    // the editor-backed view (`?views=editor`) cuts the board the same way: it says so too
    const [path, hash] = projectorLink.split('#');
    const editorView = await projector.context.newPage();
    await editorView.setViewportSize({ width: 1280, height: 720 });
    await editorView.goto(`${path}?debug&views=editor#${hash}`);
    await expect(editorView.locator('.tl-container')).toBeVisible();
    await expect(editorView.getByTestId('projector-more-below')).toBeVisible();
    await editorView.close();
  });

  await test.step('a wide row of work is shown from its top-left corner at a readable size, with "More to the right"', async () => {
    // a number line's worth of steps side by side, 2,900 page units wide: once shrunk whole to fit
    await studentA.page.evaluate(() => {
      window.__conjecture!.editor.createShapes(
        Array.from({ length: 12 }, (_, i) => ({
          id: `shape:step${i}` as never,
          type: 'text',
          x: 100 + i * 250,
          y: 900,
          props: {
            size: 's',
            richText: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: `step ${i + 1}` }] }],
            },
          },
        })),
      );
    });
    const stepPx = () =>
      projector.page.evaluate(() => {
        const el = [...document.querySelectorAll('.projected-board [data-shape-id="shape:step0"] *')].find(
          (e) => e.children.length === 0 && e.textContent === 'step 1',
        );
        const scale = el?.closest('svg')?.getScreenCTM()?.a ?? 0;
        return el ? parseFloat(getComputedStyle(el).fontSize) * scale : 0;
      });
    await expect.poll(stepPx).toBeGreaterThanOrEqual(14);
    // held from its left, where the task card is: the card on screen, the last step beyond the right edge
    const drawing = projector.page.locator('.projected-board__drawing > svg');
    const card = await drawing.locator('[data-shape-id="shape:task-card"]').boundingBox();
    expect(card!.x).toBeGreaterThanOrEqual(0);
    const lastStep = await drawing.locator('[data-shape-id="shape:step11"]').boundingBox();
    expect(lastStep!.x).toBeGreaterThan(projector.page.viewportSize()!.width);
    await expect(projector.page.getByTestId('projector-more-right')).toBeVisible();
    await expect(projector.page.getByTestId('projector-more-right')).toContainText('More to the right');
  });

  await test.step('taken off, shortened and projected again, the board says nothing of "More below" or "More to the right"', async () => {
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').uncheck();
    await expect(projector.page.getByTestId('join-screen')).toBeVisible();
    // all the work gone but the task card: a short board
    const work = [NOTE, ...Array.from({ length: 12 }, (_, i) => [`shape:line${i}`, `shape:step${i}`]).flat()];
    await studentA.page.evaluate((ids) => window.__conjecture!.editor.deleteShapes(ids as never[]), work);
    await expect.poll(async () => (await studentB.shapeIds()).filter((id) => work.includes(id))).toEqual([]);
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').check();
    const drawing = projector.page.locator('.projected-board__drawing > svg');
    await expect(drawing.locator('[data-shape-id="shape:task-card"]')).toBeVisible();
    await expect(drawing.locator(`[data-shape-id="${NOTE}"]`)).toHaveCount(0);
    // the cue once outlived its board: a board long when last shown kept it, whatever it showed now
    await expect(projector.page.getByTestId('projector-more-below')).toHaveCount(0);
    await expect(projector.page.getByTestId('projector-more-right')).toHaveCount(0);
  });
});
