/** At or above: "very sure"; below `FAIRLY_SURE`: "not sure". Bands for a glance, not calibrated claims. */
const VERY_SURE = 0.85;
const FAIRLY_SURE = 0.6;

/**
 * How sure the automatic tagger was, in words a teacher reads at a glance; the percentage stays in
 * parentheses for a teacher who wants the figure.
 */
export function howSure(confidence: number): string {
  const words =
    confidence >= VERY_SURE ? 'very sure' : confidence >= FAIRLY_SURE ? 'fairly sure' : 'not sure';
  return `${words} (${Math.round(confidence * 100)}%)`;
}

/** What `howSure` calls "not sure": a tag the teacher should check. */
export const isNotSure = (confidence: number) => confidence < FAIRLY_SURE;
