import fs from 'node:fs/promises';
import { expect, test } from '../fixtures/test.js';
import { addNote } from '../fixtures/notes.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { CHROMEBOOK_WINDOW } from '../fixtures/boxes.js';

const NOTE_TEXT = 'cost per pen is 0.67 and 0.60';

test('at the end of the lesson a student reflects, the teacher reads it, and the student downloads their work', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  const ada = studentA.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Better buy');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  await addNote(studentA, { id: 'shape:ada-note', text: NOTE_TEXT });

  await test.step('before the teacher asks, the student can look at their work but not write a reflection', async () => {
    await ada.getByRole('button', { name: 'My work' }).click();
    await ada.getByRole('menuitem', { name: 'Look back on today…' }).click();
    const dialog = ada.getByRole('dialog', { name: 'Look back on today' });
    await expect(dialog.getByTestId('my-contributions')).toContainText(NOTE_TEXT);
    await expect(dialog.getByLabel('What worked for you today?')).toBeDisabled();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the teacher asks for reflections: it opens on the student’s screen', async () => {
    await ada.setViewportSize(CHROMEBOOK_WINDOW);
    await dashboard.getByRole('button', { name: 'Ask for reflections' }).click();
    await expect(dashboard.getByRole('button', { name: 'Close reflections' })).toBeVisible();
    const dialog = ada.getByRole('dialog', { name: 'Look back on today' });
    await expect(dialog).toBeVisible();
    // on a Chromebook's screen the prompts scroll and Save stays in sight (it sat below the dialog's fold)
    await expect(dialog.getByRole('button', { name: 'Save my reflection' })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('heading', { name: 'Look back on today' })).toBeInViewport({ ratio: 1 });
  });

  const dialog = ada.getByRole('dialog', { name: 'Look back on today' });
  await test.step('the student writes and saves their reflection', async () => {
    // nothing answered yet: Save waits for an answer and says so (it used to send and read "invalid body")
    const save = dialog.getByRole('button', { name: 'Save my reflection' });
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription('Answer at least one question to save.');
    await dialog.getByLabel('What worked for you today?').fill('Making a table of cost per pen helped');
    await expect(save).toBeEnabled();
    await dialog.getByLabel('What is your next step?').fill('I will try a graph because it shows the rate');
    await dialog.getByRole('radio', { name: 'Mostly' }).click();
    await dialog.getByRole('button', { name: 'Save my reflection' }).click();
    await expect(dialog.getByRole('status')).toContainText('Saved');
  });

  await test.step('the teacher reads it under Reflections, with the class’s confidence', async () => {
    await dashboard.getByRole('tab', { name: 'Reflections' }).click();
    const row = dashboard.getByTestId('reflection-row').filter({ hasText: 'Ada' });
    await expect(row).toContainText('Making a table of cost per pen helped');
    await expect(row).toContainText('Mostly');
    await expect(dashboard.getByTestId('confidence-tally')).toContainText('Mostly: 1');
  });

  await test.step('the student downloads their work: a document with their note and their reflection', async () => {
    const [download] = await Promise.all([
      ada.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download my work' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Better-buy-my-work.md');
    const text = await fs.readFile((await download.path())!, 'utf8');
    expect(text).toContain('# Better buy');
    expect(text).toContain(NOTE_TEXT);
    expect(text).toContain('Making a table of cost per pen helped');
    expect(text).toContain('**How confident I am now:** Mostly');
  });
});
