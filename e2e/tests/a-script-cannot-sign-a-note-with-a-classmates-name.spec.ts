import { expect, test } from '../fixtures/test.js';
import { fillBoard, gridShapes } from '../fixtures/stockFiller.js';

interface NoteEditor {
  getAttributionUserId(): string;
  getShape(id: string): { props: { textLastEditedBy: string | null } } | undefined;
}

/**
 * tldraw labels a sticky note with the name of whoever last edited its words, from the record. A script over
 * a stock Yjs client wrote a note under Ada's id, and her classmates saw its words labelled with her name.
 * The server writes the script's own id there.
 */
test('a stock client’s note written under Ada’s id is labelled with its writer’s', async ({
  studentA,
  server,
}) => {
  const { page } = studentA;
  const boardId = await studentA.createBoard();
  const ada = await page.evaluate(() =>
    (window.__conjecture!.editor as unknown as NoteEditor).getAttributionUserId(),
  );
  const [, note] = gridShapes(2) as Array<Record<string, unknown>>;
  const forged: Record<string, unknown> = {
    ...note!,
    props: { ...(note!.props as object), textLastEditedBy: ada },
  };
  await fillBoard(server.url, boardId, [forged], { user: 'mallory' });
  await expect
    .poll(() =>
      page.evaluate(
        (id) => (window.__conjecture!.editor as unknown as NoteEditor).getShape(id)?.props.textLastEditedBy,
        forged.id as string,
      ),
    )
    .toBe('mallory');
});
