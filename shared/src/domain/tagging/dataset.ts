import { z } from 'zod';
import { SpeakerRoleSchema, type Contribution, type SpeakerRole } from './labels.js';

/** One labelled sentence in the TalkMoves JSONL format; other data (e.g. teacher-corrected tags) uses it too. */
export const TalkMovesRowSchema = z.object({
  transcript_id: z.string(),
  turn: z.number().int().nullish(),
  sent_idx: z.number().int(),
  speaker_role: SpeakerRoleSchema,
  text: z.string(),
  label: z.string(),
});
export type TalkMovesRow = z.infer<typeof TalkMovesRowSchema>;

/** A row with the contributions before it, the way the tagger sees it at run time. */
export interface LabelledExample {
  transcriptId: string;
  role: SpeakerRole;
  text: string;
  context: Contribution[];
  label: string;
}

/** How many earlier rows of the transcript are kept as context (the features look at the last few). */
export const CONTEXT_ROWS = 8;

export function parseTalkMovesLine(line: string): TalkMovesRow {
  return TalkMovesRowSchema.parse(JSON.parse(line));
}

/**
 * Rows grouped by transcript in `sent_idx` order; each gets the earlier rows of its transcript as context.
 * Several sources may share a transcript id only if they describe the same transcript.
 */
export function toExamples(rows: readonly TalkMovesRow[]): LabelledExample[] {
  const byTranscript = new Map<string, TalkMovesRow[]>();
  for (const r of rows) {
    const list = byTranscript.get(r.transcript_id);
    if (list) list.push(r);
    else byTranscript.set(r.transcript_id, [r]);
  }
  const out: LabelledExample[] = [];
  for (const [transcriptId, list] of byTranscript) {
    const sorted = [...list].sort((a, b) => a.sent_idx - b.sent_idx);
    for (let i = 0; i < sorted.length; i++) {
      const r = sorted[i]!;
      const context = sorted
        .slice(Math.max(0, i - CONTEXT_ROWS), i)
        .map((c) => ({ role: c.speaker_role, text: c.text }));
      out.push({ transcriptId, role: r.speaker_role, text: r.text, context, label: r.label });
    }
  }
  return out;
}
