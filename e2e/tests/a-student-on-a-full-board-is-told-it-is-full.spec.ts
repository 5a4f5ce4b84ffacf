import { test, expect } from '../fixtures/test.js';
import { Actor } from '../fixtures/actor.js';
import {
  createClassAndOpenDashboard,
  roundTripOverBoardSocket,
  twoStudentsInOneGroup,
} from '../fixtures/classroom.js';
import { startServer } from '../fixtures/server.js';
import { isUncovered } from '../fixtures/keyboard.js';

/** The smallest cap the server takes: a few long texts fill the board. */
const MAX_BOARD_BYTES = '65536';

test('a student who fills her group’s board is told it is full, not “Reconnecting…” for ever', async ({
  browser,
}) => {
  const server = await startServer({ MAX_BOARD_BYTES });
  const teacher = await Actor.create(browser, 'teacher', server.url);
  const ada = await Actor.create(browser, 'ada', server.url);
  const bruno = await Actor.create(browser, 'bruno', server.url);
  try {
    const { joinCode } = await createClassAndOpenDashboard(teacher, 'Full board');
    await twoStudentsInOneGroup(teacher, joinCode, ada, bruno);

    const notice = ada.page.getByRole('alert').filter({ hasText: 'This board is full' });
    // Where she was looking, away from tldraw's opening view (x 0, y 0, zoom 1).
    const herView = { x: -40, y: -60, z: 0.75 };
    await test.step('she writes long notes until one does not fit', async () => {
      await ada.page.evaluate((camera) => window.__conjecture!.editor.setCamera(camera), herView);
      for (let i = 0; i < 40; i++) {
        const written = await ada.page.evaluate((n) => {
          // Gone once the board closed: the editor is taken away
          if (!window.__conjecture) return false;
          const text = `note ${n} `.repeat(300);
          const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
          window.__conjecture!.editor.createShapes([
            { id: `shape:note${n}`, type: 'text', x: 100, y: 100 + n * 30, props: { richText: doc } },
          ] as never);
          return true;
        }, i);
        if (!written) break;
        // Each note is on the server (or refused) before the next: the close, once it comes, is for this one.
        await roundTripOverBoardSocket(ada).catch(() => {});
      }
    });

    await test.step('the notice says so, in front of the board’s picture', async () => {
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('ask your teacher or a classmate');
      // What is drawn at the notice's middle is the notice (the picture of the board comes back under it as
      // the editor goes); the picture's "Opening the board…" badge is not shown: the board will not open.
      const box = (await notice.boundingBox())!;
      const onTop = await ada.page.evaluate(
        ([px, py]) => document.elementFromPoint(px, py)?.closest('[role="alert"]') !== null,
        [box.x + box.width / 2, box.y + box.height / 2] as const,
      );
      expect(onTop).toBe(true);
      await expect(ada.page.getByText('Opening the board…')).toBeHidden();
      await ada.page.screenshot({ path: test.info().outputPath('student-full-board.png') });
    });

    await test.step('the class bar stays hers: she can still raise her hand', async () => {
      const raise = ada.page.getByRole('button', { name: 'Raise my hand' });
      await expect(raise).toBeVisible();
      expect(await isUncovered(raise)).toBe(true);
      await raise.click();
      await expect(ada.page.getByRole('button', { name: 'Lower my hand' })).toBeVisible();
      expect(await isUncovered(ada.page.getByRole('button', { name: 'My draft' }))).toBe(true);
    });

    await test.step('a classmate frees room; she tries again and her board opens in place', async () => {
      // Bruno's board took only what fit: he deletes every note, which a full board still takes.
      await bruno.page.evaluate(() => {
        const editor = window.__conjecture!.editor;
        editor.deleteShapes(editor.getCurrentPageShapes().map((shape) => shape.id));
      });
      await roundTripOverBoardSocket(bruno);
      await notice.getByRole('button', { name: 'Try again' }).click();
      await ada.waitForEditor();
      await expect(notice).toBeHidden();
      // Opened where she was, as the card's picture showed it, not at tldraw's opening view.
      expect(await ada.page.evaluate(() => window.__conjecture!.editor.getCamera())).toMatchObject(herView);
      // Her page was not reloaded: her raised hand is still up.
      await expect(ada.page.getByRole('button', { name: 'Lower my hand' })).toBeVisible();
    });
  } finally {
    await bruno.close();
    await ada.close();
    await teacher.close();
    await server.stop();
  }
});
