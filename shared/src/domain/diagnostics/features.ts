// Profiles → feature vectors for grouping: one dimension per skill, per misconception and for confidence,
// standardised across the class (z-scores, so no dimension dominates by its units) and then multiplied by
// the teacher's weights (0 switches a dimension off).
import type { ItemBank } from './itemBank.js';
import type { DiagnosticProfile } from './profile.js';

export const CONFIDENCE_DIMENSION = 'confidence';

export interface FeatureDimension {
  key: string;
  kind: 'skill' | 'misconception' | 'confidence';
}

export function featureDimensions(bank: ItemBank): FeatureDimension[] {
  return [
    ...bank.skills.map((s) => ({ key: `skill:${s.id}`, kind: 'skill' as const })),
    ...bank.misconceptions.map((m) => ({ key: `misconception:${m.id}`, kind: 'misconception' as const })),
    { key: CONFIDENCE_DIMENSION, kind: 'confidence' as const },
  ];
}

function rawValue(profile: DiagnosticProfile | null, dimension: FeatureDimension): number | null {
  if (!profile) return null;
  if (dimension.kind === 'confidence') return profile.meanConfidence;
  const id = dimension.key.slice(dimension.key.indexOf(':') + 1);
  if (dimension.kind === 'skill') return profile.skillScores[id] ?? null;
  const evidence = profile.misconceptions[id];
  return evidence && evidence.opportunities > 0 ? evidence.share : null;
}

/**
 * One vector per profile (null = skipped the diagnostic), in `featureDimensions` order. Missing values get the
 * class mean (0 after standardising), so a student who skipped an item is neither pushed apart nor together.
 * `weights` is keyed like the dimensions (`skill:unit-rate`, `misconception:gap-thinking`, `confidence`).
 */
export function profileFeatures(
  bank: ItemBank,
  profiles: readonly (DiagnosticProfile | null)[],
  weights: Readonly<Record<string, number>> = {},
): number[][] {
  const dimensions = featureDimensions(bank);
  const columns = dimensions.map((dimension) => {
    const values = profiles.map((p) => rawValue(p, dimension));
    const present = values.filter((v): v is number => v !== null);
    const mean = present.length > 0 ? present.reduce((s, v) => s + v, 0) / present.length : 0;
    const variance =
      present.length > 0 ? present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length : 0;
    const sd = Math.sqrt(variance);
    const weight = weights[dimension.key] ?? 1;
    // A dimension on which everyone agrees carries no information: 0 rather than a division by zero.
    return values.map((v) => (v === null || sd === 0 ? 0 : ((v - mean) / sd) * weight));
  });
  return profiles.map((_, i) => columns.map((column) => column[i] as number));
}
