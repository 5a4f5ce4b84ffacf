import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';

interface WipeEditor {
  createShapes(shapes: Array<{ type: string; x: number; y: number }>): void;
  selectAll(): void;
  getSelectedShapeIds(): string[];
  deleteShapes(ids: string[]): void;
}

const GEO = 'geo';

test('a student who selects all and deletes the group’s board, or floods it, has it undone and is told why; the teacher hears who', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Clean slate');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  const boxes = (actor: typeof studentA) =>
    actor.page.evaluate(
      (type) =>
        (window.__conjecture!.editor as unknown as { getCurrentPageShapes(): Array<{ type: string }> })
          .getCurrentPageShapes()
          .filter((s) => s.type === type).length,
      GEO,
    );

  await test.step('Ada draws 40 boxes; Bruno sees them', async () => {
    await studentA.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as WipeEditor;
      editor.createShapes(
        Array.from({ length: 40 }, (_, i) => ({
          type: 'geo',
          x: (i % 8) * 120,
          y: 300 + Math.floor(i / 8) * 120,
        })),
      );
    });
    await expect.poll(() => boxes(studentB)).toBe(40);
  });

  await test.step('Bruno selects all and deletes: the boxes come back on both screens, and Bruno reads why', async () => {
    await studentB.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as WipeEditor;
      editor.selectAll();
      editor.deleteShapes(editor.getSelectedShapeIds());
    });
    const notice = studentB.page.getByTestId('refusal-notice');
    await expect(notice).toContainText('What your classmates made came back');
    await expect.poll(() => boxes(studentB)).toBe(40);
    await expect.poll(() => boxes(studentA)).toBe(40);
    await expect(studentA.page.getByTestId('refusal-notice')).toHaveCount(0);
    await expectNoSeriousAxeViolations(studentB.page, 'the refusal notice');
    await studentB.page.screenshot({ path: test.info().outputPath('refusal-notice.png') });
    await notice.getByRole('button', { name: 'Got it' }).click();
    await expect(notice).toBeHidden();
  });

  await test.step('the teacher reads who tried, first under "Needs you now"; opening the board clears it', async () => {
    const dashboard = teacher.page;
    const item = dashboard.getByTestId('attention-wipe-Group 1');
    await expect(item).toContainText(
      "Bruno tried to delete, empty or hide 40 of the group's things at once; they were put back",
    );
    await expect(dashboard.getByTestId('attention-strip').locator('.attention-item').first()).toHaveAttribute(
      'data-kind',
      'wipe',
    );
    await item.click();
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    // Closed, not only cleared: a board left open would mark the next undone change seen at once.
    await expect(dashboard.getByTestId('board-focus')).toBeHidden();
    await expect(item).toHaveCount(0);
  });

  await test.step('a few at a time still goes: deleting two of Ada’s boxes reaches her', async () => {
    await studentB.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as WipeEditor & {
        getCurrentPageShapes(): Array<{ id: string; type: string }>;
      };
      const two = editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'geo')
        .slice(0, 2)
        .map((s) => s.id);
      editor.deleteShapes(two);
    });
    await expect.poll(() => boxes(studentA)).toBe(38);
  });

  await test.step('Bruno adds 600 boxes at once: taken back from his screen, never at Ada’s, and he reads why', async () => {
    const add = (actor: typeof studentB, count: number, y: number) =>
      actor.page.evaluate(
        ({ count, y }) => {
          const editor = window.__conjecture!.editor as unknown as WipeEditor;
          editor.createShapes(
            Array.from({ length: count }, (_, i) => ({
              type: 'geo',
              x: (i % 30) * 40,
              y: y + Math.floor(i / 30) * 40,
            })),
          );
        },
        { count, y },
      );
    await add(studentB, 600, 2_000);
    const notice = studentB.page.getByTestId('refusal-notice');
    await expect(notice).toContainText('That added more to the board at once than a student can');
    await expect.poll(() => boxes(studentB)).toBe(38);
    // One box after the flood, on the same connection: when it reaches Ada the flood has been dealt with.
    await add(studentB, 1, 5_000);
    await expect.poll(() => boxes(studentA)).toBe(39);
    await expect(studentA.page.getByTestId('refusal-notice')).toHaveCount(0);
    await expect(teacher.page.getByTestId('attention-flood-Group 1')).toContainText(
      'Bruno tried to add 600 things to the board at once; they were taken back',
    );
  });
});
