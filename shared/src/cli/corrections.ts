// A deployment's teacher corrections (GET /api/classes/:classId/tags/corrections.jsonl) as training data.
import { QUESTION_TYPES, type QuestionType } from '../domain/tagging/labels.js';
import type { TalkMovesRow } from '../domain/tagging/dataset.js';
import type { LabelledQuestion } from '../domain/tagging/questionTraining.js';
import { readAll } from './readData.js';

/**
 * Rows of one or more exports. Every row keeps its place as context; only rows the teacher corrected are
 * labels (`corrected: false` rows carry the model's own tag, which must not be learned back).
 */
export async function readCorrections(path: string): Promise<TalkMovesRow[]> {
  const rows = await readAll([path]);
  for (const r of rows) {
    if (r.corrected === undefined)
      throw new Error(`${path}: not a corrections export (rows need "corrected"; see docs/tagging.md)`);
  }
  return rows;
}

/** The corrected questions with their type, each with the contribution before it as context. */
export function correctionQuestions(rows: readonly TalkMovesRow[]): LabelledQuestion[] {
  const byTranscript = new Map<string, TalkMovesRow[]>();
  for (const r of rows) byTranscript.set(r.transcript_id, [...(byTranscript.get(r.transcript_id) ?? []), r]);
  const out: LabelledQuestion[] = [];
  for (const [transcript, list] of byTranscript) {
    const sorted = [...list].sort((a, b) => a.sent_idx - b.sent_idx);
    sorted.forEach((r, i) => {
      if (!r.corrected || !(QUESTION_TYPES as readonly string[]).includes(r.question_type ?? '')) return;
      const prev = sorted[i - 1];
      out.push({
        source: `corrections:${transcript}`,
        role: r.speaker_role,
        text: r.text,
        context: prev ? [{ role: prev.speaker_role, text: prev.text }] : [],
        questionType: r.question_type as QuestionType,
      });
    });
  }
  return out;
}
