import { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { expect, test } from '../fixtures/test.js';

test('a student whose Wi-Fi drops reloads the page: the app and her group board open from this browser, and her work syncs once back', async ({
  browser,
  server,
  teacher,
  studentB: bruno,
}) => {
  // Ada's browser lets the app's service worker run (the other actors block it).
  const ada = await Actor.create(browser, 'ada', server.url, { serviceWorkers: 'allow' });
  try {
    const { joinCode } = await createClassAndOpenDashboard(teacher, 'Offline reload');
    await twoStudentsInOneGroup(teacher, joinCode, ada, bruno);

    const before =
      await test.step('online, the app keeps its own files: the service worker controls the page', async () => {
        await expect
          .poll(() => ada.page.evaluate(() => navigator.serviceWorker.controller !== null), {
            timeout: 60_000,
          })
          .toBe(true);
        const drawn = await ada.drawRectangle(300, 300);
        await expect.poll(() => bruno.shapeIds()).toContain(drawn);
        return drawn;
      });

    const offline =
      await test.step('offline, a reload opens the app and the board as it was, to work on', async () => {
        await ada.goOffline();
        await ada.reloadOffline();
        // the editor, not the connection (`waitForEditor` waits for the server too)
        await ada.page.waitForFunction(() => window.__conjecture?.editor !== undefined);
        await expect(ada.page.locator('.board .tl-canvas')).toBeVisible();
        await expect.poll(() => ada.shapeIds()).toContain(before);
        await expect(ada.badge).toHaveAttribute('data-state', 'offline');
        const drawn = await ada.drawRectangle(500, 300);
        expect(await bruno.shapeIds()).not.toContain(drawn);
        return drawn;
      });

    await test.step('back online, what she drew offline reaches her group', async () => {
      await ada.networkBack();
      await expect.poll(() => bruno.shapeIds(), { timeout: 60_000 }).toContain(offline);
      await expect(ada.badge).toHaveText('Connected · all changes saved');
    });
  } finally {
    await ada.close();
  }
});
