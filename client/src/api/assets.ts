import { API_PREFIX, AssetMimeTypeSchema, UploadedAssetSchema, type UploadedAsset } from '@conjecture/shared';
import { ApiRequestError, fetchJson } from './http.js';

/** Uploads an image as the raw request body; the server answers with a same-origin URL to reference it by. */
export async function uploadAsset(file: Blob, signal?: AbortSignal): Promise<UploadedAsset> {
  const type = AssetMimeTypeSchema.safeParse(file.type);
  if (!type.success) throw new ApiRequestError('bad_request', `cannot upload a file of type "${file.type}"`);
  return fetchJson(`${API_PREFIX}/assets`, UploadedAssetSchema, {
    method: 'POST',
    headers: { 'Content-Type': type.data },
    body: file,
    ...(signal ? { signal } : {}),
  });
}
