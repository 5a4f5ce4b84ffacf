// Plain-words reasons for the teacher: for each student why this group, for each group a one-line summary.
// Teacher-facing (misconception names may appear); the student-facing text lives in diagnostics/summary.ts.
import type { ItemBank } from '../diagnostics/itemBank.js';
import { heldMisconceptions, type DiagnosticProfile } from '../diagnostics/profile.js';
import { STRENGTH_THRESHOLD } from '../diagnostics/summary.js';
import { misconceptionEvidenceText, portrait } from '../diagnostics/portrait.js';
import type { GroupingMode } from './profileGrouping.js';
import { isolated } from '../../protocol/readableText.js';

export interface ExplainInput {
  bank: ItemBank;
  mode: GroupingMode;
  groups: readonly (readonly string[])[];
  profiles: ReadonlyMap<string, DiagnosticProfile | null>;
  keepApart?: readonly (readonly [string, string])[];
  keepTogether?: readonly (readonly [string, string])[];
  lateArrivals?: readonly string[];
}

export interface Explanations {
  students: Record<string, string>;
  groups: string[];
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const listed = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** A skill's name as a sentence names it: the teacher's words, lower-cased and isolated (FSI … PDI). */
const skillName = (s: { name: string }): string => isolated(s.name.toLowerCase());

function strengths(bank: ItemBank, p: DiagnosticProfile | null): string[] {
  if (!p) return [];
  return bank.skills.filter((s) => (p.skillScores[s.id] ?? 0) >= STRENGTH_THRESHOLD).map((s) => skillName(s));
}

/**
 * A misconception is worth naming to the teacher once it shows on two items, or on at least half the items
 * where it could: one stray answer is noise, a pattern is not.
 */
const NAMED_MIN_CHOSEN = 2;
const NAMED_MIN_SHARE = 0.5;

/** The student's strongest misconception with its evidence, as a sentence, or null when none is a pattern. */
export function misconceptionSentence(bank: ItemBank, p: DiagnosticProfile | null): string | null {
  if (!p) return null;
  const m = portrait(bank, p).misconceptions[0];
  if (!m || (m.chosen < NAMED_MIN_CHOSEN && m.chosen / Math.max(1, m.opportunities) < NAMED_MIN_SHARE))
    return null;
  const text = misconceptionEvidenceText(m);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** "“Gap thinking” (2 students)": the misconceptions a group holds as patterns, most common first. */
function groupMisconceptions(bank: ItemBank, members: readonly (DiagnosticProfile | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const p of members) {
    if (!p || !misconceptionSentence(bank, p)) continue;
    const id = heldMisconceptions(p)[0] as string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(
      ([id, n]) =>
        `“${isolated(bank.misconceptions.find((m) => m.id === id)?.name ?? id)}” (${n} student${n === 1 ? '' : 's'})`,
    );
}

function groupMean(
  bank: ItemBank,
  members: readonly (DiagnosticProfile | null)[],
  skill: string,
): number | null {
  const values = members.flatMap((p) =>
    typeof p?.skillScores[skill] === 'number' ? [p.skillScores[skill]] : [],
  );
  return values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/** Skill scores (0–1) closer than this are the same for the explanation: one item's difference or less. */
const ALIKE_GAP = 0.1;

/** Every member diagnosed, and no skill's scores apart by ALIKE_GAP or more. */
function alikeProfiles(bank: ItemBank, members: readonly (DiagnosticProfile | null)[]): boolean {
  if (members.length < 2 || members.some((p) => p === null)) return false;
  return bank.skills.every((s) => {
    const scores = members.flatMap((p) => {
      const score = p?.skillScores[s.id];
      return typeof score === 'number' ? [score] : [];
    });
    return scores.length < 2 || Math.max(...scores) - Math.min(...scores) < ALIKE_GAP;
  });
}

export function explainGroups(input: ExplainInput): Explanations {
  const { bank, mode, profiles } = input;
  const students: Record<string, string> = {};
  const summaries = input.groups.map((group) => {
    const members = group.map((id) => profiles.get(id) ?? null);
    const confidences = members.flatMap((p) => (p?.meanConfidence != null ? [p.meanConfidence] : []));
    const confidence =
      confidences.length > 0
        ? `confidence ${Math.min(...confidences).toFixed(1)}–${Math.max(...confidences).toFixed(1)}`
        : 'no diagnostic yet';
    const mains = members.map((p) => (p ? heldMisconceptions(p)[0] : undefined));
    const counts = new Map<string, number>();
    for (const m of mains) if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
    const [topId, topCount] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
    const topName = bank.misconceptions.find((m) => m.id === topId)?.name;
    if (mode === 'random') return `Random group (${group.length} students).`;
    if (mode === 'misconception' && topName)
      return `Around "${isolated(topName)}" (${topCount} of ${group.length}); ${confidence}.`;
    if (mode === 'similar') {
      const means = bank.skills.map((s) => ({ s, m: groupMean(bank, members, s.id) }));
      const focus = means.filter((x) => x.m !== null).sort((a, b) => (a.m as number) - (b.m as number))[0];
      return focus
        ? `Similar profiles; a shared next focus: ${skillName(focus.s)} (group average ${percent(focus.m as number)}); ${confidence}.`
        : `Similar profiles; ${confidence}.`;
    }
    const all = [...new Set(members.flatMap((p) => strengths(bank, p)))];
    const watch = groupMisconceptions(bank, members);
    const watchFor = watch.length > 0 ? `; watch for ${listed(watch)}` : '';
    // "Mixed" only where the members' answers differ: a group of alike profiles is called what it is.
    const kind = alikeProfiles(bank, members) ? 'Alike (the diagnostic shows little to mix)' : 'Mixed';
    return all.length > 0
      ? `${kind}: strengths in ${listed(all)}${watchFor}; ${confidence}.`
      : `${kind}${watchFor}; ${confidence}.`;
  });

  input.groups.forEach((group) => {
    for (const id of group) {
      const p = profiles.get(id) ?? null;
      const others = group.filter((x) => x !== id);
      const otherProfiles = others.map((x) => profiles.get(x) ?? null);
      const parts: string[] = [];
      if (input.lateArrivals?.includes(id))
        parts.push('Arrived late: joined a group with room without moving anyone.');
      if (mode === 'random') parts.push('Placed by a random draw.');
      else if (!p) parts.push('No diagnostic yet, so placed where the group stays balanced.');
      // What the student showed comes first: a misconception that is a pattern is named with its evidence
      // (in every mode but "misconception", whose own sentence names it).
      const shows = mode === 'random' || mode === 'misconception' ? null : misconceptionSentence(bank, p);
      if (shows) parts.push(shows);
      if (mode === 'random' || !p) {
        // said above
      } else if (mode === 'misconception') {
        const main = heldMisconceptions(p)[0];
        const shared = main ? otherProfiles.filter((q) => q && heldMisconceptions(q)[0] === main).length : 0;
        const name = bank.misconceptions.find((m) => m.id === main)?.name;
        parts.push(
          name && shared > 0
            ? `Shares a focus on "${isolated(name)}" with ${shared} groupmate${shared === 1 ? '' : 's'}, so the group can work through it together.`
            : 'Mixed into a group so each group has a common thread to discuss.',
        );
        const evidence = misconceptionSentence(bank, p);
        if (name && evidence) parts.push(evidence);
      } else {
        // The skill where this student differs most from the rest of the group.
        const gaps = bank.skills.flatMap((s) => {
          const own = p.skillScores[s.id];
          const rest = groupMean(bank, otherProfiles, s.id);
          return typeof own === 'number' && rest !== null ? [{ s, gap: own - rest, own }] : [];
        });
        if (mode === 'similar') {
          const closest = [...gaps].sort((a, b) => Math.abs(a.gap) - Math.abs(b.gap))[0];
          parts.push(
            closest
              ? `At a similar point to the group in ${skillName(closest.s)} (${percent(closest.own)}), so they can work on it together.`
              : 'Similar overall profile to the group.',
          );
        } else {
          // A strength is one by the same bar as everywhere else, not merely "better than these groupmates".
          const brings = gaps
            .filter((g) => g.gap > 0 && g.own >= STRENGTH_THRESHOLD)
            .sort((a, b) => b.gap - a.gap)[0];
          const gains = [...gaps].sort((a, b) => a.gap - b.gap)[0];
          if (brings)
            parts.push(`Brings strength in ${skillName(brings.s)} (${percent(brings.own)}) to the group.`);
          if (gains && gains.gap < 0)
            parts.push(`Groupmates are stronger in ${skillName(gains.s)}: a chance to learn from them.`);
          // Nothing sets the student apart: say so rather than claim a difference the answers do not show.
          const alike = gaps.every((g) => Math.abs(g.gap) < ALIKE_GAP);
          if (parts.length === 0)
            parts.push(
              alike
                ? 'Answered much like the groupmates: the diagnostic shows little here to mix.'
                : 'Adds a different way of thinking to the group.',
            );
        }
      }
      for (const [a, b] of input.keepTogether ?? []) {
        const other = a === id ? b : b === id ? a : null;
        if (other) parts.push(`Kept with ${other}, as you asked.`);
      }
      for (const [a, b] of input.keepApart ?? []) {
        const other = a === id ? b : b === id ? a : null;
        if (other) parts.push(`Kept apart from ${other}, as you asked.`);
      }
      students[id] = parts.join(' ');
    }
  });
  return { students, groups: summaries };
}
