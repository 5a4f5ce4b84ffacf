import { EXPECTS_SCRIPT_REFUSALS, expect, test } from '../fixtures/test.js';
import {
  createClassAndOpenDashboard,
  groupBoardId,
  twoStudentsInOneGroup,
  viewShapeIds,
} from '../fixtures/classroom.js';
import { richTextOf } from '../fixtures/richText.js';

/** Breaks out of text, of a quoted attribute and of a foreignObject; runs an alert wherever it is parsed. */
const HOSTILE = `"'><img src=x onerror="alert('img')"><script>alert('script')</script></foreignObject><svg onload=alert('svg')>`;

test('a student’s hostile words show as words on the board, the dashboard and the projector, and no page needs what the CSP refuses', async ({
  teacher,
  studentA,
  studentB,
  projector,
}) => {
  test.slow(); // four actors and live boards on a shared machine
  const dashboard = teacher.page;
  const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);

  await test.step('Ada writes markup into a label, a frame’s name, an equation, a table and a link', async () => {
    await studentA.page.evaluate(
      ({ hostile, label }) => {
        const editor = window.__conjecture!.editor;
        editor.createShapes([
          { id: 'shape:frame', type: 'frame', x: 60, y: 60, props: { w: 700, h: 500, name: hostile } },
          {
            id: 'shape:box',
            type: 'geo',
            x: 100,
            y: 100,
            props: { w: 300, h: 160, richText: label, url: 'https://example.org/x' },
          },
          { id: 'shape:eq', type: 'equation', x: 450, y: 120, props: { latex: `\\text{${hostile}}` } },
          {
            id: 'shape:table',
            type: 'table',
            x: 100,
            y: 320,
            props: {
              w: 300,
              h: 100,
              cells: [
                [hostile, '2'],
                ['3', hostile],
              ],
            },
          },
        ]);
      },
      { hostile: HOSTILE, label: richTextOf(HOSTILE) },
    );
    await expect(studentB.page.locator('.tl-shape')).toHaveCount(5); // the task card and Ada's four
  });

  await test.step('the dashboard’s thumbnail draws them', async () => {
    const boardId = await groupBoardId(teacher, 'Group 1');
    await expect.poll(() => viewShapeIds(teacher, boardId)).toEqual(await studentA.shapeIds());
    const thumbnail = dashboard.getByTestId('group-Group 1').locator('.board-view');
    await expect(thumbnail.getByText("alert('script')").first()).toBeAttached();
  });

  await test.step('the projector draws them', async () => {
    const [path, hash] = projectorLink.split('#');
    await projector.page.goto(`${path}?debug#${hash}`); // debug: the view lists the shapes it drew
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').check();
    const view = projector.page.locator('.projected-board');
    const boardId = (await view.getAttribute('data-board-id')) as string;
    await expect.poll(() => viewShapeIds(projector, boardId)).toEqual(await studentA.shapeIds());
    await expect(view.getByText("alert('script')").first()).toBeAttached();
  });

  for (const actor of [teacher, studentA, studentB, projector]) {
    expect(actor.dialogs, `${actor.name}: a student's text ran`).toEqual([]);
    expect(actor.cspViolations, `${actor.name}: the page needs what the CSP refuses`).toEqual([]);
  }

  await test.step('had anything slipped into a page, the CSP would refuse it: an inline script does not run', async () => {
    test.info().annotations.push({ type: EXPECTS_SCRIPT_REFUSALS });
    for (const actor of [teacher, studentA, projector]) {
      await actor.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = "alert('inline')";
        document.body.append(script);
      });
      await expect.poll(() => actor.cspViolations.length, actor.name).toBeGreaterThan(0);
      expect(actor.dialogs, actor.name).toEqual([]);
    }
  });
});
