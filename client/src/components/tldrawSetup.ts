import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { ASSET_MIME_TYPES } from '@conjecture/shared';
import { customShapeUtils } from '../shapes/index.js';

// Fonts, icons and translations bundled by Vite and served by our server: the page asks no other host.
export const assetUrls = getAssetUrlsByImport();
// Module constants, not literals in JSX: tldraw rebuilds (remounts) the editor when these change identity.
export const IMAGE_TYPES = [...ASSET_MIME_TYPES];
export const NO_VIDEO_TYPES: string[] = [];

/**
 * What every editable canvas (group board, private draft, the teacher's template) passes to `<Tldraw>`: our
 * shapes, the self-hosted assets, the licence key, and the image types and size the asset store accepts.
 */
export function editableCanvasProps(licenseKey: string | null, maxAssetBytes: number | null) {
  return {
    shapeUtils: customShapeUtils,
    assetUrls,
    licenseKey: licenseKey ?? undefined,
    acceptedImageMimeTypes: IMAGE_TYPES,
    acceptedVideoMimeTypes: NO_VIDEO_TYPES,
    ...(maxAssetBytes ? { maxAssetSize: maxAssetBytes } : {}),
  };
}
