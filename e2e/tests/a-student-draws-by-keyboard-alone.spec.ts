import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { arrowTo, isUncovered, tabTo } from '../fixtures/keyboard.js';
import type { Actor } from '../fixtures/actor.js';

interface ShapeSeen {
  id: string;
  type: string;
  w: number;
  h: number;
  props: Record<string, unknown>;
}

/** The shapes on the actor's board with their page size, and the arrows' bindings as "from→to". */
function board(actor: Actor) {
  return actor.page.evaluate(() => {
    const editor = window.__conjecture!.editor;
    const shapes = editor.getCurrentPageShapes().map((s) => {
      const bounds = editor.getShapePageBounds(s.id)!;
      return {
        id: s.id,
        type: s.type,
        w: bounds.w,
        h: bounds.h,
        props: (s as unknown as { props: Record<string, unknown> }).props,
      };
    });
    const bindings = shapes
      .filter((s) => s.type === 'arrow')
      .flatMap((a) => editor.getBindingsFromShape(a.id, 'arrow'))
      .map((b) => `${(b.props as { terminal: string }).terminal}:${b.toId}`);
    return { shapes: shapes as ShapeSeen[], bindings };
  });
}

const ofType = (shapes: ShapeSeen[], type: string) => shapes.filter((s) => s.type === type);

/**
 * tldraw's drawing tools have no keyboard path of their own (a stroke needs a drag). Ada, with the keyboard
 * only: draws a stroke with the pen (Enter puts it down, the arrow keys draw, Enter lifts it), places a
 * rectangle (R, Enter), resizes it (Alt+Shift+arrows), joins the two with an arrow (select both, A, Enter),
 * and takes back a stroke with Escape. Bruno's board shows each, and a screen reader hears each step.
 */
test('a student draws, places, resizes and joins shapes with an arrow, by keyboard alone', async ({
  teacher,
  studentA,
  studentB,
}) => {
  test.slow(); // three actors
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Shapes and paths');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  const ada = studentA.page;
  const announcer = ada.getByTestId('live-announcer');

  await test.step('the first Tab stop, tldraw’s "Move focus to canvas", shows above our overlays, also at 200 %', async () => {
    const skipLink = ada.getByRole('button', { name: 'Move focus to canvas' });
    await ada.setViewportSize({ width: 1366, height: 768 }); // a school Chromebook
    await tabTo(ada, skipLink);
    expect(await isUncovered(skipLink), 'uncovered at 1366×768').toBe(true);
    await ada.setViewportSize({ width: 683, height: 384 }); // the same screen at 200 % zoom
    expect(await isUncovered(skipLink), 'uncovered at 200 %').toBe(true);
    await ada.screenshot({ path: test.info().outputPath('skip-link-at-200-percent.png') });
    await ada.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('Ctrl+/ leaves the board light; Ctrl+Alt+/ lists the keys, the math tools’ and drawing’s too', async () => {
    await tabTo(ada, ada.getByTestId('tools.select'));
    await ada.keyboard.press('ControlOrMeta+/'); // tldraw's dark mode, which our light panels do not suit
    await ada.keyboard.press('ControlOrMeta+Alt+/');
    const dialog = ada.getByRole('dialog');
    await expect(dialog.getByText('On the board, by keyboard')).toBeVisible();
    await expect(dialog.getByText('Pen, line or arrow: put the pen down, lift it')).toBeVisible();
    await expect(dialog.getByText('Number line')).toBeVisible();
    await ada.screenshot({ path: test.info().outputPath('shortcuts-dialog.png') });
    await ada.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await ada.locator('.tl-container').evaluate((e) => e.classList.contains('tl-theme__light'))).toBe(
      true,
    );
  });

  await test.step('the toolbar’s Draw, Enter: the pen goes down; the arrow keys draw, Enter lifts it', async () => {
    await tabTo(ada, ada.getByTestId('tools.select'));
    await arrowTo(ada, ada.getByTestId('tools.draw'));
    await ada.keyboard.press('Enter'); // picks the tool and hands the keys to the canvas
    await ada.keyboard.press('Enter');
    await expect(announcer).toContainText('Drawing: pen down');
    for (let i = 0; i < 4; i++) await ada.keyboard.press('ArrowRight');
    await ada.keyboard.press('Shift+ArrowDown'); // a long step
    await ada.keyboard.press('Enter');
    await expect(announcer).toContainText('Drawing finished.');
    // 4 short steps right (8 px each) and one long one down (40 px), at the board's zoom
    await expect
      .poll(async () => ofType((await board(studentB)).shapes, 'draw').map((s) => s.w > 20 && s.h > 25))
      .toEqual([true]);
  });

  await test.step('R picks the rectangle, Enter places it near the middle of the view, clear of the drawing', async () => {
    await ada.keyboard.press('r');
    await ada.keyboard.press('Enter');
    await expect(announcer).toContainText('Rectangle placed near the middle of the view');
    await expect
      .poll(async () => ofType((await board(studentB)).shapes, 'geo').map((s) => s.props.geo))
      .toEqual(['rectangle']);
  });

  await test.step('Alt+Shift+arrow keys resize the selected rectangle, on Bruno’s board too', async () => {
    const [before] = ofType((await board(studentA)).shapes, 'geo');
    await ada.keyboard.press('Alt+Shift+ArrowRight');
    await ada.keyboard.press('Alt+Shift+ArrowRight');
    await ada.keyboard.press('Alt+Shift+ArrowUp'); // shorter
    await expect(announcer).toContainText(/^Width \d+, height \d+\.$/);
    await expect
      .poll(async () => {
        const [after] = ofType((await board(studentB)).shapes, 'geo');
        return after ? [after.w > before!.w, after.h < before!.h] : null;
      })
      .toEqual([true, true]);
  });

  await test.step('Alt+T, tldraw’s hidden white, does not paint the selected rectangle out of sight', async () => {
    const [rectangle] = ofType((await board(studentA)).shapes, 'geo');
    await ada.keyboard.press('Alt+t');
    const [after] = ofType((await board(studentA)).shapes, 'geo');
    expect({ id: after!.id, color: after!.props.color }).toEqual({
      id: rectangle!.id,
      color: rectangle!.props.color,
    });
  });

  await test.step('both shapes selected, A then Enter: an arrow bound from the drawing to the rectangle', async () => {
    await ada.keyboard.press('ControlOrMeta+a');
    await ada.keyboard.press('a');
    await ada.keyboard.press('Enter');
    await expect(announcer).toContainText('Arrow drawn from a drawing to a rectangle.');
    const { shapes } = await board(studentA);
    const [drawing] = ofType(shapes, 'draw');
    const [rectangle] = ofType(shapes, 'geo');
    await expect
      .poll(async () => (await board(studentB)).bindings.sort())
      .toEqual([`end:${rectangle!.id}`, `start:${drawing!.id}`]);
  });

  await test.step('Escape takes a stroke back: nothing new on either board', async () => {
    await ada.keyboard.press('Escape'); // nothing selected
    await ada.keyboard.press('d');
    await ada.keyboard.press('Enter');
    await ada.keyboard.press('ArrowUp');
    await ada.keyboard.press('ArrowUp');
    await ada.keyboard.press('ArrowLeft');
    await ada.keyboard.press('Escape');
    await expect(announcer).toContainText('Drawing taken back.');
    expect(ofType((await board(studentA)).shapes, 'draw')).toHaveLength(1);
    // a round trip on Ada's own board after the stroke: Bruno then has all she sent, one drawing still
    await ada.keyboard.press('l');
    await ada.keyboard.press('Enter');
    await ada.keyboard.press('Shift+ArrowRight');
    await ada.keyboard.press('Enter');
    await expect.poll(async () => ofType((await board(studentB)).shapes, 'line').length).toBe(1);
    expect(ofType((await board(studentB)).shapes, 'draw')).toHaveLength(1);
  });
});
