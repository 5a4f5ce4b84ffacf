/** The finest square of the paper at 100 % zoom, in page units (tldraw's own grid size). */
export const MINOR_STEP_PAGE_UNITS = 10;
/** Every fifth line is a major line, as on school graph paper. */
export const MINOR_PER_MAJOR = 5;
/** Minor lines closer than this on screen turn into a blur: step up to the next scale instead. */
export const MIN_MINOR_SCREEN_PX = 8;

export interface GraphPaperLines {
  /** Spacing of minor and major lines on screen, in CSS pixels. */
  minorScreenPx: number;
  majorScreenPx: number;
  /** Where the pattern starts on screen so that its lines sit on page multiples of the step. */
  offsetX: number;
  offsetY: number;
}

const positiveModulo = (value: number, step: number) => ((value % step) + step) % step;

/**
 * The squares for a camera (tldraw's: a page point p is drawn at (p + camera) × zoom). The step is scaled by
 * powers of MINOR_PER_MAJOR so the paper stays readable at every zoom: zooming out, today's major squares
 * become tomorrow's minor ones, and lines always fall on the same page multiples (a square drawn along them
 * keeps its size on screen as the paper does).
 */
export function graphPaperLines(camera: { x: number; y: number; z: number }): GraphPaperLines {
  const zoom = camera.z > 0 && Number.isFinite(camera.z) ? camera.z : 1;
  let minorPage = MINOR_STEP_PAGE_UNITS;
  while (minorPage * zoom < MIN_MINOR_SCREEN_PX) minorPage *= MINOR_PER_MAJOR;
  while ((minorPage / MINOR_PER_MAJOR) * zoom >= MIN_MINOR_SCREEN_PX) minorPage /= MINOR_PER_MAJOR;
  const majorPage = minorPage * MINOR_PER_MAJOR;
  const majorScreenPx = majorPage * zoom;
  return {
    minorScreenPx: minorPage * zoom,
    majorScreenPx,
    // Both patterns share one origin: the major step is a multiple of the minor one.
    offsetX: positiveModulo(camera.x * zoom, majorScreenPx),
    offsetY: positiveModulo(camera.y * zoom, majorScreenPx),
  };
}
