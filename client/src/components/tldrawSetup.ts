import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { ASSET_MIME_TYPES } from '@conjecture/shared';
import { customShapeUtils } from '../shapes/index.js';
import { mathTools, mathUiOverrides } from '../shapes/mathToolbar.js';

// Fonts, icons and translations bundled by Vite and served by our server: the page asks no other host.
export const assetUrls = getAssetUrlsByImport();
// Module constants, not literals in JSX: tldraw rebuilds (remounts) the editor when these change identity.
export const IMAGE_TYPES = [...ASSET_MIME_TYPES];
export const NO_VIDEO_TYPES: string[] = [];
/** No embeds: one loads another site in every classmate's board (the server refuses them); a link is a bookmark. */
export const NO_EMBEDS = [];
/**
 * One page: a board is one picture for the teacher's thumbnails, the projector and exports (the server
 * refuses a second page). tldraw then offers no page menu and no "Move to page".
 */
export const ONE_PAGE = { maxPages: 1 } as const;

/**
 * What every editable canvas (group board, private draft, the teacher's template) passes to `<Tldraw>`: our
 * shapes and the math tools that place them (with their toolbar labels and keyboard shortcuts), the
 * self-hosted assets, the licence key, and the image types and size the asset store accepts. The toolbar
 * buttons come from the canvas's `components`, each wrapped once in `withMathToolbar` (the slots differ per
 * canvas, and tldraw remounts them when that object changes identity, so it stays a module constant there).
 */
export function editableCanvasProps(licenseKey: string | null, maxAssetBytes: number | null) {
  return {
    shapeUtils: customShapeUtils,
    tools: mathTools,
    overrides: mathUiOverrides,
    assetUrls,
    licenseKey: licenseKey ?? undefined,
    acceptedImageMimeTypes: IMAGE_TYPES,
    acceptedVideoMimeTypes: NO_VIDEO_TYPES,
    embeds: NO_EMBEDS,
    options: ONE_PAGE,
    ...(maxAssetBytes ? { maxAssetSize: maxAssetBytes } : {}),
  };
}
