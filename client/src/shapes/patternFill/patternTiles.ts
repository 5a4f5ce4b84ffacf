/**
 * The hatched tiles behind tldraw's "pattern" fill, one per level of detail (LOD) and colour mode. Level i is
 * drawn for a zoom of 2^i and used while a shape's effective zoom (camera zoom × shape scale) is at most that,
 * so the hatching stays crisp; the top level follows the camera's zoom range (tldraw's default range, 5 % to
 * 800 %, needs levels 0–8, whose top two tiles are 2,048 px square). tldraw draws all of them in one go inside its
 * canvas's first commit, which puts ~100 ms of canvas work (on this machine at 1x) into a big board's mount;
 * we draw them one per idle moment instead, nearest the current zoom first.
 */

export type ColorMode = 'light' | 'dark';

export interface PatternTile {
  lod: number;
  mode: ColorMode;
}

/** The tile's side at zoom 1, in page units (tldraw's). */
export const TILE_SIZE = 8;

/** The level whose tile serves an effective zoom: the smallest power of two at or above it. */
export const lodForZoom = (zoom: number): number => Math.ceil(Math.log2(Math.max(1, zoom)));

/** The highest level a camera whose zoom steps span `zoomSteps` can need: its largest step over its smallest. */
export function topLod(zoomSteps: readonly number[]): number {
  const first = zoomSteps[0] ?? 1;
  const last = zoomSteps[zoomSteps.length - 1] ?? 1;
  return lodForZoom(last / first);
}

/**
 * Every tile up to `top`, in the order they are drawn: the mode on screen before the other, and within a
 * mode the level the view uses now, then outward from it (nearer zooms first, the smaller of two equally far
 * levels first since it is cheaper).
 */
export function tileOrder(top: number, currentLod: number, mode: ColorMode): PatternTile[] {
  const current = Math.min(Math.max(currentLod, 0), top);
  const lods = Array.from({ length: top + 1 }, (_, lod) => lod).sort(
    (a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b,
  );
  const other: ColorMode = mode === 'light' ? 'dark' : 'light';
  return [mode, other].flatMap((m) => lods.map((lod) => ({ lod, mode: m })));
}

/** The placeholder colour a tile's pattern shows until it is drawn (tldraw's own, so nothing flickers). */
export const PLACEHOLDER: Record<ColorMode, string> = { light: '#f8f9fa', dark: '#212529' };
