import { expect, test } from '../fixtures/test.js';
import { addNote } from '../fixtures/notes.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';

/** The student-friendly chip names of student moves (MOVE_CHIPS) and the move each stands for. */
const CHIP_MOVES: Record<string, string> = {
  Claim: 'making_a_claim',
  Reasoning: 'providing_evidence_reasoning',
  'Building on': 'relating_to_another_student',
  Asking: 'asking_for_more_info',
};
const QUESTION_TYPE_NAMES = [
  'gathering information',
  'probing thinking',
  'making the mathematics visible',
  'encouraging reflection and justification',
];
const ANY_CHIP = new RegExp(`^(${Object.keys(CHIP_MOVES).join('|')})$`);
const NOTE_TEXT = 'I think 3/4 is bigger because 9/12 > 8/12';

const chipOn = (actor: Actor, shapeId: string, scope = '.board') =>
  actor.page.locator(scope).locator(`.tag-chip[data-shape-id="${shapeId}"]`);

test('live tags reach the board and the dashboard, and a teacher’s correction replaces the chip', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Comparing fractions');

  await test.step('two students join one group', () =>
    twoStudentsInOneGroup(teacher, joinCode, studentA, studentB));

  // The teacher has the group's board open (read-only) while the student writes: its chips come live too.
  await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
  const focus = dashboard.getByTestId('board-focus');
  await expect(focus.locator('.tl-canvas')).toBeVisible();

  const noteId = await addNote(studentA, { id: 'shape:tagged-note', text: NOTE_TEXT });

  const chipName =
    await test.step('a chip with a student move appears on every open copy of the board', async () => {
      await expect(chipOn(studentA, noteId)).toHaveText(ANY_CHIP);
      const name = (await chipOn(studentA, noteId).textContent()) as string;
      await expect(chipOn(studentB, noteId)).toHaveText(name);
      await expect(chipOn(teacher, noteId, '[data-testid="board-focus"]')).toHaveText(name);
      await studentA.page.screenshot({ path: test.info().outputPath('studentA-chip.png') });
      return name;
    });
  const modelMove = CHIP_MOVES[chipName] as string;

  const row = dashboard.getByTestId('tagged-contribution').filter({ hasText: NOTE_TEXT });
  const groupCounts = dashboard.getByTestId('discourse-Group 1');
  await test.step('the dashboard lists the tag and counts it for the group', async () => {
    await expect(row).toBeVisible();
    await expect(row.getByLabel('Talk move')).toHaveValue(modelMove);
    await expect(row.getByTestId('tag-confidence')).toHaveText(/^(very|fairly|not) sure \(\d+%\)$/);
    await expect(groupCounts.locator(`td[data-move="${modelMove}"]`)).toHaveText('1');
    // a count lines up on the right, under its header (`.ui-table td` had overridden the number column's)
    await expect(groupCounts.locator(`td[data-move="${modelMove}"]`)).toHaveCSS('text-align', 'right');
    await expect(
      dashboard
        .locator('table', { has: groupCounts })
        .getByRole('columnheader', { name: chipName, exact: true }),
    ).toHaveCSS('text-align', 'right');
    // The note is words about fractions: one verbal item on the group's board.
    await expect(groupCounts.getByTestId('group-representations')).toHaveText('1 verbal');
  });

  await test.step('the teacher corrects the move: chips and counts follow', async () => {
    const correctedName = chipName === 'Asking' ? 'Claim' : 'Asking';
    const correctedMove = CHIP_MOVES[correctedName] as string;
    // the list sits under the opened board; a select is chosen by value, as with the keyboard
    await row.getByLabel('Talk move').selectOption(correctedMove);
    await expect(row).toHaveAttribute('data-corrected', 'true');
    await expect(chipOn(studentA, noteId)).toHaveText(correctedName);
    await expect(chipOn(studentB, noteId)).toHaveText(correctedName);
    await expect(chipOn(teacher, noteId, '[data-testid="board-focus"]')).toHaveText(correctedName);
    await expect(groupCounts.locator(`td[data-move="${correctedMove}"]`)).toHaveText('1');
    await expect(groupCounts.locator(`td[data-move="${modelMove}"]`)).toHaveText('0');
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
  });

  await test.step('whoever opens the board later sees the corrected chip from the start', async () => {
    const correctedName = chipName === 'Asking' ? 'Claim' : 'Asking';
    await studentB.page.reload();
    await studentB.waitForEditor();
    await expect(chipOn(studentB, noteId)).toHaveText(correctedName);
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    await expect(chipOn(teacher, noteId, '[data-testid="board-focus"]')).toHaveText(correctedName);
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
  });

  await test.step('the teacher’s own questions are summed up by type as a sentence', async () => {
    const balance = dashboard.getByTestId('teacher-question-balance');
    await expect(balance).toHaveText('Your questions so far: no questions asked');
    const questions = dashboard.getByRole('region', { name: 'Questions' });
    await questions.getByLabel('Question').fill('How did you find a common denominator?');
    await questions.getByRole('button', { name: 'Pose the question' }).click();
    await expect(balance).toHaveText(
      new RegExp(`^Your questions so far: 1 (${QUESTION_TYPE_NAMES.join('|')})$`),
    );
    await expect(
      dashboard.getByTestId('tagged-contribution').filter({ hasText: 'common denominator' }),
    ).toContainText('Teacher');
    await dashboard.screenshot({ path: test.info().outputPath('dashboard-tags.png'), fullPage: true });
  });

  await test.step('at 1366 px the cards’ selects stand in shared columns, none cut off', async () => {
    await dashboard.setViewportSize({ width: 1366, height: 768 });
    // the teacher's talk moves are longer than the students': "Question type" started further right
    const rows = dashboard.getByTestId('tagged-contribution');
    const boxesOf = (label: string) =>
      rows.getByLabel(label, { exact: true }).evaluateAll((selects) =>
        selects.map((s) => {
          const r = s.getBoundingClientRect();
          const card = s.closest('li')!.getBoundingClientRect();
          return { left: r.left, right: r.right, inCard: r.right <= card.right };
        }),
      );
    for (const label of ['Talk move', 'Question type']) {
      const boxes = await boxesOf(label);
      expect(boxes.length, `a ${label} select on each card`).toBeGreaterThanOrEqual(2);
      expect(
        boxes.map((b) => Math.round(b.left)),
        `${label} starts at one x`,
      ).toEqual(boxes.map(() => Math.round(boxes[0]!.left)));
      expect(
        boxes.map((b) => Math.round(b.right)),
        `${label} ends at one x`,
      ).toEqual(boxes.map(() => Math.round(boxes[0]!.right)));
      expect(
        boxes.every((b) => b.inCard && b.right <= 1366),
        `${label} inside its card`,
      ).toBe(true);
    }
    await dashboard
      .getByRole('region', { name: 'Tagged contributions' })
      .screenshot({ path: test.info().outputPath('tags-1366.png') });
  });
});
