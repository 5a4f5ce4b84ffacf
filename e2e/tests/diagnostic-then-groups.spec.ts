import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';
import { CHROMEBOOK_WINDOW } from '../fixtures/boxes.js';

const ITEMS = 8; // the default fractions & ratios bank

/** A pasted bank the teacher must be told about: option b names a misconception the bank does not have. */
const BANK_WITH_AN_UNKNOWN_MISCONCEPTION = {
  id: 'tiny',
  title: 'Tiny',
  skills: [{ id: 'halves', name: 'Halves' }],
  misconceptions: [{ id: 'bigger-bottom', name: 'Bigger bottom', description: 'd', nextStep: 'n' }],
  items: [
    {
      id: 'half',
      stem: 'Which is half of 8?',
      skills: ['halves'],
      options: [
        { id: 'a', text: '4', correct: true },
        { id: 'b', text: '2', misconception: 'no-such-thing' },
      ],
    },
  ],
};

/**
 * Answers the item on screen (its first option, "Sure") and waits for the next screen or the end: the summary,
 * or for a student placed in a group on finishing, nothing here (the board follows).
 */
async function answerCurrentItem(student: Actor, position: number, end: 'summary' | 'board' = 'summary') {
  const { page } = student;
  await expect(page.getByTestId('diagnostic-position')).toHaveText(`Question ${position} of ${ITEMS}`);
  const item = page.getByTestId('diagnostic-item');
  const next = item.getByRole('button', { name: 'Next' });
  // the whole item, Next included, is on a Chromebook's screen without scrolling (the page is not scrolled)
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(next).toBeInViewport({ ratio: 1 });
  await item.getByRole('radio').first().check();
  // Next waits for the rating too, and says so
  await expect(next).toBeDisabled();
  await expect(next).toHaveAccessibleDescription('Now choose how sure you are.');
  await item.getByRole('radio', { name: 'Sure', exact: true }).check();
  await next.click();
  if (position < ITEMS)
    await expect(page.getByTestId('diagnostic-position')).toHaveText(`Question ${position + 1} of ${ITEMS}`);
  else if (end === 'summary') await expect(page.getByTestId('diagnostic-summary')).toBeVisible();
}

test('students take the diagnostic in the browser, then the teacher proposes and publishes groups', async ({
  teacher,
  studentA,
  studentB,
  studentC,
  studentD,
}) => {
  const students: Array<[Actor, string]> = [
    [studentA, 'Ada Lovelace'],
    [studentB, 'Bruno Diaz'],
    [studentC, 'Chen Wei'],
  ];
  const dashboard = teacher.page;

  const { joinCode } = await test.step('the teacher creates a class and picks our diagnostic', async () => {
    const created = await createClassAndOpenDashboard(teacher, 'Ratios diagnostic');
    await dashboard.getByRole('button', { name: 'Paste a bank' }).click();
    const bankField = dashboard.getByLabel('Item bank (JSON)');
    const problems = dashboard.getByRole('alert', { name: 'Problems with the bank' });
    await bankField.fill('{"id": ');
    await dashboard.getByRole('button', { name: 'Use this bank' }).click();
    await expect(problems).toContainText('Not valid JSON');
    await bankField.fill(JSON.stringify(BANK_WITH_AN_UNKNOWN_MISCONCEPTION));
    await dashboard.getByRole('button', { name: 'Use this bank' }).click();
    await expect(problems).toContainText('items[0].options[1].misconception');
    await expect(dashboard.getByTestId('diagnostic-status')).toHaveText('Not chosen yet.');
    await dashboard.getByRole('button', { name: 'Use our fractions & ratios diagnostic' }).click();
    await expect(dashboard.getByTestId('diagnostic-status')).toContainText(`In use: ${ITEMS} items`);
    return created;
  });

  await test.step('three students join and see the first item', async () => {
    for (const [actor, name] of students) {
      await actor.page.setViewportSize(CHROMEBOOK_WINDOW);
      await joinClass(actor, joinCode, name);
      await expect(actor.page.getByTestId('diagnostic-position')).toHaveText(`Question 1 of ${ITEMS}`);
    }
  });

  await test.step('the teacher pauses: Next waits and says why, her choices stay, and go once resumed', async () => {
    const item = studentA.page.getByTestId('diagnostic-item');
    const next = item.getByRole('button', { name: 'Next' });
    await item.getByRole('radio').first().check();
    await item.getByRole('radio', { name: 'Sure', exact: true }).check();
    await dashboard.getByRole('button', { name: 'Pause the class' }).click();
    await expect(next).toBeDisabled();
    await expect(next).toHaveAccessibleDescription(/paused the class: your choices are kept/);
    await dashboard.getByRole('button', { name: 'Resume the class' }).click();
    await expect(item.getByRole('radio').first()).toBeChecked();
    await next.click();
    await expect(studentA.page.getByTestId('diagnostic-position')).toHaveText(`Question 2 of ${ITEMS}`);
  });

  await test.step('they answer every item; one reloads midway and resumes where she was', async () => {
    for (let position = 2; position <= 3; position++) await answerCurrentItem(studentA, position);
    await studentA.page.reload();
    await expect(studentA.page.getByTestId('diagnostic-position')).toHaveText(`Question 4 of ${ITEMS}`);
    for (let position = 4; position <= ITEMS; position++) await answerCurrentItem(studentA, position);
    for (const [actor] of [students[1]!, students[2]!])
      for (let position = 1; position <= ITEMS; position++) await answerCurrentItem(actor, position);
    for (const [actor] of students)
      await expect(actor.page.getByRole('status')).toContainText('put you in a group');
  });

  await test.step('the teacher sees every student complete', async () => {
    for (const [, name] of students) {
      const row = dashboard.getByTestId(`diagnostic-${name}`);
      await expect(row).toHaveAttribute('data-complete', 'true');
      await expect(row).toContainText(`${ITEMS}/${ITEMS}`);
      // and their profile: misconceptions or strengths, and how sure they were, with the whole profile a click away
      await expect(row.getByTestId(`profile-${name}`)).toContainText(/confidence \d\.\d of 4/);
    }
  });

  await test.step('the teacher keeps two students together, then asks for the impossible and reads why', async () => {
    const panel = dashboard.getByRole('region', { name: 'Propose groups' });
    await panel.getByLabel('Group size').fill('2');
    await panel.getByLabel('First student').selectOption({ label: 'Ada Lovelace' });
    await panel.getByLabel('Second student').selectOption({ label: 'Chen Wei' });
    await panel.getByRole('button', { name: 'Keep together' }).click();
    await panel.getByRole('button', { name: 'Propose', exact: true }).click();
    const adasGroup = panel.locator('.proposed-group', {
      has: dashboard.getByTestId('proposed-Ada Lovelace'),
    });
    await expect(adasGroup.getByTestId('proposed-Chen Wei')).toBeVisible();
    // Also apart: no grouping can do both, and the refusal names them.
    await panel.getByRole('button', { name: 'Keep apart' }).click();
    await panel.getByRole('button', { name: 'Propose', exact: true }).click();
    const conflicts = panel.getByRole('list', { name: 'Conflicting constraints' });
    await expect(conflicts).toContainText('Ada Lovelace');
    await expect(conflicts).toContainText('Chen Wei');
    await expect(conflicts).toContainText('keep apart');
    await panel.getByRole('button', { name: /^Remove keep apart/ }).click();
    await panel.getByRole('button', { name: /^Remove keep together/ }).click();
    await expect(panel.getByRole('list', { name: 'Constraints', exact: true }).locator('li')).toHaveCount(0);
  });

  const { movedName, movedTo } =
    await test.step('the teacher proposes mixed groups of two, adjusts and publishes them', async () => {
      const panel = dashboard.getByRole('region', { name: 'Propose groups' });
      await panel.getByLabel('Mode').selectOption('mix');
      await panel.getByLabel('Group size').fill('2');
      await panel.getByRole('button', { name: 'Propose', exact: true }).click();
      await expect(panel.getByTestId('proposed-group-2')).toBeVisible();
      for (const [, name] of students) await expect(panel.getByTestId(`proposed-${name}`)).toBeVisible();
      // Drag a student from the pair to the other proposed group before publishing (both groups stay non-empty)
      const membersOf = (group: number) =>
        panel.getByTestId(`proposed-group-${group}`).locator('li[draggable]');
      const from = (await membersOf(1).count()) === 2 ? 1 : 2;
      const to = from === 1 ? 2 : 1;
      const moved = (await membersOf(from).first().getAttribute('data-testid')) as string;
      // by the name, where the card shows its grip
      await membersOf(from)
        .first()
        .locator('.proposed-member__name')
        .dragTo(panel.getByTestId(`proposed-group-${to}`));
      await expect(panel.getByTestId(`proposed-group-${to}`).getByTestId(moved)).toBeVisible();
      // What the hand-made move did, in words (no bare score), and the summaries describe the groups as they now are.
      await expect(panel.getByTestId('grouping-change')).toContainText(
        /Your changes (make the groups (more|less) mixed than the proposal|keep the groups about as mixed as proposed)/,
      );
      await expect(panel.getByText(/score/i)).toHaveCount(0);
      // the three answered every item alike (the first option), and the summary says so rather than "Mixed"
      await expect(panel.getByTestId(`group-summary-${to}`)).toContainText(/^Alike/);
      await expect(membersOf(to)).toHaveCount(2);
      await panel.getByRole('button', { name: 'Publish' }).click();
      await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
      await expect(dashboard.getByTestId('group-Group 2')).toBeVisible();
      return { movedName: moved.replace('proposed-', ''), movedTo: to };
    });

  await test.step("each student's page moves to their group's board", async () => {
    for (const [actor] of students) {
      await actor.waitForEditor();
      await expect(actor.page.getByTestId('my-group')).toHaveText(/^Group [12]$/);
    }
    // the published groups are the adjusted ones, in order
    const [movedActor] = students.find(([, name]) => name === movedName)!;
    await expect(movedActor.page.getByTestId('my-group')).toHaveText(`Group ${movedTo}`);
  });

  await test.step('a student who joins late is placed on finishing the diagnostic, in the smaller group, and nobody else moves', async () => {
    const late = 'Dara Okafor';
    const groupsBefore = await Promise.all(
      students.map(([a]) => a.page.getByTestId('my-group').textContent()),
    );
    await joinClass(studentD, joinCode, late);
    await expect(studentD.page.getByTestId('diagnostic-position')).toHaveText(`Question 1 of ${ITEMS}`);
    // Meanwhile the teacher's strip names her, and takes the teacher to her group choice.
    const waiting = dashboard.getByTestId('attention-waiting-Not in a group');
    await expect(waiting).toContainText(`${late} has no group yet`);
    await waiting.click();
    await expect(dashboard.getByLabel(`Group for ${late}`)).toBeFocused();
    for (let position = 1; position <= ITEMS; position++)
      await answerCurrentItem(studentD, position, 'board');
    await studentD.waitForEditor();
    await expect(studentD.page.getByTestId('my-group')).toHaveText(`Group ${movedTo === 1 ? 2 : 1}`);
    await expect(waiting).toHaveCount(0);
    for (const [i, [actor]] of students.entries())
      await expect(actor.page.getByTestId('my-group')).toHaveText(groupsBefore[i]!);
  });
});
