/**
 * Which thumbnails the dashboard draws: `svg` (records → SVG, no editor) unless the page was opened with
 * `?views=editor`, the earlier design (a read-only tldraw editor per group), kept so `pnpm bench:browser`
 * can measure both in the same run.
 */
export const thumbnailDesign = (): 'svg' | 'editor' =>
  new URLSearchParams(window.location.search).get('views') === 'editor' ? 'editor' : 'svg';
