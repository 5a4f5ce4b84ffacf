import {
  API_PREFIX,
  AssetMimeTypeSchema,
  SHARD_PARAM,
  shardOf,
  UploadedAssetSchema,
  type UploadedAsset,
} from '@conjecture/shared';
import { ApiRequestError, fetchJson } from './http.js';

/**
 * What an image is uploaded for, with the credential that may add to it: a board (a student's or
 * projector's `token`, a board outside any class its `user` id; the teacher's cookie goes by itself), or a
 * class's template. The server keeps the image with that class or board and deletes it with it.
 */
export type AssetTarget = { boardId: string; user?: string; token?: string } | { classId: string };

/** Uploads an image as the raw request body; the server answers with a same-origin URL to reference it by. */
export async function uploadAsset(
  file: Blob,
  target: AssetTarget,
  signal?: AbortSignal,
): Promise<UploadedAsset> {
  const type = AssetMimeTypeSchema.safeParse(file.type);
  if (!type.success) throw new ApiRequestError('bad_request', `cannot upload a file of type "${file.type}"`);
  const query = new URLSearchParams(
    'classId' in target
      ? { classId: target.classId }
      : { boardId: target.boardId, ...(target.user ? { user: target.user } : {}) },
  );
  // For the load balancer: the class's or board's shard (a class's boards lie in its shard).
  query.set(SHARD_PARAM, String(shardOf('classId' in target ? target.classId : target.boardId)));
  const token = 'token' in target ? target.token : undefined;
  return fetchJson(`${API_PREFIX}/assets?${query.toString()}`, UploadedAssetSchema, {
    method: 'POST',
    headers: { 'Content-Type': type.data, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: file,
    ...(signal ? { signal } : {}),
  });
}
