/**
 * Which thumbnails the dashboard draws: `svg` (records → SVG, no editor) unless the page was opened with
 * `?views=editor`, the earlier design (a read-only tldraw editor per group), or `?views=none` (no thumbnail:
 * what the rest of the dashboard costs), kept so `pnpm bench:dashboard` can measure them in the same run.
 */
export type ThumbnailDesign = 'svg' | 'editor' | 'none';

export const thumbnailDesign = (): ThumbnailDesign => {
  const asked = new URLSearchParams(window.location.search).get('views');
  return asked === 'editor' || asked === 'none' ? asked : 'svg';
};
