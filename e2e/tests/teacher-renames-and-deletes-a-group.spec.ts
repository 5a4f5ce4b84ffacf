import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, groupBoardId, joinClass, viewShapeIds } from '../fixtures/classroom.js';

test('the teacher renames a group and deletes it: the student and the projector see both live', async ({
  teacher,
  studentA,
  projector,
}) => {
  const dashboard = teacher.page;
  const myGroup = studentA.page.getByTestId('my-group');

  await test.step('a student is put in a new group', async () => {
    const { joinCode, projectorLink } = await createClassAndOpenDashboard(teacher, 'Fractions');
    await joinClass(studentA, joinCode, 'Ada Lovelace');
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await expect(dashboard.getByTestId('group-Group 2')).toBeVisible();
    await dashboard.getByLabel('Group for Ada Lovelace').selectOption({ label: 'Group 1' });
    await studentA.waitForEditor();
    await expect(myGroup).toHaveText('Group 1');
    await projector.page.goto(projectorLink);
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').check();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Group 1');
  });

  await test.step('renaming: Escape cancels, Enter saves, and the student’s class bar follows', async () => {
    await dashboard.getByRole('button', { name: 'Rename Group 1' }).click();
    await dashboard.getByLabel('New name for Group 1').fill('Nope');
    await dashboard.getByLabel('New name for Group 1').press('Escape');
    await expect(dashboard.getByTestId('roster-column-Group 1')).toBeVisible();
    await dashboard.getByRole('button', { name: 'Rename Group 1' }).click();
    await dashboard.getByLabel('New name for Group 1').fill('  Tigers ');
    await dashboard.getByLabel('New name for Group 1').press('Enter');
    await expect(dashboard.getByTestId('roster-column-Tigers')).toContainText('Ada Lovelace');
    await expect(myGroup).toHaveText('Tigers');
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Tigers');
    await expect(dashboard.getByTestId('group-Tigers')).toBeVisible();
  });

  await test.step('a name another group has is refused with a message', async () => {
    await dashboard.getByRole('button', { name: 'Rename Group 2' }).click();
    await dashboard.getByLabel('New name for Group 2').fill('tigers');
    await dashboard.getByLabel('New name for Group 2').press('Enter');
    await expect(dashboard.getByTestId('roster-column-Group 2').getByRole('alert')).toHaveText(
      'another group is already called "Tigers"',
    );
    await dashboard.getByLabel('New name for Group 2').press('Escape');
  });

  await test.step('deleting a group with work asks twice, then the student has no group', async () => {
    const drawn = await studentA.drawRectangle(300, 300);
    // The teacher's thumbnail has it: the server holds the work the delete must not lose silently.
    const boardId = await groupBoardId(teacher, 'Tigers');
    await expect.poll(() => viewShapeIds(teacher, boardId)).toContain(drawn);
    expect(
      await studentA.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '')),
    ).toContain(`conjecture:board:${boardId}`);
    await dashboard.getByRole('button', { name: 'Delete group Tigers' }).click();
    const dialog = dashboard.getByRole('dialog');
    await expect(dialog).toContainText('stay in the class without a group');
    await dialog.getByRole('button', { name: 'Delete group', exact: true }).click();
    await expect(dialog).toContainText('Tigers has 1 item on its board');
    await dialog.getByRole('button', { name: 'Delete the group and its work' }).click();
    await expect(dialog).toBeHidden();
    await expect(dashboard.getByTestId('roster-column-Tigers')).toHaveCount(0);
    await expect(dashboard.getByTestId('roster-column-Not in a group')).toContainText('Ada Lovelace');
    await expect(myGroup).toHaveText('No group yet');
    await expect(projector.page.getByTestId('projector-caption')).toHaveCount(0);
    await expect(studentA.page.getByRole('status')).toContainText('put you in a group');
    // The board went with the group: the student's browser keeps no copy of it.
    await expect
      .poll(() => studentA.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '')))
      .not.toContain(`conjecture:board:${boardId}`);
  });
});
