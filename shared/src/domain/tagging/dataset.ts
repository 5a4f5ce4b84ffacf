import { z } from 'zod';
import { SpeakerRoleSchema, type Contribution, type SpeakerRole } from './labels.js';
import { lazySchema } from '../../lazySchema.js';

/** One labelled sentence in the TalkMoves JSONL format; other data (e.g. teacher-corrected tags) uses it too. */
export const TalkMovesRowSchema = lazySchema(() =>
  z.object({
    transcript_id: z.string(),
    turn: z.number().int().nullish(),
    sent_idx: z.number().int(),
    speaker_role: SpeakerRoleSchema,
    text: z.string(),
    label: z.string(),
    /** In a teachers' corrections export: whether the label is the teacher's (else only context). */
    corrected: z.boolean().optional(),
    /** In a corrections export: the contribution's question type (null: not a question). */
    question_type: z.string().nullish(),
  }),
);
export type TalkMovesRow = z.infer<typeof TalkMovesRowSchema>;

/** A row with the contributions before it, the way the tagger sees it at run time. */
export interface LabelledExample {
  transcriptId: string;
  role: SpeakerRole;
  text: string;
  context: Contribution[];
  /** The contributions after this one, soonest first (what a transcript knows and live tagging may not). */
  next: Contribution[];
  label: string;
  /** False for a row of a corrections export the teacher did not correct: context, not a label. */
  labelled: boolean;
}

/** How many earlier rows of the transcript are kept as context (the features look at the last few). */
export const CONTEXT_ROWS = 8;
/** How many later rows are kept as next-utterance context. */
export const NEXT_ROWS = 2;

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
      const next = sorted
        .slice(i + 1, i + 1 + NEXT_ROWS)
        .map((c) => ({ role: c.speaker_role, text: c.text }));
      out.push({
        transcriptId,
        role: r.speaker_role,
        text: r.text,
        context,
        next,
        label: r.label,
        labelled: r.corrected !== false,
      });
    }
  }
  return out;
}
