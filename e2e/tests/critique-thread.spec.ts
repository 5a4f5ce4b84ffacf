import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';

type ItemKind = 'number-line' | 'equation';

/** The editor calls this spec needs beyond the shared debug handle's type (e2e does not depend on tldraw). */
interface EditorExtras {
  getEditingShapeId(): string | null;
  getShape(id: string): { type: string } | undefined;
  getShapePageBounds(id: string): { midX: number; midY: number } | undefined;
  pageToScreen(point: { x: number; y: number }): { x: number; y: number };
  select(...ids: string[]): unknown;
  selectNone(): unknown;
}

/** The board session's own socket.io connection, authenticated as the page's student (private field). */
interface SessionSocket {
  timeout(ms: number): {
    emit(event: string, payload: unknown, ack: (error: Error | null, result: unknown) => void): void;
  };
}

/**
 * A representation posted by a student from the math toolbar: pick the tool, click the canvas (the shape is
 * placed there and opened for editing), Escape to leave the edit. Returns the new shape's id and type.
 */
async function postItem(
  actor: Actor,
  kind: ItemKind,
  x: number,
  y: number,
): Promise<{ id: string; type: string }> {
  const { page } = actor;
  const before = new Set(await actor.shapeIds());
  const newIds = async () => (await actor.shapeIds()).filter((id) => !before.has(id));
  await page.getByTestId(`tools.${kind}`).click();
  await page.mouse.click(x, y);
  await expect.poll(newIds).toHaveLength(1);
  const id = (await newIds())[0] as string;
  await page.keyboard.press('Escape');
  await expect
    .poll(() =>
      page.evaluate(() => (window.__conjecture!.editor as unknown as EditorExtras).getEditingShapeId()),
    )
    .toBeNull();
  const type = await page.evaluate(
    (shapeId) => (window.__conjecture!.editor as unknown as EditorExtras).getShape(shapeId)?.type ?? null,
    id,
  );
  expect(type).toBe(kind);
  return { id, type: kind };
}

const pinOn = (page: Page, shapeId: string) =>
  page.locator('.board').locator(`[data-testid="critique-pin"][data-shape-id="${shapeId}"]`);
const panelOf = (page: Page) => page.getByTestId('critique-panel');
const replies = (page: Page) => panelOf(page).getByTestId('critique-reply');

async function selectShape(actor: Actor, shapeId: string): Promise<void> {
  await actor.page.evaluate((id) => {
    (window.__conjecture!.editor as unknown as EditorExtras).select(id);
  }, shapeId);
}

/** Moves the real mouse over the middle of a shape, as a person hovering it would. */
async function hoverShape(actor: Actor, shapeId: string): Promise<void> {
  const point = await actor.page.evaluate((id) => {
    const editor = window.__conjecture!.editor as unknown as EditorExtras;
    const bounds = editor.getShapePageBounds(id)!;
    return editor.pageToScreen({ x: bounds.midX, y: bounds.midY });
  }, shapeId);
  await actor.page.mouse.move(point.x - 5, point.y - 5);
  await actor.page.mouse.move(point.x, point.y, { steps: 3 });
}

test('a critique thread: B disagrees with A’s number line, A revises, B cannot edit A’s reply, A resolves', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Fractions on a line');

  await test.step('two students join one group', () =>
    twoStudentsInOneGroup(teacher, joinCode, studentA, studentB));

  const numberLine = await postItem(studentA, 'number-line', 420, 230);
  const equation = await postItem(studentA, 'equation', 460, 520);
  await expect.poll(() => studentB.shapeIds()).toEqual(expect.arrayContaining([numberLine.id, equation.id]));

  const reason = 'I disagree with where 3/4 is because the marks are not evenly spaced';
  await test.step('B critiques the number line: disagree, with a sentence starter', async () => {
    const page = studentB.page;
    await selectShape(studentB, numberLine.id);
    await page.getByTestId('critique-start').click();
    const panel = panelOf(page);
    await expect(panel).toHaveAttribute('data-shape-id', numberLine.id);
    await expect(panel).toContainText('No critique yet.');
    await panel.getByRole('radio', { name: 'Disagree' }).check();
    const starter = panel.getByRole('group', { name: 'Sentence starters' }).getByRole('button').first();
    await expect(starter).toHaveText('I disagree with … because …');
    // a starter is a target a finger on a Chromebook's screen can hit, in the board's body size
    expect((await starter.boundingBox())?.height).toBeGreaterThanOrEqual(28);
    expect(await starter.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
    await starter.click();
    const box = panel.getByLabel('Your critique');
    await expect(box).toHaveValue('I disagree with … because …');
    await box.fill(reason);
    await panel.getByRole('button', { name: 'Post' }).click();
    await expect(replies(page)).toHaveCount(1);
    await expect(replies(page).first()).toContainText('Bruno');
    await expect(replies(page).first()).toContainText('Disagree');
    await expect(replies(page).first().getByTestId('critique-text')).toHaveText(reason);
    await expect(pinOn(page, numberLine.id)).toHaveAttribute(
      'aria-label',
      `Critique: 1 reply. Latest, disagree: \u2068${reason}\u2069`,
    );
    // the equation has no thread, so no pin
    await expect(pinOn(page, equation.id)).toHaveCount(0);
  });

  const revision = 'Now I think 3/4 goes closer to 1 because each quarter has to be the same length';
  await test.step('A sees the pin live, opens the thread and replies “revise”', async () => {
    const page = studentA.page;
    const pin = pinOn(page, numberLine.id);
    await expect(pin).toHaveAttribute(
      'aria-label',
      `Critique: 1 reply. Latest, disagree: \u2068${reason}\u2069`,
    );
    await pin.click();
    await expect(replies(page)).toHaveCount(1);
    await expect(replies(page).first()).toContainText('Bruno');
    await expect(replies(page).first().getByTestId('critique-text')).toHaveText(reason);
    // not A's reply: no edit control
    await expect(replies(page).first().getByRole('button', { name: /^Edit/ })).toHaveCount(0);
    const panel = panelOf(page);
    await panel.getByRole('radio', { name: 'Revise' }).check();
    await panel.getByRole('button', { name: 'Now I think … because …' }).click();
    await panel.getByLabel('Your critique').fill(revision);
    await panel.getByRole('button', { name: 'Post' }).click();
    await expect(replies(page)).toHaveCount(2);
    await expect(replies(page).nth(1)).toContainText('Ada');
    await expect(replies(page).nth(1)).toContainText('Revise');
  });

  await test.step('the pin follows the shape when A moves it', async () => {
    const pin = pinOn(studentB.page, numberLine.id);
    const before = await pin.boundingBox();
    await studentA.page.evaluate((id) => {
      const editor = window.__conjecture!.editor as unknown as {
        updateShape(partial: object): unknown;
        getShape(id: string): { x: number; y: number; type: string };
      };
      const shape = editor.getShape(id);
      editor.updateShape({ id, type: shape.type, x: shape.x + 120, y: shape.y });
    }, numberLine.id);
    await expect.poll(async () => ((await pin.boundingBox())?.x ?? 0) - (before?.x ?? 0)).toBeGreaterThan(60);
  });

  await test.step('B sees A’s reply live with no edit control, and a forced edit is refused', async () => {
    const page = studentB.page;
    await expect(pinOn(page, numberLine.id)).toHaveAttribute(
      'aria-label',
      `Critique: 2 replies. Latest, revise: \u2068${revision}\u2069`,
    );
    const adaReply = replies(page).filter({ hasText: 'Ada' });
    await expect(adaReply.getByTestId('critique-text')).toHaveText(revision);
    await expect(adaReply.getByRole('button', { name: /^(Edit|Delete)/ })).toHaveCount(0);
    await expect(
      replies(page).filter({ hasText: 'Bruno' }).getByRole('button', { name: /^Edit/ }),
    ).toHaveCount(1);
    // B is no author of the number line: no resolve control either
    await expect(panelOf(page).getByRole('button', { name: 'Resolve the thread' })).toHaveCount(0);

    const replyId = (await adaReply.getAttribute('data-reply-id')) as string;
    const refusal = await page.evaluate(
      ({ shapeId, replyId }) =>
        new Promise<unknown>((resolve) => {
          const session = window.__conjecture!.session as unknown as {
            socket: SessionSocket;
            boardId: string;
          };
          const payload = {
            boardId: session.boardId,
            threadId: `critique:${shapeId.replace(/^shape:/, '')}`,
            replyId,
            stance: 'agree',
            text: 'B rewrote this',
          };
          session.socket
            .timeout(20_000)
            .emit('editCritique', payload, (error, result) => resolve(error ? { timeout: true } : result));
        }),
      { shapeId: numberLine.id, replyId },
    );
    expect(refusal).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(adaReply.getByTestId('critique-text')).toHaveText(revision);
    await expect(replies(studentA.page).nth(1).getByTestId('critique-text')).toHaveText(revision);
  });

  await test.step('A resolves the thread; both see it resolved', async () => {
    await panelOf(studentA.page).getByRole('button', { name: 'Resolve the thread' }).click();
    for (const page of [studentA.page, studentB.page]) {
      await expect(pinOn(page, numberLine.id)).toHaveAttribute('data-resolved', 'true');
      await expect(panelOf(page).getByTestId('critique-resolved')).toHaveText('Resolved by Ada');
    }
    await expect(panelOf(studentA.page).getByRole('button', { name: 'Reopen the thread' })).toBeVisible();
    await studentB.page.screenshot({ path: test.info().outputPath('studentB-thread.png') });
  });

  await test.step('the teacher’s read-only views show the pin and the thread', async () => {
    const thumbnail = dashboard.getByTestId('group-Group 1');
    await expect(
      thumbnail.locator(`[data-testid="critique-pin"][data-shape-id="${numberLine.id}"]`),
    ).toHaveAttribute('data-resolved', 'true');
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    const focus = dashboard.getByTestId('board-focus');
    const pin = focus.locator(`[data-testid="critique-pin"][data-shape-id="${numberLine.id}"]`);
    await expect(pin).toHaveAttribute('data-resolved', 'true');
    await pin.click();
    await expect(focus.getByTestId('critique-reply')).toHaveCount(2);
    await dashboard.screenshot({ path: test.info().outputPath('teacher-focus-thread.png') });
    await dashboard.getByRole('button', { name: 'Back to the dashboard' }).click();
  });

  await test.step('the keyboard and the context menu open a thread too (Shift+C, Escape closes it)', async () => {
    const page = studentB.page;
    await panelOf(page).getByRole('button', { name: 'Close the thread' }).click();
    await hoverShape(studentB, equation.id);
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.getByTestId('critique-start')).toBeVisible();
    await page.keyboard.press('Shift+C');
    await expect(panelOf(page)).toHaveAttribute('data-shape-id', equation.id);
    await expect(panelOf(page)).toContainText('No critique yet.');
    await page.keyboard.press('Escape');
    await expect(panelOf(page)).toHaveCount(0);
    // and the context menu of the shape
    await hoverShape(studentB, equation.id);
    await page.mouse.down({ button: 'right' });
    await page.mouse.up({ button: 'right' });
    await page.getByRole('menuitem', { name: /Critique/ }).click();
    await expect(panelOf(page)).toHaveAttribute('data-shape-id', equation.id);
    await panelOf(page).getByRole('button', { name: 'Close the thread' }).click();
  });

  await test.step('colour by author: B hovers A’s equation and sees A’s name in A’s cursor colour', async () => {
    const page = studentB.page;
    await page.evaluate(() => {
      (window.__conjecture!.editor as unknown as EditorExtras).selectNone();
    });
    await page.getByLabel('Colour by author').check();
    const outline = page.locator(`[data-testid="author-outline"][data-shape-id="${equation.id}"]`);
    await expect(outline).toBeVisible();
    await hoverShape(studentB, equation.id);
    const label = page.getByTestId('author-label');
    await expect(label).toHaveText('by Ada');
    await expect(label).toHaveAttribute('data-shape-id', equation.id);
    const colourOfAda = () =>
      page.evaluate(
        () => window.__conjecture!.editor.getCollaborators().find((c) => c.userName === 'Ada')?.color ?? null,
      );
    await expect.poll(colourOfAda).toMatch(/^#[0-9a-f]{6}$/i);
    const adaCursorColour = await colourOfAda();
    await expect(outline).toHaveAttribute('data-color', adaCursorColour as string);
    // and the drawn outline uses it
    const drawn = await outline.evaluate((el) => getComputedStyle(el).borderTopColor);
    const hex = (adaCursorColour as string).replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    expect(drawn).toBe(`rgb(${r}, ${g}, ${b})`);
  });

  await test.step('a paused class shows the thread without a composer', async () => {
    await dashboard.getByRole('button', { name: 'Pause the class' }).click();
    const page = studentA.page;
    await expect(page.getByTestId('pause-banner')).toBeVisible();
    // A's thread is still open from resolving it: it stays, without the controls that change it
    await expect(replies(page)).toHaveCount(2);
    await expect(panelOf(page).getByTestId('critique-composer')).toHaveCount(0);
    await expect(panelOf(page).getByRole('button', { name: /^(Edit|Delete|Reopen)/ })).toHaveCount(0);
  });

  await test.step('the hovered item shows its representation type', async () => {
    const chip = studentB.page.locator(`[data-testid="representation-chip"][data-shape-id="${equation.id}"]`);
    await expect(chip).toHaveText('Symbolic');
    await studentB.page.screenshot({ path: test.info().outputPath('studentB-attribution.png') });
  });
});
