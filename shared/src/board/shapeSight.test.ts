import { describe, expect, it } from 'vitest';
import {
  drawnOpacity,
  drawnWhite,
  isTooFaint,
  MIN_SHAPE_SCALE,
  MIN_WORDS_SCALE,
  parentsOpacity,
  wordsDrawnWhite,
  wordsShrunkAway,
} from './shapeSight.js';

const shape = (parentId: string, opacity = 1) => ({ typeName: 'shape', parentId, opacity });

describe('the opacity a shape is drawn at', () => {
  const records: Record<string, unknown> = {
    'shape:outer': shape('page:page', 0.5),
    'shape:inner': shape('shape:outer', 0.5),
    'shape:leaf': shape('shape:inner', 0.8),
  };
  const valueOf = (key: string) => records[key];

  it('is its own times each parent’s', () => {
    expect(drawnOpacity('shape:leaf', valueOf)).toBeCloseTo(0.2);
    expect(drawnOpacity('shape:outer', valueOf)).toBe(0.5);
    expect(parentsOpacity(records['shape:leaf'], valueOf)).toBe(0.25);
  });

  it('stops at a parent that is not there', () => {
    expect(
      drawnOpacity('shape:orphan', (key) => (key === 'shape:orphan' ? shape('shape:gone', 0.5) : undefined)),
    ).toBe(0.5);
  });

  it('counts tldraw’s products of its steps that land a hair under 0.1 as 0.1', () => {
    expect(0.3 * (1 / 3)).toBeLessThan(0.1);
    expect(isTooFaint(0.3 * (1 / 3))).toBe(false);
    expect(isTooFaint(0.25 * 0.25)).toBe(true);
  });
});

describe('a shape drawn white', () => {
  const shape = (type: string, props: Record<string, unknown>) => ({ typeName: 'shape', type, props });
  it('is a white stroke, text, outline or label; a white note with words in colour is not', () => {
    expect(drawnWhite(shape('geo', { color: 'white', fill: 'none' }))).toBe(true);
    expect(drawnWhite(shape('draw', { color: 'white' }))).toBe(true);
    expect(drawnWhite(shape('text', { color: 'white' }))).toBe(true);
    expect(drawnWhite(shape('note', { color: 'white', labelColor: 'black' }))).toBe(false);
    expect(drawnWhite(shape('note', { color: 'white', labelColor: 'white' }))).toBe(true);
    expect(drawnWhite(shape('frame', { color: 'white' }))).toBe(false);
    expect(drawnWhite(shape('geo', { color: 'black' }))).toBe(false);
    expect(drawnWhite(undefined)).toBe(false);
  });
});

describe('a shape’s words drawn white', () => {
  const shape = (type: string, props: Record<string, unknown>) => ({ typeName: 'shape', type, props });
  it('are an arrow’s white label, or a box’s on no fill or a light one', () => {
    expect(wordsDrawnWhite(shape('arrow', { color: 'black', labelColor: 'white' }))).toBe(true);
    for (const fill of ['none', 'semi', 'solid', 'pattern'])
      expect(wordsDrawnWhite(shape('geo', { color: 'black', fill, labelColor: 'white' }))).toBe(true);
    expect(wordsDrawnWhite(shape('geo', { color: 'white', fill: 'fill', labelColor: 'white' }))).toBe(true);
  });

  it('are not on a box filled with its colour, in any other colour, or on a shape whose label tldraw colours itself', () => {
    expect(wordsDrawnWhite(shape('geo', { color: 'blue', fill: 'fill', labelColor: 'white' }))).toBe(false);
    expect(wordsDrawnWhite(shape('geo', { color: 'black', fill: 'lined-fill', labelColor: 'white' }))).toBe(
      false,
    );
    expect(wordsDrawnWhite(shape('geo', { color: 'black', fill: 'none', labelColor: 'black' }))).toBe(false);
    expect(wordsDrawnWhite(shape('note', { color: 'black', labelColor: 'white' }))).toBe(false);
    expect(wordsDrawnWhite(undefined)).toBe(false);
  });
});

describe('whether a write shrinks a shape’s words out of reading', () => {
  const at = (scale: unknown) => ({ type: 'text', props: { scale } });

  it('is so when it lowers the scale under a pixel for tldraw’s smallest font', () => {
    expect(wordsShrunkAway(at(1), at(MIN_SHAPE_SCALE))).toBe(true);
    expect(wordsShrunkAway(at(0.125), at(0.05))).toBe(true);
    expect(wordsShrunkAway(at(MIN_WORDS_SCALE), at(MIN_WORDS_SCALE * 0.99))).toBe(true);
  });

  it('is not so for a scale tldraw makes shapes at, one left as it was, or one raised', () => {
    expect(wordsShrunkAway(at(1), at(0.125))).toBe(false);
    expect(wordsShrunkAway(at(0.125), at(0.1))).toBe(false);
    expect(wordsShrunkAway(at(0.05), at(0.05))).toBe(false); // stored so: a move is not a shrink
    expect(wordsShrunkAway(at(0.05), at(0.052))).toBe(false);
    expect(wordsShrunkAway(at(1), { type: 'text', props: {} })).toBe(false);
  });
});
