import { fnv1a } from './hash.js';

/**
 * The lesson series a transcript belongs to, from TalkMoves' naming: TalkBack transcripts are grouped by
 * teacher across both years ("TalkBack.Year1.Strathom.Fall.120619-1" → "talkback:strathom"); the others
 * drop their part number and grade suffix ("Ladder problem 3_Grade 7" → "ladder problem",
 * "Math CZ2 transcript" → "math cz", "MOLLY MCNINCH pt 4" → "molly mcninch").
 */
export function lessonSeries(transcriptId: string): string {
  const talkBack = /^TalkBack\.Year\d+\.([A-Za-z]+)/.exec(transcriptId);
  if (talkBack) return `talkback:${talkBack[1]!.toLowerCase()}`;
  const s = transcriptId
    .toLowerCase()
    .replace('mosiac', 'mosaic')
    .replace(/_\s*(first\s+)?grade.*$/, '')
    .replace(/^maher_.*$/, 'maher')
    .replace(/\b(pt|part)\b.*$/, '')
    .replace(/\btranscript\b/, '')
    .trim()
    .replace(/[\d\s]+$/, '')
    .replace(/(\D)\d+$/, '$1')
    .trim();
  return s === '' ? transcriptId.toLowerCase() : s;
}

export type SplitName = 'fit' | 'tune' | 'dev';

/** Share of rows held out for development (reported figures) and for tuning (epochs, class offsets). */
export const DEV_SHARE = 0.15;
export const TUNE_SHARE = 0.1;
export const SPLIT_DESCRIPTION =
  'by lesson series (TalkBack: teacher); series taken in FNV-1a hash order into dev while dev stays ≤15% of rows, then into tune (≤10%), the rest fit';

/**
 * Deterministic split by lesson series: series are visited in hash order and go to dev while dev stays within
 * DEV_SHARE of all rows, then to tune within TUNE_SHARE; the rest are for fitting. Depends only on the
 * series names and row counts, so the trainer and the evaluate command agree.
 */
export function splitBySeries(rowsPerSeries: ReadonlyMap<string, number>): Map<string, SplitName> {
  let total = 0;
  for (const n of rowsPerSeries.values()) total += n;
  const order = [...rowsPerSeries.keys()].sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1));
  const out = new Map<string, SplitName>();
  let dev = 0;
  let tune = 0;
  for (const series of order) {
    const n = rowsPerSeries.get(series)!;
    if (dev + n <= DEV_SHARE * total) {
      dev += n;
      out.set(series, 'dev');
    } else if (tune + n <= TUNE_SHARE * total) {
      tune += n;
      out.set(series, 'tune');
    } else out.set(series, 'fit');
  }
  return out;
}

/** Assigns each transcript id to its split. */
export function splitTranscripts(transcriptIds: readonly string[]): (id: string) => SplitName {
  const counts = new Map<string, number>();
  for (const id of transcriptIds) {
    const s = lessonSeries(id);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const bySeries = splitBySeries(counts);
  return (id) => bySeries.get(lessonSeries(id)) ?? 'fit';
}
