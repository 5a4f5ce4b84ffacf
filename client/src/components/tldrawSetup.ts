import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { ASSET_MIME_TYPES } from '@conjecture/shared';

// Fonts, icons and translations bundled by Vite and served by our server: the page asks no other host.
export const assetUrls = getAssetUrlsByImport();
// Module constants, not literals in JSX: tldraw rebuilds (remounts) the editor when these change identity.
export const IMAGE_TYPES = [...ASSET_MIME_TYPES];
export const NO_VIDEO_TYPES: string[] = [];
