import { randomBytes } from 'node:crypto';
import express from 'express';
import type { Router } from 'express';
import { AssetIdSchema, AssetMimeTypeSchema } from '@conjecture/shared';
import type { BoardStore } from '../storage/boardStore.js';
import { sendError } from './validate.js';

/** The first bytes each accepted image type starts with: the declared type must match the content. */
const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => String.fromCharCode(...b.subarray(0, 6)).match(/^GIF8[79]a$/) !== null,
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/**
 * Images pasted or dropped on a board are uploaded here and referenced by URL, so the Yjs document never
 * carries base64 blobs. SVG is refused: it can carry script.
 */
export function assetRoutes(store: BoardStore, maxAssetBytes: number, now: () => number): Router {
  const router = express.Router();
  router.post('/assets', express.raw({ type: () => true, limit: maxAssetBytes }), (req, res) => {
    const mime = AssetMimeTypeSchema.safeParse((req.headers['content-type'] ?? '').split(';')[0]?.trim());
    if (!mime.success) {
      return sendError(
        res,
        'bad_request',
        `unsupported image type; send one of ${AssetMimeTypeSchema.options.join(', ')}`,
      );
    }
    const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
    if (bytes.byteLength === 0) return sendError(res, 'bad_request', 'empty upload');
    if (!MAGIC[mime.data]?.(bytes)) return sendError(res, 'bad_request', `the content is not a ${mime.data}`);
    const assetId = randomBytes(12).toString('base64url');
    store.putAsset({ assetId, mimeType: mime.data, bytes, createdAt: now() });
    res.status(201).json({ assetId, url: `/api/assets/${assetId}` });
  });
  router.get('/assets/:assetId', (req, res) => {
    const id = AssetIdSchema.safeParse(req.params.assetId);
    const asset = id.success ? store.getAsset(id.data) : undefined;
    if (!asset) return sendError(res, 'not_found', 'no such asset');
    res.set({
      'Content-Type': asset.mimeType,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
    res.send(Buffer.from(asset.bytes));
  });
  return router;
}
