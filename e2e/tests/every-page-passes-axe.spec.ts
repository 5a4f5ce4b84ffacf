import { expect, test } from '../fixtures/test.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { createClassAndOpenDashboard, joinClass, openDraft } from '../fixtures/classroom.js';

/**
 * Every page and state of a lesson, checked with axe-core (WCAG 2.0/2.1 A and AA): no serious or critical
 * violation. The checks are soft, so one run lists the findings of every state. axe reads the DOM only: what
 * is drawn on tldraw's canvas is covered by the shapes' aria descriptors (math-shapes-are-described.spec.ts).
 */
test('every page and state of a lesson passes axe (WCAG 2.1 A and AA, no serious or critical violation)', async ({
  teacher,
  studentA,
  projector,
  coach,
}) => {
  test.slow(); // four actors, a live board, a draft, the projector, thumbnails, a plan, reflections, a coach
  const dashboard = teacher.page;
  const student = studentA.page;

  await test.step('the home page, the join page and the new-class page', async () => {
    await student.goto('/?debug');
    // a student and a teacher each find their door first; a class-less board comes after
    await expect(student.getByRole('region', { name: 'Students' }).getByRole('link')).toHaveText(
      'Join a class',
    );
    await expect(student.getByRole('region', { name: 'Teachers' }).getByRole('link')).toHaveText('New class');
    await expectNoSeriousAxeViolations(student, 'the home page');
    await student.goto('/join?debug');
    await expect(student.getByLabel('Class code')).toBeVisible();
    await expectNoSeriousAxeViolations(student, 'the join page');
    await dashboard.goto('/new?debug');
    await expect(dashboard.getByLabel('Title')).toBeVisible();
    await expectNoSeriousAxeViolations(dashboard, 'the new-class page');
  });

  const { joinCode, projectorLink } =
    await test.step('the dashboard before the lesson: Prepare', async () => {
      const created = await createClassAndOpenDashboard(teacher, 'Better deals');
      await expect(dashboard.getByRole('tab', { name: 'Prepare' })).toHaveAttribute('aria-selected', 'true');
      await dashboard.getByRole('button', { name: 'Use our fractions & ratios diagnostic' }).click();
      await expect(dashboard.getByTestId('diagnostic-status')).toContainText('In use');
      await expectNoSeriousAxeViolations(dashboard, 'the dashboard, Prepare view, before the lesson');
      return created;
    });

  await test.step('the projector’s join-code screen', async () => {
    const [path, hash] = projectorLink.split('#');
    await projector.page.goto(`${path}?debug#${hash}`);
    await expect(projector.page.getByTestId('join-screen')).toBeVisible();
    await expectNoSeriousAxeViolations(projector.page, 'the projector’s join-code screen');
  });

  await test.step('the student’s diagnostic', async () => {
    await joinClass(studentA, joinCode, 'Ada');
    await expect(student.getByTestId('diagnostic-item')).toBeVisible();
    await expectNoSeriousAxeViolations(student, 'the diagnostic');
  });

  await test.step('the student’s board, and the dashboard live', async () => {
    await dashboard.getByRole('button', { name: 'New group' }).click();
    await expect(dashboard.getByTestId('group-Group 1')).toBeVisible();
    await dashboard.getByLabel('Group for Ada').selectOption({ label: 'Group 1' });
    await studentA.waitForEditor();
    await expectNoSeriousAxeViolations(student, 'the student’s board');
    await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
    await expect(dashboard.getByTestId('group-Group 1').locator('.board-thumbnail svg')).toBeVisible();
    await expect(dashboard.getByTestId('student-Ada')).toHaveAttribute('data-online', 'true');
    await expectNoSeriousAxeViolations(dashboard, 'the dashboard, Live lesson view');
    await dashboard.getByRole('tab', { name: 'Strategies' }).click();
    await expect(dashboard.getByRole('tabpanel', { name: 'Strategies' })).toBeVisible();
    await expectNoSeriousAxeViolations(dashboard, 'the dashboard, Strategies view');
    await dashboard.getByRole('tab', { name: 'Prepare' }).click();
    await expect(dashboard.getByRole('tabpanel', { name: 'Prepare' })).toBeVisible();
    await expectNoSeriousAxeViolations(dashboard, 'the dashboard, Prepare view, during the lesson');
    await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
  });

  const equation = 'shape:axeEquation';
  await test.step('the critique panel open, and a pin on the board', async () => {
    await student.evaluate((id) => {
      window.__conjecture!.editor.createShape({ id, type: 'equation', x: 300, y: 300 });
      window.__conjecture!.editor.select(id);
    }, equation);
    await student.getByTestId('critique-start').click();
    const panel = student.getByTestId('critique-panel');
    await expect(panel).toContainText('No critique yet.');
    await expectNoSeriousAxeViolations(student, 'the critique panel, empty');
    await panel.getByRole('radio', { name: 'Agree', exact: true }).check();
    await panel.getByLabel('Your critique').fill('I agree because both sides are equal');
    await panel.getByRole('button', { name: 'Post' }).click();
    await expect(panel.getByTestId('critique-reply')).toHaveCount(1);
    // the pin is announced with what was said
    await expect(
      student.getByRole('button', { name: /^Critique: 1 reply\. Latest, agree: \u2068I agree because/ }),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(student, 'the critique panel with a reply, and its pin');
  });

  const DRAFT_IDEA = 'maybe 3 for $2 is cheaper per pen';
  await test.step('the student’s draft', async () => {
    await openDraft(studentA);
    await student.evaluate((text) => {
      window.__conjectureDraft!.editor.createShape({
        id: 'shape:axeDraftIdea',
        type: 'note',
        x: 120,
        y: 120,
        props: {
          richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        },
      });
    }, DRAFT_IDEA);
    await expect(student.getByTestId('draft-panel').locator('.tl-canvas')).toContainText(DRAFT_IDEA);
    await expectNoSeriousAxeViolations(student, 'the draft panel');
    await student.getByTestId('draft-panel').getByRole('button', { name: 'Close' }).click();
    await expect(student.getByTestId('draft-panel')).toBeHidden();
  });

  await test.step('the teacher’s read-only view of the student’s draft', async () => {
    // the way in is the Prepare view's roster of private drafts, as in drafts-and-template.spec.ts
    await dashboard.getByRole('tab', { name: 'Prepare' }).click();
    await dashboard.getByRole('button', { name: 'Draft of Ada' }).click();
    const view = dashboard.getByTestId('draft-view');
    await expect(view.locator('.tl-canvas')).toContainText(DRAFT_IDEA);
    await expectNoSeriousAxeViolations(dashboard, 'the teacher’s read-only view of a student’s draft');
    await view.getByRole('button', { name: 'Back to the dashboard' }).click();
    await expect(view).toHaveCount(0);
    await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
  });

  await test.step('a question posed: the notice and the card', async () => {
    await dashboard.getByLabel('Question', { exact: true }).fill('Why is it equal?');
    await dashboard.getByRole('combobox', { name: /^Ask/ }).selectOption({ label: 'Group 1' });
    await dashboard.getByRole('button', { name: 'Pose the question' }).click();
    await expect(dashboard.getByTestId('posed-question')).toContainText('→ Group 1');
    await student.getByRole('button', { name: 'Show the question' }).click();
    await expect(student.locator('.question-card').getByLabel('Your answer')).toBeVisible();
    // the card is announced with its question
    await expect(
      // the teacher's words isolated (FSI … PDI) in the sentence that announces them
      student.getByRole('group', { name: 'Question from your teacher: \u2068Why is it equal?\u2069' }),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(student, 'the board with a question card');
    await expectNoSeriousAxeViolations(dashboard, 'the dashboard with a posed question');
  });

  await test.step('the class paused: the student’s banner and the dashboard', async () => {
    await dashboard.getByRole('button', { name: 'Pause the class' }).click();
    await expect(student.getByTestId('pause-banner')).toBeVisible();
    await expectNoSeriousAxeViolations(student, 'the student’s board, paused');
    await expectNoSeriousAxeViolations(dashboard, 'the dashboard, paused');
    await dashboard.getByRole('button', { name: 'Resume the class' }).click();
    await expect(student.getByTestId('pause-banner')).toBeHidden();
  });

  await test.step('a board on the projector', async () => {
    await dashboard.getByTestId('group-Group 1').getByLabel('On projector').check();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Group 1');
    await expect(projector.page.locator('.projected-board__drawing > svg')).toBeVisible();
    await expectNoSeriousAxeViolations(projector.page, 'the projector showing a board');
  });

  await test.step('a plan step on the projector, and the students following it', async () => {
    // as teacher-sequences-snapshots-and-presents-the-plan.spec.ts: snapshot, plan, present, bring everyone
    const card = dashboard.getByTestId('group-Group 1');
    await card.getByRole('button', { name: 'Take a snapshot' }).click();
    await expect(card.getByTestId('snapshot-status')).toContainText('Snapshot taken');
    await dashboard.getByRole('tab', { name: 'Strategies' }).click();
    const gallery = dashboard.getByRole('list', { name: 'Snapshots of this lesson' });
    await expect(gallery.getByRole('img', { name: /^Snapshot / })).toHaveCount(1);
    await gallery.getByRole('button', { name: 'Add to the plan' }).click();
    await dashboard.getByLabel('Question for step 1').fill('What makes the two sides equal?');
    await dashboard.getByLabel('Question for step 1').blur();
    await expectNoSeriousAxeViolations(
      dashboard,
      'the dashboard, Strategies view, with a snapshot and a plan',
    );

    await dashboard.getByRole('button', { name: 'Present the plan on the projector' }).click();
    const step = projector.page.getByTestId('presented-step');
    await expect(step).toHaveAttribute('data-step', '1');
    await expect(step.getByTestId('step-question')).toHaveText('What makes the two sides equal?');
    await expect(step.locator(`[data-shape-id="${equation}"]`)).toBeVisible();
    await expectNoSeriousAxeViolations(projector.page, 'the projector presenting a plan step');

    await dashboard.getByRole('button', { name: 'Bring everyone to me' }).click();
    const followed = student.getByTestId('following-teacher');
    await expect(followed.getByTestId('following-what')).toHaveText('Step 1 of 1');
    await expect(followed.locator(`[data-shape-id="${equation}"]`)).toBeVisible();
    await expectNoSeriousAxeViolations(student, 'the student following the teacher’s plan step');

    await dashboard.getByRole('button', { name: 'Send students back to their boards' }).click();
    await expect(followed).toHaveCount(0);
    await dashboard.getByRole('button', { name: 'Stop presenting' }).click();
    await expect(projector.page.getByTestId('projector-caption')).toHaveText('Group 1');
    await dashboard.getByRole('tab', { name: 'Live lesson' }).click();
  });

  await test.step('the teacher opens the board', async () => {
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dashboard.getByTestId('board-focus')).toBeVisible();
    await teacher.waitForEditor();
    await expectNoSeriousAxeViolations(dashboard, 'an opened board');
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
    await expect(dashboard.getByTestId('board-focus')).toBeHidden();
  });

  await test.step('every dialog: rename, delete a group, remove a student, delete the class', async () => {
    await dashboard.getByRole('button', { name: 'Rename Group 1' }).click();
    await expect(dashboard.getByLabel('New name for Group 1')).toBeFocused();
    await expectNoSeriousAxeViolations(dashboard, 'renaming a group');
    await dashboard.getByLabel('New name for Group 1').press('Escape');

    const dialog = dashboard.getByRole('dialog');
    const confirm = async (opener: string, state: string) => {
      await dashboard.getByRole('button', { name: opener }).click();
      await expect(dialog).toBeVisible();
      await expectNoSeriousAxeViolations(dashboard, state);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    };
    await confirm('Delete group Group 1', 'the delete-group dialog');
    await confirm('Remove Ada', 'the remove-student dialog');
    await confirm('Delete the class', 'the delete-class dialog');
    await confirm('End the class', 'the end-class dialog');
  });

  await test.step('reflections asked for: the student’s dialog and the dashboard’s Reflections view', async () => {
    await dashboard.getByRole('button', { name: 'Ask for reflections' }).click();
    // it opens on the student’s screen, as a-student-reflects-and-downloads-their-work.spec.ts shows
    const reflection = student.getByRole('dialog', { name: 'Look back on today' });
    await expect(reflection.getByLabel('What worked for you today?')).toBeEnabled();
    await expectNoSeriousAxeViolations(student, 'the student’s reflection dialog, open for writing');
    await reflection.getByLabel('What worked for you today?').fill('Writing both sides as an equation');
    await reflection.getByRole('radio', { name: 'Mostly' }).click();
    await reflection.getByRole('button', { name: 'Save my reflection' }).click();
    await expect(reflection.getByRole('status')).toContainText('Saved');
    await expectNoSeriousAxeViolations(student, 'the student’s reflection dialog, saved');

    await dashboard.getByRole('tab', { name: 'Reflections' }).click();
    await expect(dashboard.getByTestId('reflection-row').filter({ hasText: 'Ada' })).toContainText(
      'Writing both sides as an equation',
    );
    await expect(dashboard.getByTestId('confidence-tally')).toContainText('Mostly: 1');
    await expectNoSeriousAxeViolations(dashboard, 'the dashboard, Reflections view, with a reflection');
  });

  await test.step('the coach’s read-only evidence page, each view and a replay', async () => {
    // as a-coach-reads-the-evidence-from-a-revocable-link.spec.ts: Export → Share with a coach
    await dashboard.getByRole('button', { name: 'Export' }).click();
    await dashboard.getByRole('menuitem', { name: 'Share with a coach…' }).click();
    const share = dashboard.getByRole('dialog', { name: 'Share the evidence with a coach' });
    await share.getByRole('button', { name: 'Make a coach link' }).click();
    const link = await share.getByLabel('Coach link').inputValue();
    await expectNoSeriousAxeViolations(dashboard, 'the share-with-a-coach dialog');
    await share.getByRole('button', { name: 'Close' }).click();

    const page = coach.page;
    await page.goto(link);
    await expect(page.getByTestId('coach-group-Group 1').getByTestId('participation')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the coach’s page, Groups view');
    await page.getByRole('tab', { name: 'Talk and questions' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Talk and questions' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the coach’s page, Talk and questions view');
    await page.getByRole('tab', { name: 'Reflections' }).click();
    await expect(page.getByTestId('reflection-row').filter({ hasText: 'Ada' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the coach’s page, Reflections view');
    await page.getByRole('tab', { name: 'Groups' }).click();
    await page.getByRole('button', { name: "Replay Group 1's board" }).click();
    await expect(page.getByTestId('replay-status')).toHaveText(/^Change (\d+) of \1 · /);
    await expectNoSeriousAxeViolations(page, 'the coach’s replay of a group');
  });
});
