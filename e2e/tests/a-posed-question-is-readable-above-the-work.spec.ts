import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, twoStudentsInOneGroup } from '../fixtures/classroom.js';

test('a question posed beside a selected shape is drawn above the work, shown on request, and keeps the sent answer', async ({
  teacher,
  studentA,
  studentB,
}) => {
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Better deals');
  await twoStudentsInOneGroup(teacher, joinCode, studentA, studentB);
  const dashboard = teacher.page;

  // The anchor, and a large shape right beside it (where the card used to go, and drawn after the anchor).
  const anchor = await studentA.drawRectangle(200, 330, 120, 80);
  const beside = await studentA.drawRectangle(340, 300, 420, 300);

  await test.step('the teacher selects the anchor in the group’s board and poses a question beside it', async () => {
    await dashboard.getByTestId('group-Group 1').getByRole('button', { name: 'Open', exact: true }).click();
    await teacher.waitForEditor();
    await expect.poll(() => teacher.shapeIds()).toContain(beside);
    await dashboard.evaluate((id) => {
      window.__conjecture!.editor.select(id);
    }, anchor);
    await dashboard
      .getByTestId('board-focus')
      .getByLabel('Question', { exact: true })
      .fill('How do you know the two rectangles show the same ratio?');
    await dashboard.getByTestId('board-focus').getByRole('button', { name: 'Pose the question' }).click();
  });

  const card = studentA.page.locator('.question-card');
  await test.step('“Show the question” brings the card into view, on top of every shape', async () => {
    // Move the camera away first, so showing it has work to do.
    await studentA.page.evaluate(() => {
      window.__conjecture!.editor.setCamera({ x: -4000, y: -4000, z: 1 });
    });
    await expect(card).not.toBeInViewport();
    await studentA.page.getByRole('button', { name: 'Show the question' }).click();
    await expect(card).toBeInViewport({ ratio: 1 });
    await expect(card).toContainText('the same ratio');
    // tldraw blocks hit tests while the camera moves (its blocker may not be up yet when the card is first in
    // view): the card must come out on top, its centre and its answer box taking the pointer, once it stops.
    const hit = () =>
      card.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const at = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        const answer = el.querySelector('textarea')!.getBoundingClientRect();
        const atAnswer = document.elementFromPoint(answer.x + answer.width / 2, answer.y + answer.height / 2);
        return { centre: at !== null && el.contains(at), answer: atAnswer !== null && el.contains(atAnswer) };
      });
    await expect.poll(hit).toEqual({ centre: true, answer: true });
    await expect(studentA.page.locator('.board .tl-hit-test-blocker')).toBeHidden();
    // And it overlaps neither shape on the board.
    const overlaps = await studentA.page.evaluate(
      ([anchorId, besideId]) => {
        const editor = window.__conjecture!.editor;
        const cardShape = editor.getCurrentPageShapes().find((s) => s.type === 'question-card')!;
        const c = editor.getShapePageBounds(cardShape)!;
        return [anchorId!, besideId!].map((id) => {
          const b = editor.getShapePageBounds(id)!;
          return c.x < b.maxX && b.x < c.maxX && c.y < b.maxY && b.y < c.maxY;
        });
      },
      [anchor, beside],
    );
    expect(overlaps).toEqual([false, false]);
    // And above every shape in z-order (tldraw draws the highest index on top).
    const onTop = await studentA.page.evaluate(() => {
      const shapes = window.__conjecture!.editor.getCurrentPageShapes() as unknown as Array<{
        type: string;
        index: string;
      }>;
      const top = shapes.reduce((a, b) => (b.index > a.index ? b : a));
      return top.type;
    });
    expect(onTop).toBe('question-card');
  });

  await test.step('after Send the student still sees the answer they sent, and the notice says so', async () => {
    // the box says what it is for, to the eye as to a screen reader
    await expect(card.getByLabel('Your answer')).toHaveAttribute('placeholder', /your answer/);
    await card.getByLabel('Your answer').fill('Both are 3 to 2');
    await card.getByRole('button', { name: 'Send' }).click();
    await expect(card.getByTestId('sent-answer')).toHaveText('Sent to your teacher: Both are 3 to 2');
    await expect(studentA.page.getByTestId('question-notice')).toContainText('Your answer was sent');
    await expect(dashboard.getByTestId('answer')).toContainText('Both are 3 to 2');
  });
});
