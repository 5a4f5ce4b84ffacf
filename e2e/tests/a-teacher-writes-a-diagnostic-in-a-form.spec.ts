import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { createClassAndOpenDashboard, joinClass } from '../fixtures/classroom.js';

const ADDS = 'Adds across';
const BIGGER = 'Bigger numbers, bigger fraction';
const DESCRIPTION = 'Comparing and adding halves and quarters: 4 questions, about 5 minutes.';

interface Written {
  stem: string;
  /** The skills it checks, in order: the first in the field a question starts with. */
  skills: string[];
  correct: string;
  /** Each wrong answer and the misconception it shows (null: left for later). */
  wrong: Array<[text: string, misconception: string | null]>;
}

const QUESTIONS: Written[] = [
  {
    stem: 'Which is greater, 1/2 or 1/4?',
    skills: ['Comparing fractions'],
    correct: '1/2, because halves are bigger pieces',
    wrong: [
      ['1/4, because 4 is more than 2', BIGGER],
      ['They are equal, because both have a 1 on top', ADDS],
    ],
  },
  {
    stem: 'What is 1/2 + 1/4?',
    skills: ['Adding fractions', 'Comparing fractions'],
    correct: '3/4',
    wrong: [
      ['2/6', ADDS],
      ['1/8', BIGGER],
    ],
  },
  {
    stem: 'Which is greater, 2/3 or 3/4?',
    skills: ['Comparing fractions'],
    correct: '3/4, because it is only a quarter short of a whole',
    wrong: [
      ['They are equal, because each is one piece short', ADDS],
      ['2/3, because thirds are fewer pieces', BIGGER],
    ],
  },
  {
    stem: 'What is 1/3 + 1/3?',
    skills: ['Adding fractions'],
    correct: '2/3',
    wrong: [
      ['2/6', ADDS],
      ['1/9', null],
    ],
  },
];

/** Fills question `n` (1-based) of the form: its words, skills, answers, the correct one and the misconceptions. */
async function writeQuestion(dialog: Locator, n: number, q: Written): Promise<void> {
  const question = dialog.getByRole('group', { name: `Question ${n}`, exact: true });
  await question.getByLabel('Question', { exact: true }).fill(q.stem);
  for (const [i, skill] of q.skills.entries()) {
    const field = question.getByLabel(`Skill ${i + 1}`, { exact: true });
    if (i > 0) {
      await question.getByRole('button', { name: 'Add another skill' }).click();
      await expect(field).toBeFocused();
    }
    await field.fill(skill);
  }
  await question.getByLabel('Answer A', { exact: true }).fill(q.correct);
  const correct = question.getByRole('radio', { name: 'A', exact: true });
  await correct.click();
  await expect(correct).toBeChecked();
  for (const [i, [text, misconception]] of q.wrong.entries()) {
    const letter = String.fromCharCode(66 + i);
    await question.getByLabel(`Answer ${letter}`, { exact: true }).fill(text);
    if (misconception)
      await question.getByLabel(`Misconception in answer ${letter}`).selectOption({ label: misconception });
  }
}

test('a teacher writes a diagnostic in a form, and a student takes it', async ({ teacher, studentA }) => {
  const dashboard = teacher.page;
  await dashboard.setViewportSize({ width: 1366, height: 768 });
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Halves and quarters');
  const dialog = dashboard.getByRole('dialog', { name: 'Write your own diagnostic' });
  const use = dialog.getByRole('button', { name: 'Use this diagnostic' });
  const firstProblem = dialog.getByTestId('authoring-first-problem');
  const problems = dialog.getByRole('status').getByRole('list', { name: 'Problems to fix' });

  await test.step('the form opens whole at 1366×768, its actions in sight, nothing usable yet', async () => {
    await dashboard.getByRole('button', { name: 'Write your own' }).click();
    await expect(dialog).toBeInViewport({ ratio: 1 });
    await expect(use).toBeInViewport({ ratio: 1 });
    await expect(use).toBeDisabled();
    await expect(firstProblem).toHaveText('To fix first: Give the diagnostic a title');
    await expect(problems).toContainText('A diagnostic has 4 to 8 questions; this one has 1');
  });

  await test.step('the teacher names two misconceptions', async () => {
    await dialog.getByLabel('Title', { exact: true }).fill('Halves and quarters');
    await dialog.getByLabel('Description (only teachers see it)').fill(DESCRIPTION);
    const misconceptions: Array<[string, string, string]> = [
      [ADDS, 'Adds tops and bottoms as separate numbers.', 'Draw both fractions on the same bar.'],
      [BIGGER, 'Reads a bigger denominator as a bigger fraction.', 'Fold a paper strip into 2 and into 4.'],
    ];
    for (const [i, [name, thinking, nextStep]] of misconceptions.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: 'Add a misconception' }).click();
      const fields = dialog.getByRole('group', { name: `Misconception ${i + 1}`, exact: true });
      await fields.getByLabel('Name (only you see it)').fill(name);
      await fields.getByLabel('What the student is likely thinking').fill(thinking);
      await fields.getByLabel('Next step, worded for the student').fill(nextStep);
    }
  });

  await test.step('writes four questions; the last wrong answer without its misconception is listed', async () => {
    for (const [i, q] of QUESTIONS.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: 'Add a question' }).click();
      await writeQuestion(dialog, i + 1, q);
    }
    const missing = 'Question 4, answer C: say which misconception it shows';
    await expect(problems.getByRole('listitem')).toHaveCount(1);
    await expect(problems).toContainText(missing);
    await expect(firstProblem).toHaveText(`To fix first: ${missing}`);
    await expect(use).toBeDisabled();
    // the form scrolls inside the dialog: the actions stay in sight
    await expect(use).toBeInViewport({ ratio: 1 });
    await expectNoSeriousAxeViolations(dashboard, 'the written diagnostic with one problem left');
  });

  await test.step('a skill named twice in a question is listed, and removing it clears it', async () => {
    const second = dialog.getByRole('group', { name: 'Question 2', exact: true });
    await second.getByRole('button', { name: 'Add another skill' }).click();
    await second.getByLabel('Skill 3', { exact: true }).fill('adding  fractions');
    await expect(problems).toContainText(
      'Question 2: skill 3 is the same as skill 1: remove it or name another',
    );
    const remove = second.getByRole('button', { name: 'Remove skill 3 of question 2' });
    // a row's remove button is the form's small one, whether it removes a skill or an answer
    const answerRemove = second.getByRole('button', { name: 'Remove answer C of question 2' });
    expect((await remove.boundingBox())?.height).toBe(28);
    expect((await answerRemove.boundingBox())?.height).toBe(28);
    await remove.click();
    await expect(second.getByLabel('Skill 2', { exact: true })).toBeFocused();
    await expect(problems.getByRole('listitem')).toHaveCount(1);
  });

  await test.step('a reload keeps what was written', async () => {
    await dashboard.reload();
    await dashboard.getByRole('button', { name: 'Write your own' }).click();
    const last = dialog.getByRole('group', { name: 'Question 4', exact: true });
    await expect(last.getByLabel('Question', { exact: true })).toHaveValue(QUESTIONS[3]!.stem);
    await expect(firstProblem).toHaveText(
      'To fix first: Question 4, answer C: say which misconception it shows',
    );
  });

  await test.step('naming the last misconception clears the list, and the diagnostic is used', async () => {
    const last = dialog.getByRole('group', { name: 'Question 4', exact: true });
    await last.getByLabel('Misconception in answer C').selectOption({ label: BIGGER });
    await expect(dialog.getByRole('status')).toContainText('Nothing to fix');
    await expect(problems.getByRole('listitem')).toHaveCount(0);
    await expect(firstProblem).toHaveCount(0);
    await expect(use).toBeEnabled();
    await use.click();
    await expect(dialog).toBeHidden();
    await expect(dashboard.getByTestId('diagnostic-status')).toContainText('In use: 4 items');
    const inUse = dashboard.getByTestId('diagnostic-in-use');
    await expect(inUse).toContainText('Halves and quarters');
    await expect(inUse).toContainText(DESCRIPTION);
    // the progress table says why it is empty rather than showing bare headings
    await expect(dashboard.getByTestId('diagnostic-no-students')).toContainText('No student has joined yet');
  });

  await test.step('a student who joins gets the first question and its answers', async () => {
    await joinClass(studentA, joinCode, 'Ada Lovelace');
    const item = studentA.page.getByTestId('diagnostic-item');
    await expect(studentA.page.getByTestId('diagnostic-position')).toHaveText('Question 1 of 4');
    await expect(item).toContainText(QUESTIONS[0]!.stem);
    const first = QUESTIONS[0]!;
    for (const text of [first.correct, ...first.wrong.map(([t]) => t)])
      await expect(item.getByRole('radio', { name: text, exact: true })).toBeVisible();
    await expect(dashboard.getByTestId('diagnostic-Ada Lovelace')).toContainText('0/4');
    await expect(dashboard.getByTestId('diagnostic-no-students')).toBeHidden();
  });

  await test.step('the used draft is forgotten: the form opens empty, and starts again from the diagnostic in use, all of it', async () => {
    await dashboard.getByRole('button', { name: 'Write your own' }).click();
    await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('');
    await dialog.getByRole('button', { name: 'Start from this class’s diagnostic' }).click();
    await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Halves and quarters');
    await expect(dialog.getByRole('group', { name: 'Question 4', exact: true })).toBeVisible();
    await expect(dialog.getByRole('group', { name: 'Question 5', exact: true })).toHaveCount(0);
    await expect(dialog.getByLabel('Description (only teachers see it)')).toHaveValue(DESCRIPTION);
    const second = dialog.getByRole('group', { name: 'Question 2', exact: true });
    for (const [i, skill] of QUESTIONS[1]!.skills.entries())
      await expect(second.getByLabel(`Skill ${i + 1}`, { exact: true })).toHaveValue(skill);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});
