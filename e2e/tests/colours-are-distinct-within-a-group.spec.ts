import type { Browser } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

const NAMES = ['Ada', 'Bruno', 'Chen', 'Dara', 'Eli'];

test('five students in one group get five different colours, which their groupmates’ cursors show', async ({
  server,
  teacher,
  studentA,
  studentB,
  studentC,
  studentD,
}) => {
  test.slow(); // five students' boards
  const fifth = await Actor.create(teacher.context.browser() as Browser, 'studentE', server.url);
  const students = [studentA, studentB, studentC, studentD, fifth];
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Colours');
  const dashboard = teacher.page;
  for (const [i, student] of students.entries()) await joinClass(student, joinCode, NAMES[i]!);
  await dashboard.getByRole('button', { name: 'New group' }).click();
  await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
  for (const name of NAMES)
    await dashboard.getByLabel(`Group for ${name}`).selectOption({ label: 'Group 1' });
  for (const student of students) await student.waitForEditor();

  // Each student's own colour, as their board's editor has it (cursor and "colour by author").
  const own = await Promise.all(
    students.map((s) => s.page.evaluate(() => window.__conjecture!.editor.user.getColor())),
  );
  expect(new Set(own).size).toBe(5);

  // Ada sees Bruno's cursor in Bruno's colour.
  await studentB.page.mouse.move(500, 400);
  await studentB.page.mouse.move(520, 420, { steps: 3 });
  await expect
    .poll(() =>
      studentA.page.evaluate(() =>
        window
          .__conjecture!.editor.getCollaborators()
          .map((c) => c.color)
          .sort(),
      ),
    )
    .toContain(own[1]);

  await test.step('anonymize where the teacher chooses: the dashboard, then the students’ views', async () => {
    await dashboard.getByLabel('On this dashboard').check();
    await expect(dashboard.getByTestId('student-Student A')).toBeVisible();
    await expect(dashboard.getByTestId('student-Ada')).toHaveCount(0);
    // Students still see real names until the teacher chooses otherwise.
    const cursorNames = () =>
      studentA.page.evaluate(() => window.__conjecture!.editor.getCollaborators().map((c) => c.userName));
    await expect.poll(cursorNames).toContain('Bruno');
    await dashboard.getByLabel('On students’ screens').check();
    // Bruno's pointer stays still: Ada's view names his cursor again when her names change
    await expect.poll(cursorNames).toContain('Student B');
    expect(await cursorNames()).not.toContain('Bruno');
    // and their own name stays theirs
    await expect(studentA.page.getByTestId('class-bar')).toContainText('Ada');
  });
  await fifth.close();
});
