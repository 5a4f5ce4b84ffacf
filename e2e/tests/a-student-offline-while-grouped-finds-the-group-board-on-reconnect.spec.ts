import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

test('a student whose class connection is down while the teacher puts them in a group finds the group board once it is back', async ({
  teacher,
  studentA,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Reconnecting');
  await joinClass(studentA, joinCode, 'Ada');
  const card = dashboard.getByTestId('student-Ada');
  await expect(card).toHaveAttribute('data-online', 'true');

  await test.step('Ada’s class connection drops; meanwhile the teacher puts her in a new group', async () => {
    await studentA.page.evaluate(() => window.__conjectureClassSocket!.disconnect());
    await expect(card).toHaveAttribute('data-online', 'false');
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
    await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await expect(dashboard.getByTestId('roster-column-Group 1')).toContainText('Ada');
    // the event that tells her page went to no socket
    await expect(studentA.page.getByTestId('my-group')).toHaveText('No group yet');
  });

  await test.step('the connection is back: her page asks again and opens the group board', async () => {
    await studentA.page.evaluate(() => window.__conjectureClassSocket!.connect());
    await expect(card).toHaveAttribute('data-online', 'true');
    await studentA.waitForEditor();
    await expect(studentA.page.getByTestId('my-group')).toHaveText('Group 1');
  });
});
