import { graphPaperLines } from './graphPaperGrid.js';

/**
 * Graph paper as SVG markup for a view drawn without tldraw (the projector's boards): the same squares as
 * `GraphPaperBackground` for the same camera, in screen pixels under the board's drawing. `id` keeps the
 * pattern ids of several views on one page apart.
 */
export function graphPaperMarkup(camera: { x: number; y: number; z: number }, id: string): string {
  const { minorScreenPx, majorScreenPx, offsetX, offsetY } = graphPaperLines(camera);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  const pattern = (name: string, step: number) =>
    `<pattern id="${id}-${name}" patternUnits="userSpaceOnUse" width="${r(step)}" height="${r(step)}" x="${r(offsetX)}" y="${r(offsetY)}">` +
    `<path d="M ${r(step)} 0 L 0 0 0 ${r(step)}" class="graph-paper__${name}"/></pattern>`;
  return (
    `<defs>${pattern('minor', minorScreenPx)}${pattern('major', majorScreenPx)}</defs>` +
    `<rect width="100%" height="100%" fill="url(#${id}-minor)"/><rect width="100%" height="100%" fill="url(#${id}-major)"/>`
  );
}
