import { describe, expect, it } from 'vitest';
import { shapeMarkup } from './shapeMarkup.js';
import { arrowEnd } from './arrowEnds.js';
import { b64Vecs } from '@tldraw/tlschema';

const noAssets = { assetSrc: () => null };

describe('shapeMarkup', () => {
  it('lays a note’s words out in the note, in tldraw’s font and label size, escaped', () => {
    const { markup, w, h } = shapeMarkup('note', { color: 'black', size: 'm' }, 'a < b & c', noAssets)!;
    expect([w, h]).toEqual([200, 200]);
    expect(markup).toContain('fill="#fce19c"'); // tldraw's default note colour
    expect(markup).toContain('<foreignObject');
    expect(markup).toContain("font-family:'tldraw_draw', sans-serif");
    expect(markup).toContain('font-size:22px');
    expect(markup).toContain('white-space:pre-wrap');
    expect(markup).toContain('a &lt; b &amp; c');
  });

  it('frames an auto-sized text (tldraw keeps its w at 8) as its one line, not a word per line', () => {
    const line = 'Step 1: 3 pens cost $2, so 1 × 3 pens cost $2';
    const { w, h } = shapeMarkup('text', { size: 'm', w: 8, autoSize: true }, line, noAssets)!;
    // one line of 24 px type, about as wide as its 45 characters: a column of these frames as a column
    expect(h).toBeCloseTo(24 * 1.35);
    expect(w).toBeGreaterThan(line.length * 24 * 0.4);
    expect(w).toBeLessThan(line.length * 24 * 0.7);
    // a fixed-width text still wraps in its width
    const fixed = shapeMarkup('text', { size: 'm', w: 200, autoSize: false }, line, noAssets)!;
    expect(fixed.w).toBe(200);
    expect(fixed.h).toBeGreaterThan(2 * 24 * 1.35);
  });

  it('shows a question card’s whole question, wrapped from the top left, in the card’s colours', () => {
    const question = 'Does this note always tell you which is the better deal? How could you check?';
    const { markup, w, h } = shapeMarkup(
      'question-card',
      { w: 320, h: 200, questionId: 'q1', text: question },
      null,
      noAssets,
    )!;
    expect([w, h]).toEqual([320, 200]);
    expect(markup).toContain('fill="#e7f5ff"');
    expect(markup).toContain(question); // every word, not one line cut short
    expect(markup).toContain('white-space:pre-wrap');
    expect(markup).toContain('text-align:left');
  });

  it('draws geo outlines by kind, with the stroke of their size and their fill', () => {
    const triangle = shapeMarkup(
      'geo',
      { geo: 'triangle', w: 100, h: 80, size: 'xl', color: 'blue', fill: 'solid' },
      null,
      noAssets,
    )!;
    expect(triangle.markup).toMatch(/^<polygon points="50,0 100,80 0,80"/);
    expect(triangle.markup).toContain('stroke-width="10"');
    expect(triangle.markup).toContain('fill="#dce1f8"');
    expect(shapeMarkup('geo', { geo: 'ellipse', w: 10, h: 10 }, null, noAssets)!.markup).toContain(
      '<ellipse',
    );
  });

  it('keeps an auto-sized text on its lines, in its font and size', () => {
    const { markup } = shapeMarkup(
      'text',
      { w: 300, size: 'l', font: 'serif', autoSize: true },
      'x',
      noAssets,
    )!;
    expect(markup).toContain('white-space:pre');
    expect(markup).toContain('font-size:36px');
    expect(markup).toContain("'tldraw_serif'");
  });

  it('draws an arrow with its head and label, between the ends it is given', () => {
    const { markup } = shapeMarkup(
      'arrow',
      { start: { x: 0, y: 0 }, end: { x: 50, y: 0 }, arrowheadEnd: 'arrow' },
      'per pen',
      { ...noAssets, arrowEnds: { start: { x: 0, y: 0 }, end: { x: 200, y: 0 } } },
    )!;
    expect(markup).toContain('M0 0Q100 0 200 0');
    expect(markup.match(/<path/g)).toHaveLength(2); // the line and its head
    expect(markup).toContain('per pen');
  });

  it('draws a line through its handles in order, and a freehand stroke smoothed', () => {
    const line = shapeMarkup(
      'line',
      { points: { b: { id: 'b', index: 'a2', x: 100, y: 0 }, a: { id: 'a', index: 'a1', x: 0, y: 0 } } },
      null,
      noAssets,
    )!;
    expect(line.markup).toContain('d="M0 0L100 0"');
    expect(line.w).toBe(100);
    const path = b64Vecs.encodePoints([
      { x: 0, y: 0, z: 0.5 },
      { x: 10, y: 10, z: 0.5 },
      { x: 20, y: 0, z: 0.5 },
    ]);
    const stroke = shapeMarkup('draw', { segments: [{ type: 'free', path }] }, null, noAssets)!;
    expect(stroke.markup).toContain('d="M0 0Q10 10 15 5L20 0"');
  });

  it('shows only images our server stores or inline ones', () => {
    const image = (src: string) =>
      shapeMarkup('image', { w: 10, h: 10, assetId: 'asset:a' }, null, { assetSrc: () => src })!.markup;
    expect(image('/api/assets/abc123')).toContain('<image href="/api/assets/abc123"');
    // Scaled out, an upload's URL carries the balancer's shard.
    expect(image('/api/assets/abc123?shard=7')).toContain('<image href="/api/assets/abc123?shard=7"');
    expect(image('/api/assets/../classes/c1/export')).not.toContain('<image');
    expect(image('https://tracker.example/p.png')).not.toContain('<image');
    expect(image('javascript:alert(1)')).not.toContain('<image');
  });

  it('leaves types it does not know to the other renderers', () => {
    expect(shapeMarkup('number-line', {}, null, noAssets)).toBeNull();
  });
});

describe('arrowEnd', () => {
  const target = { x: 100, y: 0, w: 100, h: 100 };

  it('stops an imprecise binding at the edge of the shape, aimed at its centre', () => {
    expect(arrowEnd({ target, props: {} }, { x: 0, y: 50 })).toEqual({ x: 100, y: 50 });
  });

  it('lands a precise binding on its anchor', () => {
    const props = { isPrecise: true, normalizedAnchor: { x: 0.25, y: 0.75 } };
    expect(arrowEnd({ target, props }, { x: 0, y: 0 })).toEqual({ x: 125, y: 75 });
  });
});
