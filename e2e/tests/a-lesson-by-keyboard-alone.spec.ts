import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';
import { tabStopsFromStart, tabTo } from '../fixtures/keyboard.js';

const QUESTION = 'How do you know 3 pens for $2 is the better deal?';
const ANSWER = 'Each pen costs less than 67 cents';

/**
 * No mouse after setup: the teacher poses a question, projects a board and pauses the class with Tab, Enter,
 * Space and typing; the student hears the question and the pause through the page's live region, answers and
 * raises a hand from the keyboard. Every control is reached with Tab and shows a visible focus.
 */
test('a lesson by keyboard alone: the teacher poses, projects and pauses; the student hears it, answers and raises a hand', async ({
  teacher,
  studentA,
  projector,
}) => {
  test.slow(); // three actors and live boards on a shared machine
  const dashboard = teacher.page;
  const student = studentA.page;
  const announcer = student.getByTestId('live-announcer');

  const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await projector.page.goto(projectorLink);
  await joinClass(studentA, joinCode, 'Ada');

  await test.step('the teacher makes a group and puts Ada in it, by keyboard', async () => {
    await tabTo(dashboard, dashboard.getByRole('button', { name: 'New group' }));
    await dashboard.keyboard.press('Enter');
    await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
    const groupFor = dashboard.getByLabel('Group for Ada');
    await tabTo(dashboard, groupFor);
    // a native select: typing an option's first letters picks it
    await dashboard.keyboard.type('Group 1');
    await expect(groupFor).toHaveValue(/.+/);
    await studentA.waitForEditor();
    await expect(announcer).toHaveText('Your teacher put you in Group 1.');
  });

  await test.step('the teacher poses a question by keyboard; the student hears it', async () => {
    await dashboard.getByRole('tab', { name: 'Live lesson' }).focus();
    await dashboard.keyboard.press('Enter');
    await tabTo(dashboard, dashboard.getByLabel('Question', { exact: true }));
    await dashboard.keyboard.type(QUESTION);
    await tabTo(dashboard, dashboard.getByRole('combobox', { name: /^Ask/ }));
    await dashboard.keyboard.type('Group 1');
    await tabTo(dashboard, dashboard.getByRole('button', { name: 'Pose the question' }));
    await dashboard.keyboard.press('Enter');
    await expect(dashboard.getByTestId('posed-question')).toContainText('→ Group 1');
    await expect(announcer).toHaveText(`Your teacher asked a question: ${QUESTION}`);
  });

  await test.step('the student’s first Tab stops are her class bar, before the board’s own controls', async () => {
    // Eleven of tldraw's controls came first: its toolbar, menus and style panel before "Raise my hand".
    const stops = await tabStopsFromStart(student, student.getByRole('button', { name: 'Raise my hand' }));
    expect(stops).not.toContain('tldraw');
  });

  await test.step('the student shows the question, answers and raises a hand by keyboard', async () => {
    await tabTo(student, student.getByRole('button', { name: 'Show the question' }));
    await student.keyboard.press('Enter');
    const card = student.locator('.question-card');
    await tabTo(student, card.getByLabel('Your answer'));
    await student.keyboard.type(ANSWER);
    await tabTo(student, card.getByRole('button', { name: 'Send' }));
    await student.keyboard.press('Enter');
    await expect(card.getByRole('status')).toHaveText(`Sent to your teacher: ${ANSWER}`);
    await expect(dashboard.getByTestId('answer')).toHaveText(`Ada: ${ANSWER}`);

    await tabTo(student, student.getByRole('button', { name: 'Raise my hand' }));
    await student.keyboard.press('Space');
    const hands = dashboard.getByTestId('group-Group 1').getByRole('list', { name: 'Raised hands' });
    await expect(hands).toContainText('Ada');
  });

  await test.step('the teacher projects the group’s board and pauses the class by keyboard', async () => {
    const onProjector = dashboard.getByTestId('group-Group 1').getByLabel('On projector');
    await tabTo(dashboard, onProjector);
    await dashboard.keyboard.press('Space');
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Group 1');

    await tabTo(dashboard, dashboard.getByRole('button', { name: 'Pause the class' }));
    await dashboard.keyboard.press('Enter');
    await expect(student.getByTestId('pause-banner')).toBeVisible();
    await expect(announcer).toHaveText('Your teacher paused the class. Your board is read-only.');

    await tabTo(dashboard, dashboard.getByRole('button', { name: 'Resume the class' }));
    await dashboard.keyboard.press('Enter');
    await expect(announcer).toHaveText('The class resumed. You can work on your board again.');
  });
});
