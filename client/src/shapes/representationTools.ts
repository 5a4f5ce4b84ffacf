/**
 * The math toolbar: one entry per representation shape. `mathToolbar.tsx` turns each entry into a tldraw
 * tool (a click on the canvas, or Enter, places the shape at its default size, selects it and starts editing
 * it when the shape can be edited) and a toolbar button shown ahead of tldraw's own tools, so every entry stays
 * in the main toolbar at 1280×800 instead of the overflow menu.
 *
 * To add a shape: register its ShapeUtil (shapes/index.ts) and its props (shared boardSchema.ts), then
 * append an entry here. Nothing else needs to change.
 */
export interface RepresentationTool {
  /** The tool's id; tldraw gives its toolbar button `data-testid="tools.<id>"`. Unique among tools. */
  id: string;
  /** Shown as the button's tooltip and aria-label. */
  label: string;
  /**
   * The icon: SVG path data drawn with a 2px stroke and no fill in a 24×24 view box (inline, so the app
   * asks no outside host for it).
   */
  icon: string;
  /**
   * tldraw keyboard shortcut. Taken by tldraw itself: a b d e f g h k l n o q r t v x z and shift+d f h l q v;
   * taken here: shift+e, shift+t, shift+b, shift+n, shift+p.
   */
  kbd: string;
  /** The shape the tool places: its ShapeUtil's `type`. */
  shapeType: string;
}

export const representationTools: RepresentationTool[] = [
  {
    id: 'equation',
    label: 'Equation',
    // "fx": an f with a crossbar, then an x.
    icon: 'M9 4c-2 0-3 1-3 3v13M3 10h6M12 11l7 8M19 11l-7 8',
    kbd: 'shift+e',
    shapeType: 'equation',
  },
  {
    id: 'table',
    label: 'Table',
    icon: 'M3 4h18v16H3zM3 9h18M3 14.5h18M9 4v16M15 4v16',
    kbd: 'shift+t',
    shapeType: 'table',
  },
  {
    id: 'fraction-bar',
    label: 'Fraction bar',
    // A bar in four parts, the first two shaded by hatching.
    icon: 'M2 8h20v8H2zM7 8v8M12 8v8M17 8v8M2 12l4-4M3 16l4-4M7 12l4-4M8 16l4-4',
    kbd: 'shift+b',
    shapeType: 'fraction-bar',
  },
  {
    id: 'number-line',
    label: 'Number line',
    // A line with arrowheads, three ticks and a marker on the middle one.
    icon: 'M2 14h20M4 12l-2 2 2 2M20 12l2 2-2 2M6 12v4M12 12v4M18 12v4M12 6a2 2 0 1 1 0 .01',
    kbd: 'shift+n',
    shapeType: 'number-line',
  },
  {
    id: 'coordinate-plane',
    label: 'Coordinate plane',
    // Two axes and a rising line through them.
    icon: 'M12 3v18M3 12h18M5 19L19 5',
    kbd: 'shift+p',
    shapeType: 'coordinate-plane',
  },
];
