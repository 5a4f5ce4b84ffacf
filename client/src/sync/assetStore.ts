import type { TLAssetStore } from 'tldraw';
import { uploadAsset } from '../api/assets.js';

/**
 * Pasted and dropped images go to the server and the record keeps only their URL: tldraw's default inlines
 * them as base64, which would put megabytes into the Y.Doc that every client downloads and keeps forever.
 */
export const serverAssetStore: TLAssetStore = {
  async upload(_asset, file, abortSignal) {
    const { url } = await uploadAsset(file, abortSignal);
    return { src: url };
  },
  resolve: (asset) => asset.props.src,
};
