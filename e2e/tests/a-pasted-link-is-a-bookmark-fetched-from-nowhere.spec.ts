import { expect, test } from '../fixtures/test.js';

interface LinkEditor {
  putExternalContent(content: { type: 'url'; url: string; point: { x: number; y: number } }): Promise<void>;
  getCurrentPageShapes(): Array<{ type: string; props: { url?: string; assetId?: string | null } }>;
  getAsset(id: string): { props: Record<string, unknown> } | undefined;
}

/**
 * The app makes no request to any outside host. tldraw fetches a pasted link's page for its title and
 * picture, and turns a video link into an embed that loads the video's site in every classmate's board.
 */
test('a pasted link, even a video’s, is a bookmark that names the link: no embed, nothing fetched from its host', async ({
  studentA,
  studentB,
}) => {
  const boardId = await studentA.createBoard();
  await studentB.openBoard(boardId);
  const links = ['https://example.com/fractions-lesson', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'];

  await test.step('Ada pastes a page’s link and a video’s link', async () => {
    for (const [i, url] of links.entries()) {
      await studentA.page.evaluate(
        ({ url, i }) =>
          (window.__conjecture!.editor as unknown as LinkEditor).putExternalContent({
            type: 'url',
            url,
            point: { x: 200 + i * 400, y: 200 },
          }),
        { url, i },
      );
    }
  });

  const bookmarks = (actor: typeof studentA) =>
    actor.page.evaluate(() => {
      const editor = window.__conjecture!.editor as unknown as LinkEditor;
      return editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'bookmark' || s.type === 'embed')
        .map((s) => {
          const asset = s.props.assetId ? editor.getAsset(s.props.assetId) : undefined;
          return { type: s.type, url: s.props.url, image: asset?.props.image ?? null };
        })
        .sort((a, b) => String(a.url).localeCompare(String(b.url)));
    });

  await test.step('both are bookmarks with no picture, on Bruno’s board too; no error shown, nothing asked of another host', async () => {
    const expected = links
      .map((url) => ({ type: 'bookmark', url, image: '' }))
      .sort((a, b) => a.url.localeCompare(b.url));
    await expect.poll(() => bookmarks(studentA)).toEqual(expected);
    await expect.poll(() => bookmarks(studentB)).toEqual(expected);
    await expect(studentA.page.locator('.tlui-toast__container [data-severity="error"]')).toHaveCount(0);
    expect(studentA.outsideRequests).toEqual([]);
    expect(studentB.outsideRequests).toEqual([]);
  });
});
