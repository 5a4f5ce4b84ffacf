import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { overlaps } from '../fixtures/boxes.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

const AS_DRAWN =
  'If you publish them as drawn, the projector and each student are told these groups were drawn at random.';
const MOVED = 'You moved a student, so these groups will not be shown as drawn at random.';

const fontPx = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** The teacher's Prepare tab: random groups of two proposed; returns the panel. */
async function proposeRandomPairs(teacher: Actor): Promise<Locator> {
  const dashboard = teacher.page;
  await dashboard.getByRole('tab', { name: 'Prepare' }).click();
  const panel = dashboard.getByRole('region', { name: 'Propose groups' });
  await panel.getByLabel('Mode').selectOption('random');
  await panel.getByLabel('Group size').fill('2');
  await panel.getByRole('button', { name: 'Propose', exact: true }).click();
  await expect(panel.getByTestId('proposed-group-1')).toBeVisible();
  return panel;
}

/** Wholly on screen. */
async function expectOnScreen(page: Page, what: string, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect({
    what,
    box,
    inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height,
  }).toMatchObject({ what, inside: true });
}

test('groups drawn at random and published as drawn are shown as random on the projector and to each student; moved by hand, they are not', async ({
  teacher,
  studentA,
  studentB,
  studentC,
  projector,
}) => {
  test.slow(); // five actors, two group boards
  const dashboard = teacher.page;
  const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Random groups');
  await projector.page.setViewportSize({ width: 1280, height: 720 });
  await projector.page.goto(projectorLink);
  const joinScreen = projector.page.getByTestId('join-screen');
  await expect(joinScreen.getByTestId('join-code')).toHaveText(joinCode);
  const drawn = projector.page.getByTestId('groups-drawn');
  await expect(drawn).toHaveCount(0);

  await test.step('two students join; the teacher draws random pairs and publishes them as drawn', async () => {
    await joinClass(studentA, joinCode, 'Ada');
    await joinClass(studentB, joinCode, 'Bruno');
    const panel = await proposeRandomPairs(teacher);
    await expect(panel.getByTestId('proposed-Ada')).toBeVisible();
    await expect(panel.getByTestId('proposed-Bruno')).toBeVisible();
    await expect(panel.getByTestId('grouping-draw-hint')).toHaveText(AS_DRAWN);
    await panel.screenshot({ path: test.info().outputPath('grouping-panel.png') });
    await panel.getByRole('button', { name: 'Publish' }).click();
    await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
  });

  await test.step('the projector shows the groups under the join code, drawn at random, in large type', async () => {
    await expect(drawn.getByRole('heading', { name: 'Groups drawn at random' })).toBeVisible();
    const group = drawn.getByTestId('drawn-Group 1');
    await expect(group.getByRole('listitem')).toHaveText(['Ada', 'Bruno']);
    expect(await fontPx(group.getByRole('listitem').first())).toBeGreaterThanOrEqual(24);
    await expect(joinScreen.getByTestId('join-code')).toHaveText(joinCode);
    await expectOnScreen(projector.page, 'the join code', joinScreen.getByTestId('join-code'));
    await expectOnScreen(projector.page, 'the drawn group', group);
    await projector.page.screenshot({ path: test.info().outputPath('projector-draw.png') });
  });

  await test.step('each student is told their group was drawn at random, and who is in it, clear of the tools', async () => {
    for (const [student, groupmate] of [
      [studentA, 'Bruno'],
      [studentB, 'Ada'],
    ] as const) {
      await student.waitForEditor();
      const notice = student.page.getByTestId('drawn-group-notice');
      await expect(notice).toHaveText(`Your group was drawn at random: you are with ${groupmate}.`);
      const box = (await notice.boundingBox())!;
      for (const panel of ['.tlui-main-toolbar', '.tlui-style-panel', '.class-bar']) {
        const other = await student.page.locator(panel).first().boundingBox();
        if (other) expect({ panel, overlaps: overlaps(box, other) }).toEqual({ panel, overlaps: false });
      }
    }
    await studentA.page.screenshot({ path: test.info().outputPath('student-notice.png') });
    await studentA.page.getByTestId('drawn-group-notice').getByRole('button', { name: 'Dismiss' }).click();
    await expect(studentA.page.getByTestId('drawn-group-notice')).toHaveCount(0);
  });

  await test.step('a student arriving after the draw is told too: on a reload, and on joining late', async () => {
    await studentB.page.reload();
    await studentB.waitForEditor();
    await expect(studentB.page.getByTestId('drawn-group-notice')).toHaveText(
      'Your group was drawn at random: you are with Ada.',
    );
    // placed into the draw as they join, before their class page could hear of it
    await joinClass(studentC, joinCode, 'Chen');
    await expect(studentC.page.getByTestId('my-group')).toHaveText('Group 1');
    await expect(studentC.page.getByTestId('drawn-group-notice')).toHaveText(
      'Your group was drawn at random: you are with Ada and Bruno.',
    );
    await expect(drawn.getByTestId('drawn-Group 1').getByRole('listitem')).toHaveText([
      'Ada',
      'Bruno',
      'Chen',
    ]);
  });

  await test.step('after a student moved by hand, the published groups are not shown as random', async () => {
    const panel = await proposeRandomPairs(teacher);
    await expect(panel.getByTestId('proposed-Chen')).toBeVisible();
    await expect(panel.getByTestId('grouping-draw-hint')).toHaveText(AS_DRAWN);
    const pair = (await panel.getByTestId('proposed-group-1').locator('li[draggable]').count()) === 2 ? 1 : 2;
    const moved = (await panel
      .getByTestId(`proposed-group-${pair}`)
      .locator('li[draggable]')
      .first()
      .getAttribute('data-testid'))!.replace('proposed-', '');
    await panel.getByLabel(`Move ${moved}`).selectOption({ label: `Group ${pair === 1 ? 2 : 1}` });
    await expect(
      panel.getByTestId(`proposed-group-${pair === 1 ? 2 : 1}`).getByTestId(`proposed-${moved}`),
    ).toBeVisible();
    await expect(panel.getByTestId('grouping-draw-hint')).toHaveText(MOVED);
    await panel.getByRole('button', { name: 'Publish' }).click();
    await expect(dashboard.getByTestId('group-Group 2')).toBeVisible();
    await expect(drawn).toHaveCount(0);
    await expect(joinScreen.getByTestId('join-code')).toHaveText(joinCode);
    for (const student of [studentB, studentC])
      await expect(student.page.getByTestId('drawn-group-notice')).toHaveCount(0);
  });
});

/** A class's worth of names, first and last: 9 to 17 characters. */
const FIRST = ['Amara', 'Bruno', 'Chiara', 'Dmitri', 'Esther', 'Felix', 'Grace', 'Hiroshi'];
const LAST = ['Okafor', 'Lindqvist', 'Castillo', 'Nakamura'];

/**
 * Students who join by name (through the API, as many as a class) and groups of them, given by index into
 * `names`, published as drawn at random; then the projector opens, under reduced motion, at 1366×768.
 */
async function drawnOnProjector(
  { server, teacher, projector }: { server: { url: string }; teacher: Actor; projector: Actor },
  className: string,
  names: readonly string[],
  groupsOf: (ids: string[]) => string[][],
) {
  const { classId, joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, className);
  const ids: string[] = [];
  for (const displayName of names) {
    const res = await teacher.page.request.post(`${server.url}/api/join`, {
      data: { joinCode, displayName },
    });
    expect(res.status()).toBe(200);
    ids.push(((await res.json()) as { identity: { studentId: string } }).identity.studentId);
  }
  const published = await teacher.page.request.post(`${server.url}/api/classes/${classId}/grouping/publish`, {
    data: { groups: groupsOf(ids), mode: 'random', asDrawn: true },
  });
  expect(published.status()).toBe(200);
  await projector.page.emulateMedia({ reducedMotion: 'reduce' });
  await projector.page.setViewportSize({ width: 1366, height: 768 });
  await projector.page.goto(projectorLink);
}

test('eight groups of four drawn at random fit a 1366×768 projector in large type, and appear at once under reduced motion', async ({
  server,
  teacher,
  projector,
}) => {
  const names = LAST.flatMap((last) => FIRST.map((first) => `${first} ${last}`));
  await drawnOnProjector({ server, teacher, projector }, 'A full class', names, (ids) =>
    Array.from({ length: 8 }, (_, g) => ids.filter((_, i) => i % 8 === g)),
  );
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 }, // the same page, re-fitted
  ]) {
    await projector.page.setViewportSize(viewport);
    const drawn = projector.page.getByTestId('groups-drawn');
    await expect(drawn.locator('.groups-drawn__group')).toHaveCount(8);
    const list = drawn.locator('.groups-drawn__groups');
    // Re-fitted to this screen: everything inside its box, the box on screen, the type large.
    await expect
      .poll(() =>
        list.evaluate((el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth),
      )
      .toBe(true);
    await expectOnScreen(projector.page, 'the join code', projector.page.getByTestId('join-code'));
    for (let g = 1; g <= 8; g++) {
      const group = drawn.getByTestId(`drawn-Group ${g}`);
      await expect(group.getByRole('listitem')).toHaveCount(4);
      await expectOnScreen(projector.page, `Group ${g}`, group);
      expect(await group.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    }
    const size = await fontPx(drawn.locator('.groups-drawn__group li').first());
    expect(size, `names at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(24);
    await projector.page.screenshot({ path: test.info().outputPath(`draw-${viewport.width}.png`) });
  }
});

test('four groups of two with long names take the screen in two rows, in larger type, each name inside its group', async ({
  server,
  teacher,
  projector,
}) => {
  const names = [
    'Ada Lovelace',
    'Grace Oyelaran-Whitfield',
    'Chen Wei',
    'Esther Lindqvist-Nakamura',
    'Hiroshi Tanaka',
    'Bruno Diaz',
    'Dara Okafor',
    'Felix Castillo',
  ];
  await drawnOnProjector({ server, teacher, projector }, 'Long names', names, (ids) =>
    [0, 1, 2, 3].map((g) => [ids[g]!, ids[g + 4]!]),
  );
  const drawn = projector.page.getByTestId('groups-drawn');
  await expect(drawn.locator('.groups-drawn__group')).toHaveCount(4);
  const lines = drawn.locator('.groups-drawn__group h3, .groups-drawn__group li');
  await expect
    .poll(() => lines.evaluateAll((all) => all.filter((l) => l.scrollWidth > l.clientWidth).length))
    .toBe(0);
  // in one row of four the longest name held the type to 22 px; two rows of two give it room
  const size = await fontPx(drawn.locator('.groups-drawn__group li').first());
  expect(size).toBeGreaterThanOrEqual(32);
  for (let g = 1; g <= 4; g++)
    await expectOnScreen(projector.page, `Group ${g}`, drawn.getByTestId(`drawn-Group ${g}`));
  await projector.page.screenshot({ path: test.info().outputPath('draw-4x2.png') });
});
