import { refusalOf, routes, routeUrl, type RouteName } from '@conjecture/shared';
import { ApiRequestError, type ClassAuth } from './http.js';

/** The URL of a download route of the shared table (`response: null` routes answer a file). */
export function downloadUrl(
  name: RouteName,
  params: Record<string, string>,
  query: Record<string, string> = {},
): string {
  return routeUrl(routes[name], params, query);
}

/** The file name the server gave (`Content-Disposition`), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a download with the caller's credential (the teacher's cookie rides by itself; a student's or the
 * projector's token as a bearer header) and saves it: a refusal is thrown as the server's error, never
 * saved as a file.
 */
export async function download(url: string, auth: ClassAuth, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(
      url,
      'token' in auth ? { headers: { Authorization: `Bearer ${auth.token}` } } : {},
    );
  } catch (error) {
    throw new ApiRequestError('network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw refusalOf(response.status, await response.json().catch(() => null), url);
  saveBlob(await response.blob(), fileNameOf(response, fallbackName));
}

const BLOB_URL_LIFETIME_MS = 60_000;

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns: free it once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
}

/** File names from titles: one rule for the browser's downloads and the server's. */
export { fileStem } from '@conjecture/shared';
