import { AssetRecordType, getHashForString, type Editor, type TLBookmarkAsset } from 'tldraw';

/**
 * A pasted link becomes a bookmark that names the link alone. tldraw's default fetches the page from its
 * host for a title and a picture: a request to an outside host the app never makes (the page's policy
 * blocks it, and tldraw then shows an error), and a picture from elsewhere the server would refuse.
 */
export function keepLinksLocal(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => linkBookmark(url));
}

export function linkBookmark(url: string): TLBookmarkAsset {
  return {
    id: AssetRecordType.createId(getHashForString(url)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: url, title: url, description: '', image: '', favicon: '' },
    meta: {},
  };
}
