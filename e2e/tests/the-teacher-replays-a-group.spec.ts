import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { addNote } from '../fixtures/notes.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';

const QUESTION = 'How do you know which fraction is bigger?';
/** One of the four NCTM types as the dashboard names them, or the words for a question left untyped. */
const QUESTION_TYPE_WORDS =
  /^Question type: (Gathering information|Probing thinking|Making the mathematics visible|Encouraging reflection and justification|Question, type not shown)$/;

/** The options of a select whose text would not fit the select's box (a native select clips it unseen). */
const textsClippedIn = (select: Locator) =>
  select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [...el.options].map((o) => o.text).filter((text) => context.measureText(text).width > room);
  });

const shapesShown = async (actor: Actor) =>
  Number(await actor.page.getByTestId('replay').locator('.replay__board').getAttribute('data-shapes'));

test('the teacher replays a group: scrubs back to fewer shapes, plays to the board as it is, reads the tagged talk, restores a wiped board', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Comparing fractions');
  await test.step('two students join one group', () =>
    twoStudentsInOneGroup(teacher, joinCode, studentA, studentB));

  await test.step('the students write on their group board', async () => {
    await addNote(studentA, { id: 'shape:claim', text: 'I think 3/4 is bigger because 9/12 > 8/12', x: 100 });
    await addNote(studentB, { id: 'shape:second', text: 'Both are close to one', x: 400 });
    await addNote(studentA, { id: 'shape:third', text: 'Draw them on a number line', x: 700 });
    await expect(studentB.page.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(3);
  });

  const group = dashboard.getByTestId('group-Group 1');
  await test.step('the dashboard shows who took part', async () => {
    const bar = group.getByTestId('participation');
    await expect(bar.getByRole('img')).toHaveAttribute('aria-label', /Share of contributions: .+%/);
    await expect(bar.getByRole('listitem')).toHaveCount(2);
    await group.screenshot({ path: test.info().outputPath('group-card.png') });
  });

  await test.step('the teacher poses a question to all groups', async () => {
    const questions = dashboard.getByRole('region', { name: 'Questions' });
    await questions.getByLabel('Question').fill(QUESTION);
    await questions.getByRole('button', { name: 'Pose the question' }).click();
  });

  // Wait for the claim's and the question's tags, so the replay's timeline holds them tagged.
  await expect(dashboard.getByTestId('tagged-contribution').filter({ hasText: '9/12 > 8/12' })).toBeVisible();
  await expect(dashboard.getByTestId('tagged-contribution').filter({ hasText: QUESTION })).toBeVisible();

  const replay = dashboard.getByTestId('replay');
  const status = replay.getByTestId('replay-status');
  const end =
    await test.step('the teacher opens the replay: it starts at the board as it is now', async () => {
      await group.getByRole('button', { name: "Replay Group 1's board" }).click();
      await expect(status).toHaveText(/^Change (\d+) of \1 · .+ · \d+ shapes by the group$/);
      const [, last] = /^Change (\d+)/.exec((await status.textContent()) ?? '') ?? [];
      const shapes = await shapesShown(teacher);
      // The three notes are the group's; the task card the server placed is the lesson's, not counted.
      expect(shapes).toBe(3);
      await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(3);
      return { step: Number(last), shapes };
    });

  await test.step('scrubbing back shows an earlier board with fewer shapes', async () => {
    const thumb = replay.getByRole('slider', { name: 'Replay position' });
    await thumb.focus();
    await dashboard.keyboard.press('Home');
    await expect(status).toHaveText(/^Before anyone wrote · \d+ changes to come$/);
    // Step by step with the arrow keys until the first note appears, with the others still to come.
    for (
      let i = 0;
      i < end.step && (await replay.locator('.tl-shape[data-shape-type="note"]').count()) === 0;
      i++
    )
      await dashboard.keyboard.press('ArrowRight');
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(1);
    expect(await shapesShown(teacher)).toBeLessThan(end.shapes);
  });

  await test.step('playing forward at 8× reaches the board as it is now', async () => {
    await replay.getByLabel('Speed').selectOption('8');
    await replay.getByRole('button', { name: 'Play' }).click();
    await expect(status).toHaveText(new RegExp(`^Change ${end.step} of ${end.step} · `), { timeout: 30_000 });
    await expect(replay.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(3);
    expect(await shapesShown(teacher)).toBe(end.shapes);
  });

  await test.step('the timeline shows the tagged contribution, and choosing it jumps there', async () => {
    const timeline = replay.getByRole('list', { name: 'Discourse timeline' });
    const entry = timeline.getByRole('button').filter({ hasText: '9/12 > 8/12' });
    await expect(entry).toContainText('On the board');
    await expect(entry.locator('.discourse-timeline__move')).toHaveText(/\S/);
    // The question with its type (or that the tagger was not sure of one); the claim is no question.
    const question = timeline.getByRole('button').filter({ hasText: QUESTION });
    await expect(question.getByTestId('timeline-question-type')).toHaveText(QUESTION_TYPE_WORDS);
    await expect(entry.getByTestId('timeline-question-type')).toHaveCount(0);
    // Filtered to the questions, and every choice of the filter whole in its box (the column clipped the
    // longest, "Encouraging reflection and justification (1)").
    const show = replay.getByLabel('Show');
    expect(await textsClippedIn(show)).toEqual([]);
    await show.selectOption('questions'); // all questions
    await expect(question).toBeVisible();
    await expect(entry).toHaveCount(0);
    await show.selectOption('all');
    await entry.click();
    await expect(entry).toHaveAttribute('aria-current', 'step');
    await expect(replay.locator('.tl-shape[data-shape-type="note"]').first()).toBeVisible();
    await dashboard.screenshot({ path: test.info().outputPath('replay.png') });
    await expectNoSeriousAxeViolations(dashboard, 'the replay view');
  });

  await test.step('during the lesson, the replay loads what was written since', async () => {
    await addNote(studentB, { id: 'shape:later', text: 'What about 5/6?', x: 1000 });
    // The server stores an update before relaying it: once the dashboard's thumbnail has it, the log does.
    await expect(group.locator('.board-thumbnail g[data-shape-type="note"]')).toHaveCount(4);
    await replay.getByRole('button', { name: 'Load the latest' }).click();
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(4);
    await expect(status).toHaveText(/^Change (\d+) of \1 · /);
  });

  await test.step('a student wipes the board; the teacher restores the moment before, and everyone has it back', async () => {
    const notes = (actor: Actor) => actor.page.locator('.tl-shape[data-shape-type="note"]');
    await studentB.page.evaluate(() => {
      // select all, delete: one cheap change that no classmate's undo brings back
      const editor = window.__conjecture!.editor as unknown as {
        selectAll(): void;
        getSelectedShapeIds(): string[];
        deleteShapes(ids: string[]): void;
      };
      editor.selectAll();
      editor.deleteShapes(editor.getSelectedShapeIds());
    });
    await expect(notes(studentA)).toHaveCount(0);
    await expect(group.locator('.board-thumbnail g[data-shape-type="note"]')).toHaveCount(0);
    await replay.getByRole('button', { name: 'Load the latest' }).click();
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(0);
    const restore = replay.getByRole('button', { name: 'Restore this moment' });
    await expect(restore).toBeDisabled(); // the board as it is now: nothing to restore, and it says so
    await expect(restore).toHaveAccessibleDescription(/^This is the board as it is now/);
    // Back, step by step, to the last moment with the four notes.
    await replay.getByRole('slider', { name: 'Replay position' }).focus();
    for (let i = 0; i < 10 && (await replay.locator('.tl-shape[data-shape-type="note"]').count()) < 4; i++)
      await dashboard.keyboard.press('ArrowLeft');
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(4);
    await restore.click();
    const confirm = dashboard.getByRole('dialog', { name: /^Put Group 1's board back as it was at / });
    await expectNoSeriousAxeViolations(dashboard, 'the restore dialog');
    await confirm.getByRole('button', { name: 'Restore the board' }).click();
    await expect(replay.getByTestId('restore-outcome')).toHaveText(
      /^Restored to .+: 4 items back, 0 items taken off\.$/,
    );
    await expect(notes(studentA)).toHaveCount(4);
    await expect(notes(studentB)).toHaveCount(4);
    await expect(group.locator('.board-thumbnail g[data-shape-type="note"]')).toHaveCount(4);
    // The replay ends on the restored board, and still holds the wiped one just before it.
    await expect(status).toHaveText(/^Change (\d+) of \1 · /);
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(4);
    await replay.getByRole('slider', { name: 'Replay position' }).focus();
    await dashboard.keyboard.press('ArrowLeft');
    await expect(replay.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(0);
    // Escape goes back too; the keyboard goes on from the group card, not from the top of the dashboard.
    await dashboard.keyboard.press('Escape');
    await expect(replay).toBeHidden();
    await expect(group.getByRole('button', { name: "Replay Group 1's board" })).toBeFocused();
  });
});
