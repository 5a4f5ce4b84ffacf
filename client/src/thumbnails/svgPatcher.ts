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

  render(parts: ThumbnailParts, overlayMarkup: string): void {
    if (!this.svg) {
      this.mount(parts, overlayMarkup);
      return;
    }
    if (parts.viewBox !== this.viewBox) {
      this.svg.setAttribute('viewBox', parts.viewBox);
      this.viewBox = parts.viewBox;
    }
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
    if (overlayMarkup !== this.overlayMarkup) {
      this.overlay!.innerHTML = overlayMarkup;
      this.overlayMarkup = overlayMarkup;
    }
  }

  private mount(parts: ThumbnailParts, overlayMarkup: string): void {
    this.host.innerHTML = svgDocument(
      parts.viewBox,
      parts.roots.map((r) => r.markup).join('') + `<g data-overlay="">${overlayMarkup}</g>`,
    );
    this.svg = this.host.firstElementChild as SVGSVGElement;
    this.viewBox = parts.viewBox;
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
