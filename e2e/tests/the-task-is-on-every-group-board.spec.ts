import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';

const PROMPT = 'Which is the better deal: 3 pens for $2 or 5 pens for $3?';

test('the class’s task is a locked card on the group board and in the class bar, and follows the teacher’s edits', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  const dashboard = teacher.page;

  await test.step('a student lands on the board with the task in view and in the class bar', async () => {
    const card = studentA.page.getByTestId('task-card');
    await expect(card).toContainText(PROMPT);
    await expect(card).toBeInViewport({ ratio: 1 });
    await expect(studentA.page.getByTestId('class-bar-task')).toContainText(PROMPT);
    // The server locked it: the editor will not move it either.
    const locked = await studentA.page.evaluate(
      () => window.__conjecture!.editor.getShape('shape:task-card')?.isLocked,
    );
    expect(locked).toBe(true);
    await studentA.page.getByTestId('class-bar-task').click();
    await expect(studentA.page.getByRole('note')).toHaveText(PROMPT);
  });

  await test.step('the teacher edits the task: every board’s card and class bar show the new one', async () => {
    const edited = 'Which is the better deal: 4 pens for $3 or 6 pens for $4? Show it two ways.';
    await dashboard.getByRole('button', { name: 'Edit task' }).click();
    // in a dialog, not a field squeezed into the dashboard's header
    const dialog = dashboard.getByRole('dialog', { name: 'The task' });
    await dialog.getByLabel('Task on every group board').fill(edited);
    await dialog.getByRole('button', { name: 'Save task' }).click();
    await expect(dialog).toBeHidden();
    await expect(dashboard.getByTestId('task-prompt')).toHaveText(edited);
    for (const student of [studentA, studentB]) {
      await expect(student.page.getByTestId('task-card')).toContainText(edited);
      await expect(student.page.getByTestId('class-bar-task')).toContainText(edited);
    }
  });
});
