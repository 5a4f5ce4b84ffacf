// What a profile says, in words: an encouraging summary for the student (strengths and one next step, no
// labels) and, for the teacher, the misconceptions with their descriptions and the evidence behind them.
import type { ItemBank } from './itemBank.js';
import { heldMisconceptions, type DiagnosticProfile } from './profile.js';

/** A skill counts as a strength at this share correct. */
export const STRENGTH_THRESHOLD = 0.75;

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * Student-facing. Names skills, never misconceptions; the next step comes from the misconception with the most
 * evidence (its `nextStep`, written as something to try) or, with none, from the skill with the lowest score.
 */
export function studentSummary(bank: ItemBank, profile: DiagnosticProfile): string {
  if (profile.answered === 0) return 'Thanks for joining! We will learn together in your group today.';
  const scored = bank.skills
    .map((s) => ({ skill: s, score: profile.skillScores[s.id] }))
    .filter((x): x is { skill: (typeof bank.skills)[number]; score: number } => typeof x.score === 'number');
  const strengths = scored
    .filter((x) => x.score >= STRENGTH_THRESHOLD)
    .map((x) => x.skill.name.toLowerCase());
  const opening =
    strengths.length > 0
      ? `Nice work — you showed strong thinking in ${list(strengths)}.`
      : 'Thanks for sharing your thinking — every answer helps your group see the problem from more sides.';
  const first = heldMisconceptions(profile)[0];
  const focus = bank.misconceptions.find((m) => m.id === first);
  if (focus) return `${opening} Next step: ${focus.nextStep}`;
  const weakest = [...scored].sort((a, b) => a.score - b.score)[0];
  if (weakest && weakest.score < 1) {
    return `${opening} Next step: explain your reasoning about ${weakest.skill.name.toLowerCase()} to a partner and see if you agree.`;
  }
  return `${opening} Next step: help your group by asking "how do you know?" and showing a second way to solve it.`;
}

export interface TeacherMisconceptionNote {
  id: string;
  name: string;
  description: string;
  /** e.g. "chosen on 2 of 3 items" */
  evidence: string;
  chosen: number;
  opportunities: number;
}

/** Teacher-facing: every misconception the student showed, strongest evidence first. */
export function teacherMisconceptionNotes(
  bank: ItemBank,
  profile: DiagnosticProfile,
): TeacherMisconceptionNote[] {
  return heldMisconceptions(profile).flatMap((id) => {
    const m = bank.misconceptions.find((x) => x.id === id);
    const e = profile.misconceptions[id];
    if (!m || !e) return [];
    return [
      {
        id,
        name: m.name,
        description: m.description,
        evidence: `chosen on ${e.chosen} of ${e.opportunities} item${e.opportunities === 1 ? '' : 's'}`,
        chosen: e.chosen,
        opportunities: e.opportunities,
      },
    ];
  });
}
