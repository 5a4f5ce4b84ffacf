/**
 * Where to put a floating control (the Critique button, a math shape's form) so that it is wholly on screen
 * and covered by none of the editor's own panels (the toolbar at the bottom, the style panel at the right,
 * the class bar at the top, the connection badge). Pure: rectangles in, a position out.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The box moved as little as it can: into the viewport (less `margin`), then out of each obstacle it
 * overlaps, by whichever of the four directions is shortest and keeps it on screen.
 */
export function keepClear(box: Rect, viewport: Rect, obstacles: readonly Rect[], margin = 8): Rect {
  const clampX = (x: number) =>
    Math.max(viewport.x + margin, Math.min(x, viewport.x + viewport.w - box.w - margin));
  const clampY = (y: number) =>
    Math.max(viewport.y + margin, Math.min(y, viewport.y + viewport.h - box.h - margin));
  let at: Rect = { ...box, x: clampX(box.x), y: clampY(box.y) };
  // One pass per obstacle at most: stepping clear of one may land on another (the toolbar, then a switch
  // beside it), so a step that stays on screen is taken even when it does not clear everything at once.
  for (let pass = 0; pass <= obstacles.length; pass++) {
    const hit = obstacles.find((o) => intersects(at, o));
    if (!hit) return at;
    const moves: Rect[] = [
      { ...at, y: hit.y - at.h - margin }, // above it
      { ...at, x: hit.x - at.w - margin }, // left of it
      { ...at, y: hit.y + hit.h + margin }, // below it
      { ...at, x: hit.x + hit.w + margin }, // right of it
    ];
    const onScreen = moves.filter((m) => clampX(m.x) === m.x && clampY(m.y) === m.y);
    const clear = onScreen.filter((m) => !obstacles.some((o) => intersects(m, o)));
    const candidates =
      clear.length > 0
        ? clear
        : onScreen.length > 0
          ? onScreen
          : moves.map((m) => ({ ...m, x: clampX(m.x), y: clampY(m.y) }));
    const from = at;
    at = candidates.sort(
      (a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y),
    )[0]!;
  }
  return at;
}

/**
 * Where a shape's form of `size` opens without moving the camera: under the shape, else on its right, its
 * left or above it — slid along that side (from the shape's edge, or just past a panel in the way) to stay
 * on screen, clear of `obstacles` and of the shape itself. Null where none fits: then the camera moves to
 * make room (`keepClear`). Pure.
 */
export function besideShape(
  shape: Rect,
  size: { w: number; h: number },
  viewport: Rect,
  obstacles: readonly Rect[],
  margin = 8,
): Rect | null {
  const { w, h } = size;
  const minX = viewport.x + margin;
  const maxX = viewport.x + viewport.w - w - margin;
  const minY = viewport.y + margin;
  const maxY = viewport.y + viewport.h - h - margin;
  const slide = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max));
  // Along a side: from the shape's edge, else just past (after, before) each panel.
  const along = (edge: number, start: 'x' | 'y', length: number, min: number, max: number) =>
    [
      edge,
      ...obstacles.flatMap((o) => [
        o[start] + (start === 'x' ? o.w : o.h) + margin,
        o[start] - length - margin,
      ]),
    ].map((v) => slide(v, min, max));
  const candidates: Rect[] = [
    ...along(shape.x, 'x', w, minX, maxX).map((x) => ({ x, y: shape.y + shape.h + margin })), // under it
    ...along(shape.y, 'y', h, minY, maxY).map((y) => ({ x: shape.x + shape.w + margin, y })), // on its right
    ...along(shape.y, 'y', h, minY, maxY).map((y) => ({ x: shape.x - w - margin, y })), // on its left
    ...along(shape.x, 'x', w, minX, maxX).map((x) => ({ x, y: shape.y - h - margin })), // above it
  ].map((at) => ({ ...at, w, h }));
  const fits = (r: Rect) =>
    r.x >= minX &&
    r.x <= maxX &&
    r.y >= minY &&
    r.y <= maxY &&
    !intersects(r, shape) &&
    !obstacles.some((o) => intersects(r, o));
  return candidates.find(fits) ?? null;
}

/** The editor's own panels in viewport coordinates (relative to `container`): what a floating control must not cover. */
export function editorPanels(container: HTMLElement): Rect[] {
  const origin = container.getBoundingClientRect();
  // This editor's own panels (not another board's on the same page), and the class page's bars over it.
  const inEditor = [
    '.tlui-main-toolbar',
    '.tlui-style-panel',
    '.tlui-menu-zone',
    '.tlui-navigation-panel',
    '.pen-mode-switch',
    '.insight-toggles',
  ];
  // The board's own badge and notice sit beside its editor, not in it (a Critique button clamped to the top
  // of the screen hid under the connection badge).
  const onBoard = [':scope > .connection-badge', ':scope > .refusal-notice'];
  const onPage = ['.class-bar', '.pause-banner', '.question-notice', '.drawn-group-notice'];
  const board = container.closest('.board');
  const found = [
    ...inEditor.flatMap((s) => [...container.querySelectorAll<HTMLElement>(s)]),
    ...(board ? onBoard.flatMap((s) => [...board.querySelectorAll<HTMLElement>(s)]) : []),
    ...onPage.flatMap((s) => [...container.ownerDocument.querySelectorAll<HTMLElement>(s)]),
  ];
  return found.flatMap((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [];
    return [{ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height }];
  });
}
