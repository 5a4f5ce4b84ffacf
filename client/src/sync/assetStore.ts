import type { TLAssetStore } from 'tldraw';
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
    resolve: (asset) => asset.props.src,
  };
}

/** A board's asset store, with the same credential its Yjs connection uses (`token` or `user`). */
export function boardAssetStore(
  boardId: string,
  connection: Pick<BoardConnection, 'yjsParams'>,
): TLAssetStore {
  const { token, user } = connection.yjsParams;
  return serverAssetStore({ boardId, ...(token ? { token } : {}), ...(user ? { user } : {}) });
}
