import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { readPdf } from '@conjecture/server/testkit/readPdf';
import { expect, test } from '../fixtures/test.js';
import { addNote } from '../fixtures/notes.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';

const ADA_NOTE = '3 pens for $2 is 0.67 a pen';
const BRUNO_NOTE = 'and 5 for $3 is 0.60, so cheaper';
const REFLECTION = 'Dividing the price by the pens made it fair';
const BRUNO_NEXT_STEP = 'Try it with 7 pens';
const BRUNO_LATER = 'Try it with 7 pens, then with 70';

/** The teacher's Export menu → "Share with a coach…": the dialog. */
async function openShareDialog(dashboard: Page) {
  await dashboard.getByRole('button', { name: 'Export' }).click();
  await dashboard.getByRole('menuitem', { name: 'Share with a coach…' }).click();
  const dialog = dashboard.getByRole('dialog', { name: 'Share the evidence with a coach' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Nothing runs off the right of the window (a 1366×768 laptop), on the tab shown. */
const fitsTheWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('a coach reads the evidence from a revocable link: groups, replay without restore, talk, reflections, the PDF; never the teacher page; the link turned off', async ({
  teacher,
  studentA,
  studentB,
  coach,
}) => {
  test.slow(); // four actors, live boards, a replay and a PDF on a shared machine
  const dashboard = teacher.page;
  const { classId, joinCode } = await createClassAndOpenDashboard(teacher, 'Pen deals');

  await test.step('two students in one group write on their board and reflect', async () => {
    await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
    await addNote(studentA, { id: 'shape:adaPrice', text: ADA_NOTE, x: 100 });
    await addNote(studentB, { id: 'shape:brunoPrice', text: BRUNO_NOTE, x: 420 });
    await expect(studentA.page.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(2);
    // Tagged before the coach reads (the coach's page reads the evidence as it stands; no live socket).
    await expect(dashboard.getByTestId('tagged-contribution').filter({ hasText: ADA_NOTE })).toBeVisible();
    await dashboard.getByRole('button', { name: 'Ask for reflections' }).click();
    const reflection = studentA.page.getByRole('dialog', { name: 'Look back on today' });
    await reflection.getByLabel('What worked for you today?').fill(REFLECTION);
    await reflection.getByRole('button', { name: 'Save my reflection' }).click();
    await expect(reflection.getByRole('status')).toContainText('Saved');
  });

  const coachLink = await test.step('the teacher makes a coach link from Export', async () => {
    const dialog = await openShareDialog(dashboard);
    await expect(dialog).toContainText("with students' real names");
    await expect(dialog.getByTestId('coach-link-status')).toHaveText('No coach link is on.');
    await dialog.getByRole('button', { name: 'Make a coach link' }).click();
    const field = dialog.getByLabel('Coach link');
    await expect(field).toHaveValue(new RegExp(`/coach/${classId}#key=.{16,}$`));
    await expectNoSeriousAxeViolations(dashboard, 'the share-with-a-coach dialog with a new link');
    await dashboard.screenshot({ path: test.info().outputPath('share-dialog.png') });
    const link = await field.inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    // back on the menu's button, not on the page's last control (Delete the class)
    await expect(dashboard.getByRole('button', { name: 'Export' })).toBeFocused();
    return link;
  });

  const page = coach.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const group = page.getByTestId('coach-group-Group 1');
  await test.step('the coach opens it in a browser of their own: the group, both names, who took part', async () => {
    await page.goto(coachLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Pen deals' })).toBeVisible();
    await expect(page.getByText('Read-only evidence')).toBeVisible();
    expect(page.url()).not.toContain('#key='); // the secret is taken off the address bar
    await expect(group.getByTestId('group-members')).toHaveText('Ada, Bruno');
    const bar = group.getByTestId('participation');
    await expect(bar.getByRole('img')).toHaveAttribute('aria-label', /Share of contributions: .*Ada \d+%/);
    await expect(bar.getByRole('listitem')).toHaveCount(2);
    expect(await fitsTheWidth(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('coach-groups.png') });
  });

  await test.step('the replay of the group, with no control to restore the board', async () => {
    await group.getByRole('button', { name: "Replay Group 1's board" }).click();
    const replay = page.getByTestId('replay');
    await expect(replay.getByTestId('replay-status')).toHaveText(
      /^Change (\d+) of \1 · .+ · \d+ shapes? by the group$/,
    );
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(2);
    await expect(replay.getByRole('button', { name: 'Restore this moment' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('coach-replay.png') });
    await replay.getByRole('button', { name: 'Back to the evidence' }).click();
    await expect(replay).toBeHidden();
    await expect(group.getByRole('button', { name: "Replay Group 1's board" })).toBeFocused();
  });

  await test.step('the talk and questions, read-only', async () => {
    await page.getByRole('tab', { name: 'Talk and questions' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Talk and questions' });
    await expect(panel.getByTestId('discourse-Group 1')).toBeVisible();
    const tagged = panel.getByTestId('tagged-contribution').filter({ hasText: ADA_NOTE });
    await expect(tagged).toContainText('Ada');
    await expect(tagged.getByTestId('tag-reading')).toContainText('Talk move: ');
    await expect(tagged.getByRole('combobox')).toHaveCount(0); // nothing to correct
    await expect(panel.getByRole('link', { name: /Download your corrections/ })).toHaveCount(0);
    expect(await fitsTheWidth(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('coach-talk.png'), fullPage: true });
  });

  await test.step('the reflections, and one written since, after Refresh', async () => {
    await page.getByRole('tab', { name: 'Reflections' }).click();
    const row = page.getByTestId('reflection-row').filter({ hasText: 'Ada' });
    await expect(row).toContainText(REFLECTION);
    const reflection = studentB.page.getByRole('dialog', { name: 'Look back on today' });
    await reflection.getByLabel('What is your next step?').fill(BRUNO_NEXT_STEP);
    await reflection.getByRole('button', { name: 'Save my reflection' }).click();
    await expect(reflection.getByRole('status')).toContainText('Saved');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('reflection-row').filter({ hasText: 'Bruno' })).toContainText(
      BRUNO_NEXT_STEP,
    );
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Reflections' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('coach-read-at')).toHaveText(/^Read at \d/);
    expect(await fitsTheWidth(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('coach-reflections.png') });
  });

  await test.step('back on the page a minute later, the coach finds the evidence read again by itself', async () => {
    const reflection = studentB.page.getByRole('dialog', { name: 'Look back on today' });
    await reflection.getByLabel('What is your next step?').fill(BRUNO_LATER);
    await reflection.getByRole('button', { name: 'Save my reflection' }).click();
    await expect(reflection.getByRole('status')).toContainText('Saved');
    // the page's clock a minute on, and its tab shown again (as when the coach comes back to it)
    await page.evaluate(() => {
      const now = Date.now.bind(Date);
      Date.now = () => now() + 61_000;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(page.getByTestId('reflection-row').filter({ hasText: 'Bruno' })).toContainText(BRUNO_LATER);
  });

  await test.step('the evidence pack as a PDF, with the real names; and not the teacher-only items', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('menuitem', { name: 'All class data (JSON)' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'Share with a coach…' })).toHaveCount(0);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Evidence pack (PDF)' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = new Uint8Array(fs.readFileSync((await file.path())!));
    expect(bytes.byteLength).toBeGreaterThan(2_000);
    expect((await readPdf(bytes)).text.join('\n')).toContain('Group 1: Ada, Bruno');
  });

  await test.step("the coach's browser cannot open the teacher's page, and is back on the evidence without the key", async () => {
    await page.goto(`/teach/${classId}`);
    await expect(page.getByRole('heading', { name: 'Cannot open the class' })).toBeVisible();
    await page.goto(`/coach/${classId}`);
    await expect(group.getByTestId('group-members')).toHaveText('Ada, Bruno');
  });

  await test.step('the teacher turns the link off: the coach is told, on their next visit', async () => {
    const dialog = await openShareDialog(dashboard);
    await expect(dialog.getByTestId('coach-link-status')).toHaveText(
      /^A coach link is on \(made today at .+\)\. Its address was shown when it was made; make a new link to see one\.$/,
    );
    await expect(dialog.getByLabel('Coach link')).toHaveCount(0); // the secret was shown once
    await dialog.getByRole('button', { name: 'Turn the link off' }).click();
    await expect(dialog.getByTestId('coach-link-status')).toHaveText(/^The coach link is off/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('alert')).toHaveText(/not valid or was turned off/);
    await page.reload();
    await expect(page.getByRole('alert')).toHaveText(
      'This coach link is not valid or was turned off. Ask the teacher for a new one.',
    );
    await expect(group).toHaveCount(0);
    // The old link itself opens nothing either (from another page: a change of the hash alone loads nothing).
    await page.goto('/');
    await page.goto(coachLink);
    await expect(page.getByRole('alert')).toHaveText(/not valid or was turned off/);
  });
});
