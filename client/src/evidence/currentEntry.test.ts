import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@conjecture/shared';
import { currentEntry } from './currentEntry.js';

const entry = (at: number): TimelineEntry => ({
  kind: 'tag',
  at,
  author: 'ana',
  text: 'x',
  move: null,
  questionType: null,
  question: false,
  corrected: false,
  shapeId: null,
});
const entries = [entry(10), entry(20), entry(30)];

describe('currentEntry', () => {
  it('is the last entry before the board next changes', () => {
    expect(currentEntry(entries, 25, null)).toBe(1);
    expect(currentEntry(entries, 5, null)).toBe(-1);
    expect(currentEntry(entries, Infinity, null)).toBe(2);
  });

  it('is the chosen entry while the board stays where choosing it put it', () => {
    // Entries 0–2 all happened before the board next changed: the teacher chose the first.
    expect(currentEntry(entries, Infinity, 0)).toBe(0);
  });
});
