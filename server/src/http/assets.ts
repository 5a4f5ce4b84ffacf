import { randomBytes } from 'node:crypto';
import express from 'express';
import type { Request, Response, Router } from 'express';
import {
  AssetIdSchema,
  AssetMimeTypeSchema,
  SHARD_PARAM,
  UploadAssetQuerySchema,
  idInShard,
  type ApiError,
} from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import { KeyedBudget } from '../boards/keyedBudget.js';
import type { ClassroomService, Principal } from '../classroom/classroomService.js';
import type { BoardStore } from '../storage/boardStore.js';
import { boardAssetOwner, classAssetOwner } from '../storage/boardStore.js';
import { authorizeBoard, authorizeClass } from '../auth/access.js';
import { credentialsOfHeaders } from '../auth/credentials.js';
import { parseOr400, sendError } from './validate.js';

/** The first bytes each accepted image type starts with: the declared type must match the content. */
const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => String.fromCharCode(...b.subarray(0, 6)).match(/^GIF8[79]a$/) !== null,
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

export interface AssetRouteDeps {
  store: BoardStore;
  rooms: BoardRooms;
  classroom: ClassroomService;
  maxAssetBytes: number;
  /** Image bytes one uploader may store per hour (MAX_UPLOAD_BYTES_PER_HOUR), all at once if they like. */
  maxUploadBytesPerHour: number;
  now: () => number;
  /** Resolves once every write so far is durable (PostgreSQL storage): the upload's answer waits for it. */
  durable?: () => Promise<void>;
  /** The shard this server serves (scale-out): asset ids lie in it and their URLs name it for the balancer. */
  shard?: number | null;
  /** Image bytes per uploader (`uploadBudget`; a cluster process's shards share one). */
  uploads: KeyedBudget;
  clusterUploads?: ClusterUploadBytes;
}

/** Charges an address's upload bytes to the cluster's hour, unless they would pass it (SharedLimits). */
export type ClusterUploadBytes = (
  address: string,
  bytes: number,
) => Promise<'ok' | 'limited' | 'unavailable'>;

/** Image bytes per uploader: MAX_UPLOAD_BYTES_PER_HOUR an hour, all at once if they like. */
export const uploadBudget = (bytesPerHour: number, now: () => number) =>
  new KeyedBudget(bytesPerHour / 3600, bytesPerHour, now);

interface Owned {
  owner: string;
  boardId: string | null;
  /** Whose upload budget pays: the student or the session — or, with no account to name, the address. */
  uploader: string;
  /** A board outside any class: the address its bytes are counted by across a cluster's processes too. */
  address?: string;
}

/** A class member's budget key: a student over all their sessions (tabs, rejoins), else the session. */
const uploaderOf = (principal: Principal) =>
  principal.studentId ? `student:${principal.studentId}` : `session:${principal.sessionId}`;

/**
 * Who an upload is for, if the caller may add to it (else the refusal is answered and undefined returned):
 * a class's board takes a session that may write on it now (a student of its group, or a draft's owner,
 * while the class runs; the teacher), a board outside any class its `?user=` id, and a class's template
 * the teacher. The asset is owned by the class (deleted with it, or with the board it was uploaded for
 * when no other board of the class uses it) or by the board outside any class.
 */
function uploadTarget(deps: AssetRouteDeps, req: Request, res: Response): Owned | undefined {
  const { classroom, rooms } = deps;
  const query = parseOr400(res, UploadAssetQuerySchema, req.query, 'upload target (boardId or classId)');
  if (!query) return undefined;
  const creds = credentialsOfHeaders(req.headers);
  const refuse = (error: ApiError) => void sendError(res, error.code, error.message);
  if ('classId' in query) {
    const teacher = authorizeClass(classroom, creds, query.classId, 'class.manage');
    if (!teacher.ok)
      return refuse(
        teacher.error.code === 'forbidden'
          ? { code: 'forbidden', message: 'only the teacher adds images to the template' }
          : teacher.error,
      );
    return {
      owner: classAssetOwner(query.classId),
      boardId: null,
      uploader: uploaderOf(teacher.value.principal),
    };
  }
  if (!rooms.getBoard(query.boardId)) return void sendError(res, 'not_found', 'no such board');
  const caller = authorizeBoard(classroom, creds, query.boardId, false);
  if (!caller.ok) return refuse(caller.error);
  const { classId, access, principal } = caller.value;
  if (!classId || !principal) {
    if (!query.user)
      return void sendError(res, 'unauthorized', 'a board outside any class takes ?user=<your id>');
    // `?user=` is whatever the client says: only its address bounds it.
    const address = req.ip ?? 'unknown';
    return {
      owner: boardAssetOwner(query.boardId),
      boardId: query.boardId,
      uploader: `address:${address}`,
      address,
    };
  }
  if (!access?.writable)
    return void sendError(res, 'forbidden', 'you may not add to this board right now (read-only or paused)');
  return { owner: classAssetOwner(classId), boardId: query.boardId, uploader: uploaderOf(principal) };
}

/**
 * Images pasted or dropped on a board are uploaded here and referenced by URL, so the Yjs document never
 * carries base64 blobs. SVG is refused: it can carry script. The credential is checked before the body is
 * read; the URL (an unguessable id) is what readers need, since an <img> cannot send a bearer token.
 */
export function assetRoutes(deps: AssetRouteDeps): Router {
  const { store, maxAssetBytes, maxUploadBytesPerHour, uploads, now } = deps;
  const bytesPerSecond = maxUploadBytesPerHour / 3600;
  const router = express.Router();
  router.post(
    '/assets',
    (req, res, next) => {
      const target = uploadTarget(deps, req, res);
      if (!target) return;
      res.locals.assetTarget = target;
      next();
    },
    express.raw({ type: () => true, limit: maxAssetBytes }),
    (req, res) => {
      const target = res.locals.assetTarget as Owned;
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
      if (!MAGIC[mime.data]?.(bytes))
        return sendError(res, 'bad_request', `the content is not a ${mime.data}`);
      // Charged once the size is known and before anything is stored: a refused upload keeps nothing.
      const { owner, boardId, uploader, address } = target;
      const tooMany = () => {
        res.set('Retry-After', String(Math.ceil(bytes.byteLength / bytesPerSecond)));
        const perHour = Math.floor(maxUploadBytesPerHour / (1024 * 1024)) || 1;
        sendError(
          res,
          'rate_limited',
          `too many images uploaded (at most ${perHour} MB an hour each): wait a few minutes`,
        );
      };
      if (!uploads.take(uploader, bytes.byteLength)) return tooMany();
      const keep = () => {
        const assetId = idInShard(deps.shard ?? null, () => randomBytes(12).toString('base64url'));
        const url = `/api/assets/${assetId}${deps.shard == null ? '' : `?${SHARD_PARAM}=${deps.shard}`}`;
        store.putAsset({ assetId, mimeType: mime.data, bytes, createdAt: now(), owner, boardId });
        const answer = () => void res.status(201).json({ assetId, url });
        if (!deps.durable) return answer();
        deps
          .durable()
          .then(answer, () =>
            sendError(res, 'unavailable', 'storage did not confirm the upload: try again shortly'),
          );
      };
      if (address === undefined || !deps.clusterUploads) return keep();
      // Across the cluster too (REDIS_URL): its answer comes before anything is stored.
      void deps.clusterUploads(address, bytes.byteLength).then(
        (taken) => {
          if (taken === 'ok') return keep();
          if (taken === 'limited') return tooMany();
          sendError(res, 'unavailable', 'the limits store is out of reach: try again shortly');
        },
        () => sendError(res, 'unavailable', 'the limits store is out of reach: try again shortly'),
      );
    },
  );
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
