import type { Browser } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { overlaps } from '../fixtures/boxes.js';
import { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

interface EditorCamera {
  getCamera(): { x: number; y: number; z: number };
  getCurrentPageShapes(): Array<{ id: string; type: string }>;
}

test('on a 1366×768 Chromebook a plane placed mid-board opens its form beside it: the board does not move', async ({
  server,
  teacher,
}) => {
  const student = await Actor.create(teacher.context.browser() as Browser, 'student', server.url, {
    viewport: { width: 1366, height: 768 },
  });
  const page = student.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Lines');
  await joinClass(student, joinCode, 'Ada');
  await teacher.page.getByRole('button', { name: 'New group' }).click();
  await teacher.page.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
  await student.waitForEditor();
  const camera = () =>
    page.evaluate(() => (window.__conjecture!.editor as unknown as EditorCamera).getCamera());
  const opening = await camera();

  await page.getByTestId('tools.coordinate-plane').click();
  await page.mouse.click(300, 250);
  const form = page.getByRole('form', { name: 'Coordinate plane settings' });
  // Under the plane the form ran 55 px past the bottom of the screen, and the camera panned to make room:
  // wholly on screen is where it settles either way.
  await expect(form).toBeInViewport({ ratio: 1 });
  await expect(form.getByLabel('y₁ =')).toBeFocused();
  expect(await camera(), 'the camera where it was').toMatchObject({
    x: opening.x,
    y: opening.y,
    z: opening.z,
  });
  const planeId = await page.evaluate(
    () =>
      (window.__conjecture!.editor as unknown as EditorCamera)
        .getCurrentPageShapes()
        .find((shape) => shape.type === 'coordinate-plane')!.id,
  );
  const plane = (await page.locator(`.tl-shape[data-shape-id="${planeId}"]`).boundingBox())!;
  expect(overlaps(plane, (await form.boundingBox())!), 'the form beside the plane, not over it').toBe(false);
  await student.close();
});
