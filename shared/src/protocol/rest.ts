import { z } from 'zod';
import { writtenText } from './readableText.js';
import { lazySchema } from '../lazySchema.js';
import { SHARD_PARAM } from '../domain/shards.js';

/** GET /api/boards/:boardId/authorship: each shape's creator and later editors, from the server's log. */
export const BoardAuthorshipSchema = lazySchema(() =>
  z.record(z.string(), z.object({ creator: z.string(), authors: z.array(z.string()) })),
);
export type BoardAuthorship = z.infer<typeof BoardAuthorshipSchema>;
import { ClassIdSchema } from './classroom.js';
import { BoardIdSchema, UserIdSchema } from './ids.js';

/** REST routes live under this prefix; everything else is the client app, socket.io or the Yjs endpoint. */
export const API_PREFIX = '/api';

// POST /api/boards
export const CreateBoardBodySchema = lazySchema(() =>
  z.object({ title: writtenText().min(1).max(120).optional() }).strict(),
);
export type CreateBoardBody = z.infer<typeof CreateBoardBodySchema>;

// 201 from POST /api/boards; 200 from GET /api/boards/:boardId
export const BoardInfoSchema = lazySchema(() =>
  z.object({
    boardId: BoardIdSchema,
    title: z.string(),
    createdAt: z.number().int(),
  }),
);
export type BoardInfo = z.infer<typeof BoardInfoSchema>;

// GET /api/config — what the browser needs at run time (nothing secret: a tldraw licence key is public by design).
export const ClientConfigSchema = lazySchema(() =>
  z.object({
    protocolVersion: z.number().int(),
    tldrawLicenseKey: z.string().nullable(),
    maxUpdateBytes: z.number().int(),
    maxAssetBytes: z.number().int(),
  }),
);
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

// POST /api/assets?<UploadAssetQuery> (raw body, Content-Type one of these) → 201 { assetId, url };
// GET /api/assets/:assetId
/**
 * What an uploaded image belongs to, and is deleted with: a board (a class's board, with a session that may
 * write on it; a board outside any class, with its `user` id) or a class's template (its teacher).
 */
export const UploadAssetQuerySchema = lazySchema(() =>
  z.union([
    z.object({ boardId: BoardIdSchema, user: UserIdSchema.optional() }).strict(),
    z.object({ classId: ClassIdSchema }).strict(),
  ]),
);
export type UploadAssetQuery = z.infer<typeof UploadAssetQuerySchema>;
export const ASSET_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const AssetMimeTypeSchema = lazySchema(() => z.enum(ASSET_MIME_TYPES));
export const UploadedAssetSchema = lazySchema(() => z.object({ assetId: z.string(), url: z.string() }));
export type UploadedAsset = z.infer<typeof UploadedAssetSchema>;

/** Where stored files are served: an uploaded asset's `url` starts with it (same origin, no host). */
export const STORED_ASSET_PATH = `${API_PREFIX}/assets/`;

/**
 * An upload's URL, exactly as the server answers it: `/api/assets/<id>`, with the balancer's `?shard=<n>` when
 * scaled out. Nothing else may follow the prefix: a browser resolves `..` (also written `%2e%2e`, or with `\`
 * for `/`) before it fetches, so `/api/assets/../classes/<id>/export` is a call to the API, made by every
 * browser drawing the board with its own credential (the teacher's cookie).
 */
const STORED_ASSET_NAME = new RegExp(`^[A-Za-z0-9_-]{1,64}(?:\\?${SHARD_PARAM}=\\d{1,4})?$`);

/**
 * Whether a URL names a file this server stored, so a browser may fetch it: the app makes no request to any
 * outside host, nor any other request of its own API, whatever a board's record says.
 */
export const isStoredAssetUrl = (url: unknown): url is string =>
  typeof url === 'string' &&
  url.startsWith(STORED_ASSET_PATH) &&
  STORED_ASSET_NAME.test(url.slice(STORED_ASSET_PATH.length));
