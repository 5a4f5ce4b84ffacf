import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';
import { tabTo } from '../fixtures/keyboard.js';

const QUESTION = 'Which deal gives the cheaper pen?';
const ANSWER = 'Three for two dollars';

/**
 * The dashboard's polite live region tells a teacher who cannot watch the screen what happens in the class
 * (a student joining, an answer, a raised hand) and confirms what their own keys did (a question posed, a
 * board projected, the class paused). The teacher acts by keyboard; the student's actions are the setup.
 */
test('the dashboard announces joins, answers and hands, and confirms pose, project and pause', async ({
  teacher,
  studentA,
  projector,
}) => {
  test.slow(); // three actors
  const dashboard = teacher.page;
  const announcer = dashboard.getByTestId('live-announcer');
  const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await projector.page.goto(projectorLink);

  await joinClass(studentA, joinCode, 'Ada');
  await expect(announcer).toContainText('Ada joined.');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');

  await dashboard.getByRole('button', { name: 'New group' }).click();
  await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
  await studentA.waitForEditor();

  await test.step('a question posed by keyboard is confirmed', async () => {
    await dashboard.getByRole('tab', { name: 'Live lesson' }).focus();
    await dashboard.keyboard.press('Enter');
    await tabTo(dashboard, dashboard.getByLabel('Question', { exact: true }));
    await dashboard.keyboard.type(QUESTION);
    await tabTo(dashboard, dashboard.getByRole('button', { name: 'Pose the question' }));
    await dashboard.keyboard.press('Enter');
    await expect(announcer).toContainText(`Question posed to all groups: \u2068${QUESTION}\u2069`);
  });

  await test.step('the student’s answer and raised hand are announced with the name', async () => {
    const student = studentA.page;
    await student.getByRole('button', { name: 'Show the question' }).click();
    const card = student.locator('.question-card');
    await card.getByLabel('Your answer').fill(ANSWER);
    await card.getByRole('button', { name: 'Send' }).click();
    await expect(announcer).toContainText(`Answer from Ada: \u2068${ANSWER}\u2069`); // the words isolated (FSI … PDI)
    await student.getByRole('button', { name: 'Raise my hand' }).click();
    await expect(announcer).toContainText('Ada raised a hand.');
  });

  await test.step('projecting and pausing by keyboard are confirmed', async () => {
    await tabTo(dashboard, dashboard.getByTestId('group-Group 1').getByLabel('On projector'));
    await dashboard.keyboard.press('Space');
    await expect(announcer).toContainText('Group 1 is on the projector.');
    await tabTo(dashboard, dashboard.getByRole('button', { name: 'Pause the class' }));
    await dashboard.keyboard.press('Enter');
    await expect(announcer).toContainText('The class is paused: every board is read-only.');
  });

  await test.step('a student leaving is announced', async () => {
    await studentA.close();
    await expect(announcer).toContainText('Ada left.');
  });
});
