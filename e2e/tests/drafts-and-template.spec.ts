import { expect, test } from '../fixtures/test.js';
import type { Actor } from '../fixtures/actor.js';
import {
  createClassAndOpenDashboard,
  openDraft,
  roundTripOverBoardSocket,
  twoStudentsInOneGroup,
} from '../fixtures/classroom.js';

/** The editor calls this spec makes (fixtures/window.d.ts types only the common few). */
interface SpecEditor {
  getCurrentPageShapes(): Array<{ id: string; type: string; props: object }>;
  select(id: string): unknown;
  selectAll(): unknown;
  getShape(id: string): { x: number; y: number; isLocked: boolean } | undefined;
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined;
  getShapeAtPoint(point: { x: number; y: number }, options: object): { id: string } | undefined;
  pageToScreen(point: { x: number; y: number }): { x: number; y: number };
  createShape(shape: { id: string; type: string; x: number; y: number; props?: object }): unknown;
  updateShape(partial: { id: string; type: string; isLocked?: boolean; x?: number }): unknown;
  run(fn: () => void, options: { ignoreShapeLock: boolean }): unknown;
  setCurrentTool(id: string): unknown;
  createBinding(binding: { type: string; fromId: string; toId: string; props?: object }): unknown;
  getBindingsFromShape(id: string, type: string): Array<{ id: string; toId: string }>;
}
/** The page's debug handles: the group board, the student's draft, the teacher's template canvas. */
type SpecWindow = Record<
  '__conjecture' | '__conjectureDraft' | '__conjectureTemplate',
  { editor: SpecEditor }
>;

const SECRET = 'half-formed idea: 3 for $2 is 67c each';
const TASK = 'Which is the better deal: 3 pens for $2 or 5 pens for $3?';

/** Shapes of the actor's group board whose content mentions `text` (the store, not only the screen). */
const groupShapesWith = (actor: Actor, text: string) =>
  actor.page.evaluate(
    (t) =>
      (window as unknown as SpecWindow).__conjecture.editor
        .getCurrentPageShapes()
        .filter((s) => JSON.stringify(s.props).includes(t))
        .map((s) => s.id as string),
    text,
  );

const shapeOnGroupBoard = (actor: Actor, id: string) =>
  actor.page.evaluate((shapeId) => {
    const s = (window as unknown as SpecWindow).__conjecture.editor.getShape(shapeId);
    return s ? { x: s.x, y: s.y, isLocked: s.isLocked } : null;
  }, id);

/** Drops a PNG made on the page onto a canvas, as the OS delivers a file dragged from the desktop. */
async function dropImage(actor: Actor, canvas: string, colour: string): Promise<void> {
  const dataTransfer = await actor.page.evaluateHandle(async (fill) => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const context = c.getContext('2d')!;
    context.fillStyle = fill;
    context.fillRect(0, 0, 64, 48);
    const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b!), 'image/png'));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'diagram.png', { type: 'image/png' }));
    return transfer;
  }, colour);
  const box = (await actor.page.locator(canvas).boundingBox())!;
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height - 80 };
  await actor.page.dispatchEvent(canvas, 'dragover', { dataTransfer, ...at });
  await actor.page.dispatchEvent(canvas, 'drop', { dataTransfer, ...at });
}

type Canvas = keyof SpecWindow;

/** Where the arrows from `arrowId` end (the shapes they are bound to), in one of the page's editors. */
const arrowTargets = (actor: Actor, canvas: Canvas, arrowId: string) =>
  actor.page.evaluate(
    ({ name, id }) =>
      (window as unknown as SpecWindow)[name].editor
        .getBindingsFromShape(id, 'arrow')
        .map((b) => b.toId)
        .sort(),
    { name: canvas, id: arrowId },
  );

/** Draws an arrow with the mouse from the centre of one shape to the centre of another; returns its id. */
async function drawArrow(actor: Actor, canvas: Canvas, fromId: string, toId: string): Promise<string> {
  const { from, to, before } = await actor.page.evaluate(
    ({ name, a, b }) => {
      const editor = (window as unknown as SpecWindow)[name].editor;
      const centre = (id: string) => {
        const box = editor.getShapePageBounds(id)!;
        return editor.pageToScreen({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
      };
      const arrows = editor.getCurrentPageShapes().filter((s) => s.type === 'arrow');
      editor.setCurrentTool('arrow');
      return { from: centre(a), to: centre(b), before: arrows.map((s) => s.id) };
    },
    { name: canvas, a: fromId, b: toId },
  );
  await actor.page.mouse.move(from.x, from.y);
  await actor.page.mouse.down();
  await actor.page.mouse.move(to.x, to.y, { steps: 8 });
  await actor.page.mouse.up();
  const newArrows = () =>
    actor.page.evaluate(
      ({ name, old }) =>
        (window as unknown as SpecWindow)[name].editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'arrow' && !old.includes(s.id))
          .map((s) => s.id),
      { name: canvas, old: before },
    );
  await expect.poll(newArrows).toHaveLength(1);
  return (await newArrows())[0] as string;
}

const uploadedImages = (actor: Actor, scope: string) =>
  actor.page.locator(`${scope} img[src*="/api/assets/"]`);

test('a draft stays private until posted, the template is locked on every group board, graph paper reaches the boards', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const dashboard = teacher.page;
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Drafts and templates');

  await test.step('two students join one group', () =>
    twoStudentsInOneGroup(teacher, joinCode, studentA, studentB));

  await test.step('Ada drafts privately: Bruno never gets it, not even after Ada reloads', async () => {
    await openDraft(studentA);
    await studentA.page.evaluate((text) => {
      (window as unknown as SpecWindow).__conjectureDraft.editor.createShape({
        id: 'shape:draft-idea',
        type: 'geo',
        x: 200,
        y: 200,
        props: {
          w: 260,
          h: 100,
          richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        },
      });
    }, SECRET);
    await expect(studentA.page.getByTestId('draft-panel')).toContainText(SECRET);
    await dropImage(studentA, '[data-testid="draft-panel"] .tl-canvas', '#2f9e44');
    await expect(uploadedImages(studentA, '[data-testid="draft-panel"]')).toBeVisible();
    // A control: something Ada puts on the group board meanwhile reaches Bruno, so his sync is live.
    await studentA.page.evaluate(() => {
      (window as unknown as SpecWindow).__conjecture.editor.createShape({
        id: 'shape:public-mark',
        type: 'geo',
        x: 40,
        y: 400,
      });
    });
    await expect.poll(() => shapeOnGroupBoard(studentB, 'shape:public-mark')).not.toBeNull();
    expect(await groupShapesWith(studentB, SECRET)).toEqual([]);
    await expect(studentB.page.locator('body')).not.toContainText(SECRET);
    await expect(uploadedImages(studentB, 'body')).toHaveCount(0);

    await studentA.page.reload();
    await studentA.waitForEditor();
    await openDraft(studentA);
    await expect
      .poll(() =>
        studentA.page.evaluate(
          () =>
            (window as unknown as SpecWindow).__conjectureDraft.editor.getShape('shape:draft-idea') !==
            undefined,
        ),
      )
      .toBe(true);
    // Ada's page has said all it had to say about the group board, and Bruno has heard all of it.
    await roundTripOverBoardSocket(studentA);
    await roundTripOverBoardSocket(studentB);
    expect(await groupShapesWith(studentB, SECRET)).toEqual([]);
    expect(await groupShapesWith(studentA, SECRET)).toEqual([]);
    await expect(studentB.page.locator('body')).not.toContainText(SECRET);
  });

  await test.step('Ada posts her draft: Bruno sees it live, as a new shape', async () => {
    await studentA.page.getByTestId('draft-panel').getByRole('button', { name: 'Post to group' }).click();
    await expect(studentA.page.getByTestId('draft-panel')).toContainText('Posted 2 shapes to your group.');
    await expect.poll(() => groupShapesWith(studentB, SECRET)).toHaveLength(1);
    // The image came along: the same uploaded file, shown from our server on Bruno's board.
    await expect(uploadedImages(studentB, '.board .tl-canvas')).toHaveCount(1);

    // The keyboard goes to the editor last pointed at: Delete in the draft leaves the group board alone,
    // even with everything on it selected.
    await studentA.page
      .getByTestId('draft-panel')
      .locator('.tl-canvas')
      .click({ position: { x: 40, y: 300 } });
    await studentA.page.evaluate(() => {
      const w = window as unknown as SpecWindow;
      const image = w.__conjectureDraft.editor.getCurrentPageShapes().find((s) => s.type === 'image')!;
      w.__conjectureDraft.editor.select(image.id);
      w.__conjecture.editor.selectAll();
    });
    await studentA.page.keyboard.press('Delete');
    await expect(uploadedImages(studentA, '[data-testid="draft-panel"]')).toHaveCount(0);
    await roundTripOverBoardSocket(studentA);
    expect(await groupShapesWith(studentA, 'asset:')).toHaveLength(1);
    expect(await groupShapesWith(studentA, SECRET)).toHaveLength(1);
    await roundTripOverBoardSocket(studentB);
    await expect(uploadedImages(studentB, '.board .tl-canvas')).toHaveCount(1);
    await studentA.page.screenshot({ path: test.info().outputPath('studentA-draft-posted.png') });
    const [posted] = await groupShapesWith(studentB, SECRET);
    expect(posted).not.toBe('shape:draft-idea');
    await expect(studentB.page.locator('.board .tl-canvas')).toContainText(SECRET);
    // "Keep a copy" was on: the draft still holds the original.
    expect(
      await studentA.page.evaluate(
        () =>
          (window as unknown as SpecWindow).__conjectureDraft.editor.getShape('shape:draft-idea') !==
          undefined,
      ),
    ).toBe(true);
    await studentA.page.getByTestId('draft-panel').getByRole('button', { name: 'Close' }).click();
    await expect(studentA.page.getByTestId('draft-panel')).toHaveCount(0);
  });

  await test.step('the teacher looks at Ada’s draft from her roster entry, read-only', async () => {
    // Drafts and the template are preparation: once groups exist the dashboard leads with the live lesson.
    await dashboard.getByRole('tab', { name: 'Prepare' }).click();
    await dashboard.getByRole('button', { name: 'Draft of Ada' }).click();
    const view = dashboard.getByTestId('draft-view');
    await expect(view.locator('.tl-canvas')).toContainText(SECRET);
    await view.getByRole('button', { name: 'Back to the dashboard' }).click();
    await expect(view).toHaveCount(0);
    await dashboard.getByRole('button', { name: 'Draft of Bruno' }).click();
    await expect(dashboard.getByTestId('draft-view')).toContainText('Bruno has not opened a draft yet.');
    await dashboard.getByTestId('draft-view').getByRole('button', { name: 'Back to the dashboard' }).click();
  });

  const template =
    await test.step('the teacher places a template with a task card, an image and an arrow between them', async () => {
      await dashboard.getByRole('button', { name: 'Edit the task template' }).click();
      const editor = dashboard.getByTestId('template-editor');
      await expect(editor.locator('.tl-canvas')).toBeVisible();
      await expect(editor.getByRole('button', { name: 'Place on all group boards' })).toBeEnabled();
      await editor.getByRole('button', { name: 'Add a task card' }).click();
      await expect(editor.locator('.tl-canvas')).toContainText(TASK);
      await dropImage(teacher, '[data-testid="template-editor"] .tl-canvas', '#e8590c');
      await expect(uploadedImages(teacher, '[data-testid="template-editor"]')).toBeVisible();
      const { id, imageId } = await dashboard.evaluate(() => {
        const shapes = (window as unknown as SpecWindow).__conjectureTemplate.editor.getCurrentPageShapes();
        return {
          id: shapes.find((shape) => JSON.stringify(shape.props).includes('pens'))!.id,
          imageId: shapes.find((shape) => shape.type === 'image')!.id,
        };
      });
      const arrowId = await drawArrow(teacher, '__conjectureTemplate', id, imageId);
      expect(await arrowTargets(teacher, '__conjectureTemplate', arrowId)).toEqual([id, imageId].sort());
      await editor.getByRole('button', { name: 'Place on all group boards' }).click();
      await dashboard.screenshot({ path: test.info().outputPath('teacher-template.png') });
      // The card, the image, the image's asset record, the arrow and the bindings of its two ends.
      await expect(editor.getByTestId('template-placed')).toContainText('6 records');
      await editor.getByRole('button', { name: 'Close' }).click();
      await expect(editor).toHaveCount(0);

      // Reopened, the canvas starts from what was placed (read back from the server), editable again.
      await dashboard.getByRole('button', { name: 'Edit the task template' }).click();
      await expect(editor.locator('.tl-canvas')).toContainText(TASK);
      await expect(uploadedImages(teacher, '[data-testid="template-editor"]')).toBeVisible();
      expect(
        await dashboard.evaluate(
          (shapeId) =>
            (window as unknown as SpecWindow).__conjectureTemplate.editor.getShape(shapeId)?.isLocked,
          id,
        ),
      ).toBe(false);
      expect(await arrowTargets(teacher, '__conjectureTemplate', arrowId)).toEqual([id, imageId].sort());
      await editor.getByRole('button', { name: 'Close' }).click();
      return { cardId: id, imageId, arrowId };
    });
  const { cardId } = template;

  await test.step('both students see the task card and the arrow still bound to the card and the image, locked', async () => {
    for (const student of [studentA, studentB]) {
      await expect.poll(() => shapeOnGroupBoard(student, cardId)).toMatchObject({ isLocked: true });
      await expect(student.page.locator('.board .tl-canvas')).toContainText(TASK);
      await expect(uploadedImages(student, '.board .tl-canvas')).toHaveCount(2); // Ada's post and the template's
      await expect
        .poll(() => arrowTargets(student, '__conjecture', template.arrowId))
        .toEqual([cardId, template.imageId].sort());
      expect(await shapeOnGroupBoard(student, template.arrowId)).toMatchObject({ isLocked: true });
    }
  });

  await test.step('Ada cannot move it: not by dragging, not by forcing an update through the editor', async () => {
    const home = (await shapeOnGroupBoard(studentA, cardId))!;
    const grip = await studentA.page.evaluate((id) => {
      const editor = (window as unknown as SpecWindow).__conjecture.editor;
      const bounds = editor.getShapePageBounds(id)!;
      // A corner of the card no posted shape covers, so the drag really grabs the card.
      const point = { x: bounds.x + bounds.w - 15, y: bounds.y + bounds.h - 15 };
      const top = editor.getShapeAtPoint(point, { hitInside: true, hitLocked: true });
      return { ...editor.pageToScreen(point), topId: top?.id ?? null };
    }, cardId);
    expect(grip.topId).toBe(cardId);
    await studentA.page.mouse.move(grip.x, grip.y);
    await studentA.page.mouse.down();
    await studentA.page.mouse.move(grip.x + 150, grip.y + 120, { steps: 6 });
    await studentA.page.mouse.up();
    await roundTripOverBoardSocket(studentA);
    expect(await shapeOnGroupBoard(studentA, cardId)).toEqual(home);

    // Around the UI's lock: the server reverts it on Ada's board, and Bruno's never moves for good.
    const forced = await studentA.page.evaluate(
      ({ id, x }) => {
        const editor = (window as unknown as SpecWindow).__conjecture.editor;
        editor.run(() => editor.updateShape({ id: id, type: 'geo', isLocked: false, x: x + 300 }), {
          ignoreShapeLock: true,
        });
        const s = editor.getShape(id)!;
        return { x: s.x, y: s.y, isLocked: s.isLocked };
      },
      { id: cardId, x: home.x },
    );
    // The move did happen in Ada's editor (and went out to the server) before it was reverted.
    expect(forced).toEqual({ ...home, x: home.x + 300, isLocked: false });
    await expect.poll(() => shapeOnGroupBoard(studentA, cardId)).toEqual(home);
    await roundTripOverBoardSocket(studentB);
    await expect.poll(() => shapeOnGroupBoard(studentB, cardId)).toEqual(home);
  });

  await test.step('Ada’s own arrow may point at the task card: the binding reaches Bruno and stays', async () => {
    // tldraw's arrow tool does not offer locked shapes as targets, so the binding is made through the API.
    await studentA.page.evaluate((card) => {
      const editor = (window as unknown as SpecWindow).__conjecture.editor;
      editor.createShape({ id: 'shape:ada-arrow', type: 'arrow', x: 900, y: 900 });
      editor.createBinding({
        type: 'arrow',
        fromId: 'shape:ada-arrow',
        toId: card,
        props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
      });
    }, cardId);
    await expect.poll(() => arrowTargets(studentB, '__conjecture', 'shape:ada-arrow')).toEqual([cardId]);
    await roundTripOverBoardSocket(studentA);
    expect(await arrowTargets(studentA, '__conjecture', 'shape:ada-arrow')).toEqual([cardId]);
  });

  await test.step('the teacher switches graph paper on, then off: the students’ boards follow', async () => {
    for (const student of [studentA, studentB])
      await expect(student.page.locator('.board [data-testid="graph-paper"]')).toHaveCount(0);
    await dashboard.getByLabel('Graph paper on the boards').check();
    for (const student of [studentA, studentB])
      await expect(student.page.locator('.board [data-testid="graph-paper"]')).toBeVisible();
    await studentA.page.screenshot({ path: test.info().outputPath('studentA-graph-paper.png') });
    await dashboard.getByLabel('Graph paper on the boards').uncheck();
    for (const student of [studentA, studentB])
      await expect(student.page.locator('.board [data-testid="graph-paper"]')).toHaveCount(0);
  });
});
