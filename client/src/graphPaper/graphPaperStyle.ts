import { graphPaperLines } from './graphPaperGrid.js';

const MINOR = '#dde6f2';
const MAJOR = '#a9bdd8';

/**
 * Graph paper as a CSS background for a view drawn without tldraw (the projector's boards, the dashboard's
 * thumbnails): the same squares as `GraphPaperBackground` for the same camera (`graphPaperLines`), lines one
 * screen pixel wide on the tiles' top and left edges. A background, not markup: nothing to re-parse when the
 * view moves, and no second `<svg>` in the view.
 */
export function graphPaperStyle(camera: { x: number; y: number; z: number }): {
  backgroundImage: string;
  backgroundSize: string;
  backgroundPosition: string;
} {
  const { minorScreenPx, majorScreenPx, offsetX, offsetY } = graphPaperLines(camera);
  const px = (n: number) => `${Math.round(n * 1000) / 1000}px`;
  const lines = (color: string) =>
    `linear-gradient(to right, ${color} 0 1px, transparent 1px), linear-gradient(to bottom, ${color} 0 1px, transparent 1px)`;
  const at = `${px(offsetX)} ${px(offsetY)}`;
  return {
    // Major lines over minor ones, as the editor's two patterns stack.
    backgroundImage: `${lines(MAJOR)}, ${lines(MINOR)}`,
    backgroundSize: [majorScreenPx, majorScreenPx, minorScreenPx, minorScreenPx]
      .map((step) => `${px(step)} ${px(step)}`)
      .join(', '),
    backgroundPosition: [at, at, at, at].join(', '),
  };
}
