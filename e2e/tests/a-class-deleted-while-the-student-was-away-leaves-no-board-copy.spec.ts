import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, groupBoardId, joinClass, openDraft } from '../fixtures/classroom.js';

/** The board copies (IndexedDB databases) this browser holds, by name. */
const boardCopies = async (page: Page): Promise<string[]> =>
  (await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))).filter((name) =>
    name.startsWith('conjecture:board:'),
  );

/** The teacher puts the student in a new "Group 1", where she draws; returns the group's board id. */
async function drawInNewGroup(teacher: Actor, student: Actor, name: string): Promise<string> {
  await teacher.page.getByRole('button', { name: 'New group' }).click();
  await expect(teacher.page.getByTestId('group-Group 1')).toBeVisible();
  await teacher.page.getByLabel(`Group for ${name}`).selectOption({ label: 'Group 1' });
  await student.waitForEditor();
  await student.drawRectangle(300, 300);
  return groupBoardId(teacher, 'Group 1');
}

test('a class deleted while the student was away: her next visit deletes its board copies, her token and the join code, and nothing of another class; the teacher’s browser keeps nothing of it', async ({
  browser,
  server,
  teacher,
  studentA: chromebook,
}) => {
  const otherTeacher = await Actor.create(browser, 'otherTeacher', server.url);
  try {
    const { classId, joinCode } = await createClassAndOpenDashboard(teacher, 'Fractions');
    await test.step('Ada draws on her group board and in her draft', async () => {
      await joinClass(chromebook, joinCode, 'Ada');
      const boardId = await drawInNewGroup(teacher, chromebook, 'Ada');
      await openDraft(chromebook);
      await expect.poll(() => boardCopies(chromebook.page)).toHaveLength(2); // the group board and the draft
      expect(await boardCopies(chromebook.page)).toContain(`conjecture:board:${boardId}`);
    });

    const { otherClassCopy, otherClassId } =
      await test.step('Bruno, on the same Chromebook, draws in another class', async () => {
        const other = await createClassAndOpenDashboard(otherTeacher, 'Ratios');
        await joinClass(chromebook, other.joinCode, 'Bruno');
        const copy = `conjecture:board:${await drawInNewGroup(otherTeacher, chromebook, 'Bruno')}`;
        await expect.poll(() => boardCopies(chromebook.page)).toContain(copy);
        return { otherClassCopy: copy, otherClassId: other.classId };
      });

    await test.step('the Chromebook is closed; the first class is deleted meanwhile', async () => {
      await chromebook.page.close(); // no page hears the deletion live
      // a diagnostic the teacher began in this class's form, kept in her browser until used
      const classKeys = () =>
        teacher.page.evaluate(
          (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
          `conjecture:class:${classId}:`,
        );
      await teacher.page.evaluate(
        (key) => localStorage.setItem(key, JSON.stringify({ title: 'Fractions, half written' })),
        `conjecture:class:${classId}:diagnosticDraft`,
      );
      expect(await classKeys()).not.toEqual([]);
      await teacher.page.getByRole('button', { name: 'Delete the class' }).click();
      await teacher.page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
      await expect(teacher.page.getByTestId('class-deleted')).toBeVisible();
      expect(await classKeys()).toEqual([]); // nothing of the class stays on her laptop either
    });

    await test.step('Ada’s class page, opened again, deletes her copies and keeps Bruno’s', async () => {
      const page = await chromebook.context.newPage();
      await page.goto(`/class/${classId}?debug`);
      await expect(page.getByTestId('class-gone')).toBeVisible();
      await expect.poll(() => boardCopies(page)).toEqual([otherClassCopy]);
      // nor her token, the class's last state or the join code that led to it; Bruno's class keeps its own
      const keptOf = (id: string) =>
        page.evaluate(
          (id) =>
            Object.keys(localStorage).filter(
              (key) => key.startsWith(`conjecture:class:${id}:`) || localStorage.getItem(key) === id,
            ),
          id,
        );
      await expect.poll(() => keptOf(classId)).toEqual([]);
      expect(await keptOf(otherClassId)).not.toEqual([]);
    });
  } finally {
    await otherTeacher.close();
  }
});
