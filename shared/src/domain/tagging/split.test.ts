import { describe, expect, it } from 'vitest';
import { DEV_SHARE, lessonSeries, splitBySeries, splitTranscripts, TUNE_SHARE } from './split.js';

describe('lessonSeries', () => {
  it.each([
    ['TalkBack.Year1.Strathom.Fall.120619-1', 'talkback:strathom'],
    ['TalkBack.Year2.Strathom.Sprint.050421', 'talkback:strathom'],
    ['Ladder problem 1_ Grade 7', 'ladder problem'],
    ['Ladder problem 3_Grade 7', 'ladder problem'],
    ['Math CZ2 transcript', 'math cz'],
    ['MOLLY MCNINCH pt 4', 'molly mcninch'],
    ['Video Mosiac 11th grade World Series 2', 'video mosaic 11th grade world series'],
    ['Video Mosaic Grade 6 1 variable 10', 'video mosaic grade 6 1 variable'],
    ['Jeffs group 2_first grade', 'jeffs group'],
    ['Maher_Equivalence 2_Grade 4', 'maher'],
    ['transcript_graphing_with_colors', 'transcript_graphing_with_colors'],
  ])('%s → %s', (id, series) => {
    expect(lessonSeries(id)).toBe(series);
  });
});

describe('splitBySeries', () => {
  const counts = new Map<string, number>(
    Array.from({ length: 40 }, (_, i) => [`series ${i}`, 100 + ((i * 37) % 90)] as const),
  );

  it('is deterministic, whatever the order of the input', () => {
    const reversed = new Map([...counts].reverse());
    expect([...splitBySeries(counts)].sort()).toEqual([...splitBySeries(reversed)].sort());
  });

  it('keeps dev and tune within their shares and fills them', () => {
    const split = splitBySeries(counts);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const sum = (name: string) =>
      [...split].filter(([, s]) => s === name).reduce((a, [k]) => a + counts.get(k)!, 0);
    expect(sum('dev')).toBeLessThanOrEqual(DEV_SHARE * total);
    expect(sum('dev')).toBeGreaterThan(DEV_SHARE * total - 200);
    expect(sum('tune')).toBeLessThanOrEqual(TUNE_SHARE * total);
    expect(sum('fit')).toBeGreaterThan(0.7 * total);
  });

  it('never separates the transcripts of one series', () => {
    const ids = ['Towers 1_Grade 4', 'Towers 2_Grade 4', 'Math US1 transcript', 'Math US3 transcript'];
    const splitOf = splitTranscripts([...ids, ...Array.from({ length: 30 }, (_, i) => `Other ${i}x`)]);
    expect(splitOf(ids[0]!)).toBe(splitOf(ids[1]!));
    expect(splitOf(ids[2]!)).toBe(splitOf(ids[3]!));
  });
});
