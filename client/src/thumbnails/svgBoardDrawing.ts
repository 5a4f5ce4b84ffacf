import type { BoardId, Box, FitOptions } from '@conjecture/shared';
import { BoardSession, type BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import type { BoardDoc } from '../sync/boardDoc.js';
import { userColor } from '../classroom/colorDirectory.js';
import { bindThumbnail } from './bindThumbnail.js';
import type { BoardThumbnail, ThumbnailParts, ThumbnailRecord } from './boardThumbnail.js';
import { SvgPatcher } from './svgPatcher.js';
import { pinsMarkup, type RecordLookup } from './thumbnailPins.js';
import { graphPaperStyle } from '../graphPaper/graphPaperStyle.js';
import {
  between,
  cameraOf,
  frameViewBox,
  moreBeyond,
  NOTHING_BEYOND,
  sameBeyond,
  viewBoxAttribute,
  type MoreBeyond,
} from './viewFrame.js';
import { cursorsMarkup, peerCursors, CURSOR_IDLE_MS } from './peerCursors.js';
import { farOffMarkup } from './farOffMarks.js';

/** How long the view glides to a spotlight and back (none when the viewer asks for reduced motion). */
const GLIDE_MS = 450;

export interface ViewElements {
  /** The view's box: what is measured for the fit (its own layout is never skipped, unlike its contents'). */
  frame: HTMLElement;
  /** Receives the board's SVG (drawn by `SvgPatcher`, never by React). */
  drawing: HTMLElement;
  /** Under the drawing, filling the view: the graph paper is its background. */
  paper: HTMLElement;
}

export interface Framing {
  region: Box | null;
  fit: FitOptions;
  graphPaper: boolean;
}

function lookup(board: BoardDoc): RecordLookup {
  const { records } = board;
  return {
    get: (id) => records.get(id) as ThumbnailRecord | undefined,
    values: function* () {
      for (const entry of records.map.values()) yield entry.val as ThumbnailRecord;
    },
  };
}

const sameBox = (a: Box | null, b: Box | null) =>
  a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * A live board drawn as SVG from its records (the shared renderer, `BoardThumbnail`, patched in place by
 * `SvgPatcher`) over a read-only connection, with no tldraw editor — the projector's boards and the
 * dashboard's thumbnails: framed as the editor framed them (all the work, or the spotlight's region),
 * re-framed on resize and as the work grows, graph paper under it when the class shows it, critique pins,
 * and peers' cursors named by the viewer's resolver (pseudonyms where names are anonymized).
 */
export class SvgBoardDrawing {
  readonly session: BoardSession;
  private readonly records: RecordLookup;
  private readonly patcher: SvgPatcher;
  private thumbnail: BoardThumbnail | null = null;
  private unbind: (() => void) | null = null;
  private shown: Box | null = null;
  private bounds: Box | null = null;
  private moreBeyond = NOTHING_BEYOND;
  private glide: { from: Box; to: Box; start: number; frame: number } | null = null;
  private readonly movedAt = new Map<number, { x: number; y: number; at: number }>();
  private overlayFrame: number | null = null;
  private idleTimer: number | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    boardId: BoardId,
    connection: BoardConnection,
    private readonly elements: ViewElements,
    private framing: Framing,
    private readonly resolveName: ResolveDisplayName,
    private readonly onDrawn: () => void,
    /** Redraw at most this often: the work is read, not each stroke (a board gets several edits a second). */
    private readonly redrawMs: number,
    /** Told the work's bounds when they change (the projector arranges its boards by them). */
    private readonly onBounds: (bounds: Box | null) => void = () => {},
    /** Told where the work goes on beyond the view (a long or wide board held readable on the projector). */
    private readonly onMoreBeyond: (more: MoreBeyond) => void = () => {},
  ) {
    this.session = new BoardSession(boardId, connection);
    this.records = lookup(this.session.board);
    this.patcher = new SvgPatcher(elements.drawing);
    const onStatus = () => {
      if (this.session.getStatus().phase !== 'ready' || this.unbind) return;
      const bound = bindThumbnail(this.session.board.records as never, () => this.draw(), this.throttled());
      this.thumbnail = bound.thumbnail;
      this.unbind = bound.unbind;
      this.draw();
    };
    this.cleanups.push(this.session.subscribe(onStatus));
    onStatus();
    const awareness = this.session.provider.awareness;
    const onAwareness = () => this.scheduleOverlay();
    awareness.on('change', onAwareness);
    this.cleanups.push(() => awareness.off('change', onAwareness));
  }

  /** The ids of the shapes drawn (for tests and the benchmark: what the screen shows, not the doc). */
  shapeIds(): string[] {
    return [...this.elements.drawing.querySelectorAll('g[data-shape-id]:not([data-testid])')].map(
      (g) => g.getAttribute('data-shape-id') as string,
    );
  }

  /** A new spotlight (or its end) glides there; a resize or a change of the work re-frames at once. */
  setFraming(framing: Framing): void {
    const moved = !sameBox(framing.region, this.framing.region);
    this.framing = framing;
    this.refit(moved);
    this.drawPaper();
  }

  resize(): void {
    this.refit(false);
  }

  destroy(): void {
    if (this.glide) cancelAnimationFrame(this.glide.frame);
    if (this.overlayFrame !== null) cancelAnimationFrame(this.overlayFrame);
    if (this.idleTimer !== null) window.clearTimeout(this.idleTimer);
    for (const cleanup of this.cleanups) cleanup();
    this.unbind?.();
    this.session.destroy();
    this.elements.drawing.replaceChildren();
  }

  private throttled(): (run: () => void) => void {
    let last = -Infinity;
    return (run) => {
      const wait = Math.max(0, last + this.redrawMs - performance.now());
      window.setTimeout(
        () =>
          requestAnimationFrame(() => {
            last = performance.now();
            run();
          }),
        wait,
      );
    };
  }

  private parts(): ThumbnailParts | null {
    return this.thumbnail?.parts() ?? null;
  }

  private draw(): void {
    const parts = this.parts();
    if (!parts) return;
    const first = !this.shown;
    if (first) this.shown = this.target(parts);
    this.patcher.render(parts, this.overlay(), this.shown ? viewBoxAttribute(this.shown) : parts.viewBox);
    if (first) this.drawPaper();
    this.refit(false);
    if (first || !sameBox(parts.bounds, this.bounds)) {
      this.bounds = parts.bounds;
      this.onBounds(parts.bounds);
    }
    this.onDrawn();
  }

  private size() {
    const { clientWidth: w, clientHeight: h } = this.elements.frame;
    return { w, h };
  }

  private target(parts: ThumbnailParts): Box | null {
    return frameViewBox(this.framing.region ?? parts.bounds, this.size(), this.framing.fit);
  }

  private refit(animate: boolean): void {
    const parts = this.parts();
    const target = parts ? this.target(parts) : null;
    if (!parts || !target) return;
    this.tellMoreBeyond(moreBeyond(this.framing.region ?? parts.bounds ?? target, target));
    if (this.glide) {
      this.glide.to = target; // the work changed mid-glide: land where it now belongs
      return;
    }
    if (animate && this.shown && !reducedMotion()) {
      const glide = { from: this.shown, to: target, start: performance.now(), frame: 0 };
      const step = (now: number) => {
        const t = (now - glide.start) / GLIDE_MS;
        this.show(between(glide.from, glide.to, t));
        if (t < 1) glide.frame = requestAnimationFrame(step);
        else this.glide = null;
      };
      this.glide = glide;
      glide.frame = requestAnimationFrame(step);
      return;
    }
    this.show(target);
  }

  private tellMoreBeyond(more: MoreBeyond): void {
    if (sameBeyond(this.moreBeyond, more)) return;
    this.moreBeyond = more;
    this.onMoreBeyond(more);
  }

  private show(box: Box): void {
    const same = this.shown && viewBoxAttribute(this.shown) === viewBoxAttribute(box);
    this.shown = box;
    if (same) return;
    this.patcher.setViewBox(viewBoxAttribute(box));
    this.drawPaper();
    this.scheduleOverlay();
  }

  private drawPaper(): void {
    const { style } = this.elements.paper;
    if (!this.framing.graphPaper || !this.shown) {
      style.backgroundImage = '';
      return;
    }
    Object.assign(style, graphPaperStyle(cameraOf(this.shown, this.size().w)));
  }

  /**
   * Critique pins, cursors and marks toward shapes far off the work, sized for the screen (constant on-screen
   * size at any zoom).
   */
  private overlay(): string {
    const pxPerUnit = this.shown ? cameraOf(this.shown, this.size().w).z : 1;
    const awareness = this.session.provider.awareness;
    const cursors = peerCursors(
      awareness.getStates(),
      awareness.clientID,
      this.resolveName,
      this.movedAt,
      Date.now(),
      userColor,
    );
    // Hide a cursor once it has stood still for the idle time, as the editor does.
    if (this.idleTimer !== null) window.clearTimeout(this.idleTimer);
    this.idleTimer =
      cursors.length > 0 ? window.setTimeout(() => this.scheduleOverlay(), CURSOR_IDLE_MS + 100) : null;
    const farOff = this.parts()?.farOff ?? [];
    return (
      pinsMarkup(this.records, pxPerUnit) +
      cursorsMarkup(cursors, pxPerUnit) +
      farOffMarkup(farOff, this.shown, pxPerUnit)
    );
  }

  private scheduleOverlay(): void {
    if (this.overlayFrame !== null) return;
    this.overlayFrame = requestAnimationFrame(() => {
      this.overlayFrame = null;
      if (this.thumbnail) this.patcher.setOverlay(this.overlay());
    });
  }
}
