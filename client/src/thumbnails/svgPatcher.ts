import { svgDocument, type ThumbnailParts } from './boardThumbnail.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Keeps a thumbnail's SVG in a host element in step with its parts, touching only what changed: a root
 * whose markup is new is parsed and swapped in on its own, unchanged roots keep their elements, and the
 * overlay (critique pins) is redrawn only when its markup changes. A student moving one shape re-parses one
 * shape, not the board, and the browser repaints that much.
 */
export class SvgPatcher {
  private svg: SVGSVGElement | null = null;
  private overlay: SVGGElement | null = null;
  private overlayMarkup = '';
  private viewBox = '';
  private readonly shown = new Map<string, { markup: string; element: Element }>();
  private readonly parser: SVGSVGElement;

  constructor(private readonly host: HTMLElement) {
    this.parser = host.ownerDocument.createElementNS(SVG_NS, 'svg');
  }

  /** Draws `parts`; `viewBox` frames them (by default the parts' own, fitted around every shape). */
  render(parts: ThumbnailParts, overlayMarkup: string, viewBox = parts.viewBox): void {
    if (!this.svg) {
      this.mount(parts, overlayMarkup, viewBox);
      return;
    }
    this.setViewBox(viewBox);
    const next: Element[] = [];
    const seen = new Set<string>();
    let sameOrder = parts.roots.length === this.shown.size;
    let position = 0;
    const current = this.svg.children;
    for (const { id, markup } of parts.roots) {
      seen.add(id);
      const was = this.shown.get(id);
      let element = was?.element;
      if (!was || was.markup !== markup) {
        const fresh = this.parse(markup);
        if (was && fresh) was.element.replaceWith(fresh);
        element = fresh ?? undefined;
        if (element) this.shown.set(id, { markup, element });
      }
      if (!element) continue;
      if (current[position] !== element) sameOrder = false;
      next.push(element);
      position += 1;
    }
    for (const id of [...this.shown.keys()]) if (!seen.has(id)) this.shown.delete(id);
    // A shape added, removed or restacked: put the elements (mostly the same nodes) back in order.
    if (!sameOrder) this.svg.replaceChildren(...next, this.overlay!);
    this.setOverlay(overlayMarkup);
  }

  /** Redraws the overlay alone (pins, cursors), if its markup changed. */
  setOverlay(overlayMarkup: string): void {
    if (!this.overlay || overlayMarkup === this.overlayMarkup) return;
    this.overlay.innerHTML = overlayMarkup;
    this.overlayMarkup = overlayMarkup;
  }

  /** Frames another part of the page (a view moving its camera between redraws). */
  setViewBox(viewBox: string): void {
    if (!this.svg || viewBox === this.viewBox) return;
    this.svg.setAttribute('viewBox', viewBox);
    this.viewBox = viewBox;
  }

  private mount(parts: ThumbnailParts, overlayMarkup: string, viewBox: string): void {
    this.host.innerHTML = svgDocument(
      viewBox,
      parts.roots.map((r) => r.markup).join('') + `<g data-overlay="">${overlayMarkup}</g>`,
    );
    this.svg = this.host.firstElementChild as SVGSVGElement;
    this.viewBox = viewBox;
    this.overlayMarkup = overlayMarkup;
    const children = [...this.svg.children];
    this.overlay = children.pop() as SVGGElement;
    parts.roots.forEach(({ id, markup }, i) => this.shown.set(id, { markup, element: children[i]! }));
  }

  private parse(markup: string): Element | null {
    this.parser.innerHTML = markup;
    const element = this.parser.firstElementChild;
    element?.remove();
    return element;
  }
}
