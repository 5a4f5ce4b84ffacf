/**
 * How the projector draws its boards: `svg` (records → SVG, no editor) unless the page was opened with
 * `?views=editor`, the earlier design (a read-only tldraw editor per board), kept only so
 * `pnpm bench:dashboard` can measure both in the same run — as the dashboard's `thumbnailDesign`.
 */
export type ProjectorDesign = 'svg' | 'editor';

export const projectorDesign = (): ProjectorDesign =>
  new URLSearchParams(window.location.search).get('views') === 'editor' ? 'editor' : 'svg';
