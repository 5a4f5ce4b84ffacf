import type { TLAssetStore } from 'tldraw';
import { isStoredAssetUrl } from '@conjecture/shared';
import { uploadAsset, type AssetTarget } from '../api/assets.js';
import type { BoardConnection } from './boardSession.js';

/**
 * Pasted and dropped images go to the server and the record keeps only their URL: tldraw's default inlines
 * them as base64, which would put megabytes into the Y.Doc that every client downloads and keeps forever.
 * Each upload names what it is for (a board, or a class's template) and carries the credential for it.
 */
export function serverAssetStore(target: AssetTarget): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      const { url } = await uploadAsset(file, target, abortSignal);
      return { src: url };
    },
    resolve: (asset) => storedAssetUrl(asset.props.src),
  };
}

/**
 * The URL to show an asset from, when it is a file this server stored (`/api/assets/…`, as uploads are);
 * else none. The server refuses other sources, but a board written before it did may hold one, and a
 * classmate's browser must not fetch from an outside host whatever a record says.
 */
export function storedAssetUrl(src: string | null | undefined): string | null {
  return isStoredAssetUrl(src) ? src : null;
}

/** A board's asset store, with the same credential its Yjs connection uses (`token` or `user`). */
export function boardAssetStore(
  boardId: string,
  connection: Pick<BoardConnection, 'yjsParams'>,
): TLAssetStore {
  const { token, user } = connection.yjsParams;
  return serverAssetStore({ boardId, ...(token ? { token } : {}), ...(user ? { user } : {}) });
}
