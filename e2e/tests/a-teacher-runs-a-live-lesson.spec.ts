import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { YDOC_RECORDS_KEY } from '@conjecture/shared';
import { readServerShapes } from '../fixtures/observer.js';
import type { Actor } from '../fixtures/actor.js';
import {
  createClassAndOpenDashboard,
  fillJoinForm,
  groupBoardId,
  joinClass,
  roundTripOverBoardSocket,
  viewShapeIds,
} from '../fixtures/classroom.js';

/** The board a page has open (its board session's id). */
const boardOf = (actor: Actor) => actor.page.evaluate(() => window.__conjecture?.session.boardId ?? null);

/**
 * The teacher moves a student on group 1's board to group 2 and back before his page hears of either (the
 * class socket's groupAssigned lost, /me held until both moves are made: as when both events land in one
 * render). His board was closed by the first move and the page still names it: the card offers his group's
 * board, which opens in place, as the same student.
 */
async function movedAwayAndBackUnheard(student: Actor, dashboard: Page, name: string, boardId: string) {
  const { page } = student;
  let hearsMoves = true;
  let releaseMe: () => void = () => {};
  const meHeld = new Promise<void>((resolve) => (releaseMe = resolve));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (hearsMoves || !String(message).includes('"groupAssigned"')) ws.send(message);
    });
  });
  await page.route(/\/api\/me(\?|$)/, async (route) => {
    if (!hearsMoves) await meHeld;
    await route.continue();
  });
  await page.reload(); // the routes take the page's sockets as they open
  await student.waitForEditor();
  hearsMoves = false;
  const select = dashboard.getByLabel(`Group for ${name}`);
  await select.selectOption({ label: 'Group 2' });
  const card = page.getByRole('alert').filter({ hasText: 'You were moved to another group.' });
  await expect(card).toBeVisible();
  await expect(dashboard.getByTestId('roster-column-Group 2')).toContainText(name);
  await select.selectOption({ label: 'Group 1' });
  await expect(dashboard.getByTestId('roster-column-Group 1')).toContainText(name);
  hearsMoves = true;
  releaseMe();
  const open = card.getByRole('button', { name: 'Open my group’s board' });
  await expect(open).toBeVisible();
  await open.click();
  await student.waitForEditor();
  await expect(card).toBeHidden();
  expect(await boardOf(student)).toBe(boardId);
  await expect(page.getByTestId('my-group')).toHaveText('Group 1');
}

const NAMES = {
  studentA: 'Ada Lovelace',
  studentB: 'Bruno Diaz',
  studentC: 'Chen Wei',
  studentD: 'Dara Okafor',
};

test('a teacher runs a live lesson: groups, live thumbnails, a question, pause, projector, removal, deletion', async ({
  server,
  teacher,
  studentA,
  studentB,
  studentC,
  studentD,
  projector,
}) => {
  test.slow(); // seven actors and a whole lesson: three times the default budget
  const students = { studentA, studentB, studentC, studentD };
  const dashboard = teacher.page;

  const { classId, joinCode, projectorLink } = await test.step('the teacher creates the class', () =>
    createClassAndOpenDashboard(teacher, 'Better deals'));
  expect(dashboard.url()).not.toContain('key=');
  await expect(dashboard.getByTestId('join-code')).toHaveText(joinCode);

  await test.step('the dashboard’s address without the teacher link opens nothing, and says where to start', async () => {
    await studentD.page.goto(`/teach/${classId}?debug`);
    await expect(studentD.page.getByRole('heading', { name: 'Cannot open the class' })).toBeVisible();
    await expect(studentD.page.getByText('open the teacher link you kept')).toBeVisible();
    await expect(studentD.page.getByRole('link', { name: 'Back to the start page' })).toHaveAttribute(
      'href',
      '/',
    );
  });

  await test.step('four students join with the code and a name', async () => {
    for (const [actor, name] of Object.entries(NAMES)) {
      await joinClass(students[actor as keyof typeof students], joinCode, name);
    }
    for (const name of Object.values(NAMES)) {
      await expect(dashboard.getByTestId(`student-${name}`)).toHaveAttribute('data-online', 'true');
    }
    await expect(studentA.page.getByRole('status')).toContainText('put you in a group');
    // waiting, the student already has the task, as the card it will be on the board
    await expect(studentA.page.getByRole('region', { name: 'Task' })).toContainText(
      'Which is the better deal',
    );
  });

  await test.step('joining refuses a taken name, a wrong code and closed joining with clear messages', async () => {
    const late = await teacher.context.browser()!.newContext({ baseURL: server.url });
    const page = await late.newPage();
    const tryJoin = async (code: string, name: string) => {
      await page.goto('/join');
      await page.getByLabel('Class code').fill(code);
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
    };
    const codeField = page.getByLabel('Class code');
    const nameField = page.getByLabel('Your name');
    // each refusal is told under the field it is about, which takes the cursor to be fixed
    await tryJoin(joinCode, 'ada lovelace');
    await expect(page.getByRole('alert')).toContainText('already called');
    await expect(nameField).toBeFocused();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(nameField).toHaveAccessibleDescription(/already called "ada lovelace": add an initial/);
    await tryJoin(joinCode, 'Teacher');
    await expect(page.getByRole('alert')).toContainText('use your own name');
    await expect(nameField).toBeFocused();
    // a name of spaces is told in words, not as the server's "invalid body: displayName: …"
    await tryJoin(joinCode, '   ');
    await expect(page.getByRole('alert')).toHaveText('Type your name.');
    await expect(nameField).toBeFocused();
    // an empty code too, in the app's words and not the browser's own bubble
    await tryJoin('', 'Eve');
    await expect(page.getByRole('alert')).toHaveText('Type the class code from the board.');
    await expect(codeField).toBeFocused();
    await tryJoin('CCCCCC', 'Eve');
    await expect(page.getByRole('alert')).toHaveText('No class has this code. Check the code on the board.');
    await expect(codeField).toBeFocused();
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await dashboard.getByRole('button', { name: 'Close joining' }).click();
    await expect(dashboard.getByRole('button', { name: 'Open joining' })).toBeVisible();
    // closed, the student is told what to do about it
    await tryJoin(joinCode, 'Eve');
    await expect(page.getByRole('alert')).toHaveText(
      'Your teacher has closed joining. Ask them to open it again.',
    );
    await dashboard.getByRole('button', { name: 'Open joining' }).click();
    await expect(dashboard.getByRole('button', { name: 'Close joining' })).toBeVisible();
    await late.close();
  });

  const [board1, board2] =
    await test.step('the teacher makes two groups and assigns two students to each', async () => {
      await dashboard.getByRole('button', { name: 'New group' }).click();
      await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
      await dashboard.getByRole('button', { name: 'New group' }).click();
      await expect(dashboard.getByTestId('group-Group 2')).toBeVisible();
      const ids = [await groupBoardId(teacher, 'Group 1'), await groupBoardId(teacher, 'Group 2')] as const;
      const column1 = dashboard.getByTestId('roster-column-Group 1');
      // Bruno starts in group 2 (the select: keyboard and touch) and opens its board…
      await dashboard.getByLabel(`Group for ${NAMES.studentB}`).selectOption({ label: 'Group 2' });
      await studentB.waitForEditor();
      await expect.poll(() => boardOf(studentB)).toBe(ids[1]);
      // …then is dragged to group 1: his open page moves to group 1's board, with no reload. (The roster
      // sits below the live grid: brought into view first, as a teacher scrolls before dragging.)
      await dragIntoColumn(dashboard, NAMES.studentB, column1);
      await expect(studentB.page.getByTestId('my-group')).toHaveText('Group 1');
      await expect.poll(() => boardOf(studentB)).toBe(ids[0]);
      await movedAwayAndBackUnheard(studentB, dashboard, NAMES.studentB, ids[0]);
      await dragIntoColumn(dashboard, NAMES.studentA, column1);
      await dashboard.getByLabel(`Group for ${NAMES.studentC}`).selectOption({ label: 'Group 2' });
      await dashboard.getByLabel(`Group for ${NAMES.studentD}`).selectOption({ label: 'Group 2' });
      await expect(dashboard.getByTestId('roster-column-Group 2')).toContainText(NAMES.studentD);
      for (const student of Object.values(students)) await student.waitForEditor();
      await expect(studentA.page.getByTestId('my-group')).toHaveText('Group 1');
      await expect(studentC.page.getByTestId('my-group')).toHaveText('Group 2');
      return ids;
    });

  const drawnByA = await test.step('students draw and the teacher’s thumbnails follow', async () => {
    const drawnByA = await studentA.drawRectangle(300, 300);
    await expect.poll(() => studentB.shapeIds()).toContain(drawnByA);
    await expect.poll(() => viewShapeIds(teacher, board1)).toContain(drawnByA);
    const drawnByC = await studentC.drawStroke(400, 350);
    await expect.poll(() => viewShapeIds(teacher, board2)).toContain(drawnByC);
    expect(await viewShapeIds(teacher, board1)).not.toContain(drawnByC);
    return drawnByA;
  });

  await test.step('a reload, or joining again from the same browser, returns the same student and board', async () => {
    await studentA.page.reload();
    await studentA.waitForEditor();
    await expect.poll(() => studentA.shapeIds()).toContain(drawnByA);
    await joinClass(studentA, joinCode, NAMES.studentA);
    await studentA.waitForEditor();
    await expect(studentA.page.getByTestId('my-group')).toHaveText('Group 1');
    await expect(dashboard.getByTestId('roster-column-Group 1').locator('.student-card')).toHaveCount(2);
  });

  await test.step('the teacher poses a question to group 1 and sees the answer arrive', async () => {
    await dashboard.getByLabel('Question', { exact: true }).fill('Why did you draw that rectangle?');
    await dashboard.getByLabel('Ask').selectOption({ label: 'Group 1' });
    await dashboard.getByRole('button', { name: 'Pose the question' }).click();
    await expect(dashboard.getByTestId('posed-question')).toContainText('→ Group 1');

    await studentA.page.getByRole('button', { name: 'Show the question' }).click();
    const card = studentA.page.locator('.question-card');
    await expect(card).toContainText('Why did you draw that rectangle?');
    const shapesBefore = await studentA.shapeIds();
    await card.getByLabel('Your answer').fill('It shows 3 pens for $2');
    await card.getByRole('button', { name: 'Send' }).click();
    // the sent answer stays shown on the card, and the notice says it went
    await expect(card.getByTestId('sent-answer')).toHaveText('Sent to your teacher: It shows 3 pens for $2');
    await expect(studentA.page.getByTestId('question-notice')).toContainText('Your answer was sent');
    // typing in the card drew nothing on the board
    expect(await studentA.shapeIds()).toEqual(shapesBefore);
    await expect(dashboard.getByTestId('answer')).toHaveText(`${NAMES.studentA}: It shows 3 pens for $2`);
    await dashboard.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });
    await studentA.page.screenshot({ path: test.info().outputPath('studentA-answered.png') });
    // group 2 got no card
    expect((await studentC.shapes()).some((s) => s.type === 'question-card')).toBe(false);
  });

  await test.step('a student raises a hand from the board and the teacher clears it', async () => {
    await studentB.page.getByRole('button', { name: 'Raise my hand' }).click();
    const hands = dashboard.getByTestId('group-Group 1').getByRole('list', { name: 'Raised hands' });
    await expect(hands).toContainText(NAMES.studentB);
    await hands.getByRole('button', { name: 'Clear' }).click();
    await expect(hands).toBeHidden();
  });

  await test.step('the teacher opens a group’s board read-only, then draws on it', async () => {
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await teacher.waitForEditor();
    await expect.poll(() => teacher.shapeIds()).toContain(drawnByA);
    expect(await dashboard.evaluate(() => window.__conjecture!.editor.getInstanceState().isReadonly)).toBe(
      true,
    );
    // and writable when the teacher chooses to draw on it (the cookie authenticates the connection)
    await dashboard.getByLabel('Draw on this board').check();
    await expect
      .poll(() => dashboard.evaluate(() => window.__conjecture?.editor.getInstanceState().isReadonly))
      .toBe(false);
    await teacher.waitForEditor();
    // the panel keeps left of tldraw's colours and styles, which drawing brings to the top right
    const panel = (await dashboard.locator('.focus-panel').boundingBox())!;
    const styles = (await dashboard.locator('.tlui-style-panel').first().boundingBox())!;
    expect(panel.x + panel.width, 'the focus panel ends left of the style panel').toBeLessThanOrEqual(
      styles.x,
    );
    const drawnByTeacher = await teacher.drawRectangle(200, 600);
    await expect.poll(() => studentB.shapeIds()).toContain(drawnByTeacher);
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    await expect(dashboard.getByTestId('board-focus')).toBeHidden();
  });

  const projectorToken = await test.step('the projector opens its link and shows nothing yet', async () => {
    const [path, hash] = projectorLink.split('#');
    await projector.page.goto(`${path}?debug#${hash}`);
    await expect(projector.page.getByTestId('projector')).toContainText('Better deals');
    expect(projector.page.url()).not.toContain('key=');
    return projector.page.evaluate(
      (id) => localStorage.getItem(`conjecture:class:${id}:projectorToken`),
      classId,
    );
  });
  expect(projectorToken).toBeTruthy();
  // What the server holds, read apart from every browser, with the teacher's session (the projector's opens
  // only the boards it is shown).
  const teacherCookie = (await dashboard.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const observe = (boardId: string) => readServerShapes(server.url, boardId, { mode: 'view' }, teacherCookie);

  await test.step('the teacher pauses: students cannot draw and the server refuses a forced write', async () => {
    await dashboard.getByRole('button', { name: 'Pause the class' }).click();
    // what happens next, as the ended class's line says it: it read as if the boards were read-only for good
    await expect(dashboard.getByTestId('class-locked')).toHaveText(
      "The class is paused: students' boards are read-only until you resume it.",
    );
    for (const student of Object.values(students))
      await expect(student.page.getByTestId('pause-banner')).toBeVisible();
    // no hand to raise and no answer to send while paused: the server refuses both (class_paused)
    await expect(studentA.page.getByRole('button', { name: 'Raise my hand' })).toBeDisabled();
    await expect(studentA.page.locator('.question-card')).toContainText('Why did you draw that rectangle?');
    await expect(studentA.page.locator('.question-card').getByLabel('Your answer')).toHaveCount(0);
    await expect
      .poll(() => studentA.page.evaluate(() => window.__conjecture!.editor.getInstanceState().isReadonly))
      .toBe(true);

    // a rectangle drawn with the mouse is not even created
    const before = await studentA.shapeIds();
    await studentA.page.evaluate(() => {
      window.__conjecture!.editor.setCurrentTool('geo');
    });
    await studentA.page.mouse.move(500, 500);
    await studentA.page.mouse.down();
    await studentA.page.mouse.move(600, 580, { steps: 5 });
    await studentA.page.mouse.up();
    expect(await studentA.shapeIds()).toEqual(before);

    // a record written straight into the Y.Doc goes out on the websocket, and the server discards it
    const forcedId = 'shape:forcedWhilePaused';
    await studentA.page.evaluate(
      ({ sourceId, id, recordsKey }) => {
        const { editor, doc } = window.__conjecture!;
        const source = editor.getCurrentPageShapes().find((s) => s.id === sourceId)!;
        doc.getArray(recordsKey).push([{ key: id, val: { ...source, id, x: source.x + 200 } }]);
      },
      { sourceId: drawnByA, id: forcedId, recordsKey: YDOC_RECORDS_KEY },
    );
    await roundTripOverBoardSocket(studentA);
    expect(await observe(board1)).not.toContain(forcedId);
    expect(await studentB.shapeIds()).not.toContain(forcedId);
    expect(await viewShapeIds(teacher, board1)).not.toContain(forcedId);
  });

  await test.step('the teacher projects group 2, anonymized: no real name reaches the projector', async () => {
    await dashboard.getByLabel('Anonymize names').check();
    await dashboard.getByTestId('group-Group 2').getByLabel('On projector').check();
    await expect(dashboard.getByTestId('projected-boards')).toHaveText('Group 2');
    const onTeachersThumbnail = await viewShapeIds(teacher, board2);
    expect(onTeachersThumbnail).not.toHaveLength(0);
    await expect.poll(() => viewShapeIds(projector, board2)).toEqual(onTeachersThumbnail);
  });

  await test.step('the teacher resumes: editing is back, and the projector shows pseudonyms on cursors', async () => {
    await dashboard.getByRole('button', { name: 'Resume the class' }).click();
    await expect(studentA.page.getByTestId('pause-banner')).toBeHidden();
    await expect(studentA.page.getByRole('button', { name: 'Raise my hand' })).toBeEnabled();
    await expect
      .poll(() => studentA.page.evaluate(() => window.__conjecture!.editor.getInstanceState().isReadonly))
      .toBe(false);
    const afterPause = await studentA.drawRectangle(300, 500);
    await expect.poll(() => studentB.shapeIds()).toContain(afterPause);

    // Chen (the third to join) moves on group 2's board: the projector labels the cursor "Student C"
    await studentC.page.mouse.move(500, 300);
    await studentC.page.mouse.move(540, 320, { steps: 3 });
    await expect(
      projector.page
        .locator(`.projected-board[data-board-id="${board2}"]`)
        .getByTestId('peer-cursor')
        .filter({ hasText: 'Student C' }),
    ).toBeVisible();
    await projector.page.screenshot({ path: test.info().outputPath('projector.png') });
    const html = await projector.page.content();
    for (const name of Object.values(NAMES)) {
      expect(html).not.toContain(name);
      expect(html).not.toContain(name.split(' ')[0]);
    }
  });

  await test.step('the teacher removes a student, whose page says so', async () => {
    await dashboard.getByRole('button', { name: `Remove ${NAMES.studentD}` }).click();
    await dashboard.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(studentD.page.getByTestId('class-gone')).toContainText('removed you from this class');
    await expect(dashboard.getByTestId(`student-${NAMES.studentD}`)).toBeHidden();
  });

  await test.step('ending the class is asked first, locks the boards, and can be undone', async () => {
    const dialog = dashboard.getByRole('dialog', { name: 'End the class for everyone?' });
    await dashboard.getByRole('button', { name: 'End the class' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(studentA.page.getByTestId('pause-banner')).toBeHidden();
    await dashboard.getByRole('button', { name: 'End the class' }).click();
    await dialog.getByRole('button', { name: 'End the class' }).click();
    await expect(dashboard.getByTestId('class-locked')).toContainText('The class has ended');
    await expect(studentA.page.getByTestId('pause-banner')).toContainText('The class has ended');
    // one state and one way on: no Pause or Resume beside "Reopen the class" to guess between
    const controls = dashboard.locator('.class-controls');
    await expect(controls.getByRole('button', { name: /^(Pause|Resume) the class$/ })).toHaveCount(0);
    await dashboard.getByRole('button', { name: 'Reopen the class' }).click();
    await expect(dashboard.getByTestId('class-locked')).toBeHidden();
    await expect(controls.getByRole('button', { name: 'Pause the class' })).toBeVisible();
    await expect(studentA.page.getByTestId('pause-banner')).toBeHidden();
    await expect
      .poll(() => studentA.page.evaluate(() => window.__conjecture!.editor.getInstanceState().isReadonly))
      .toBe(false);
  });

  await test.step('the teacher deletes the class: browsers clear their copies and the code stops working', async () => {
    const localBoards = () =>
      studentA.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(await localBoards()).toContain(`conjecture:board:${board1}`);
    await dashboard.getByRole('button', { name: 'Delete the class' }).click();
    await dashboard.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await expect(dashboard.getByTestId('class-deleted')).toBeVisible();
    await expect(studentA.page.getByTestId('class-gone')).toContainText('deleted this class');
    await expect.poll(localBoards).not.toContain(`conjecture:board:${board1}`);
    expect(
      await studentA.page.evaluate(
        (id) => localStorage.getItem(`conjecture:class:${id}:studentToken`),
        classId,
      ),
    ).toBeNull();
    await expect(projector.page.getByRole('alert')).toHaveText('This class was deleted.');

    await fillJoinForm(studentB, joinCode, 'Bruno again');
    await expect(studentB.page.getByRole('alert')).toHaveText(
      'No class has this code. Check the code on the board.',
    );
  });

  // Every page's class and board sockets opened as WebSockets, without socket.io's long-polling first.
  for (const actor of [teacher, projector, ...Object.values(students)]) expect(actor.socketPolls).toEqual([]);
});

/**
 * Drags a student's chip onto a roster column until the column lists them. The live grid above the roster
 * grows as thumbnails fill in, so a drop can land where the column was a moment ago; a teacher would drag
 * again, and so does this (dropping on the group a student is already in changes nothing).
 */
async function dragIntoColumn(dashboard: Page, name: string, column: Locator) {
  await expect(async () => {
    await column.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    // by the name, as a teacher grabs it: the chip's middle is its group select, which opens instead
    await dashboard.getByTestId(`student-${name}`).getByText(name, { exact: true }).dragTo(column);
    await expect(column).toContainText(name, { timeout: 2_000 });
  }).toPass();
}
