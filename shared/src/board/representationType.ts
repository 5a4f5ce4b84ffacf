import { z } from 'zod';
import { recordText } from './plainText.js';
import { lazySchema } from '../lazySchema.js';

/**
 * The kind of representation a posted item is (NCTM, Principles to Actions: visual, symbolic, verbal,
 * contextual, physical), derived from the shape's kind and content. Pure, so the client shows it as a chip
 * and the server counts it for analytics with the same answer.
 */
export const REPRESENTATION_TYPES = ['visual', 'symbolic', 'verbal', 'contextual', 'physical'] as const;
export type RepresentationType = (typeof REPRESENTATION_TYPES)[number];

export const REPRESENTATION_LABELS: Record<RepresentationType, string> = {
  visual: 'Visual',
  symbolic: 'Symbolic',
  verbal: 'Verbal',
  contextual: 'Contextual',
  physical: 'Manipulative',
};

/** Shape kinds whose representation does not depend on their text. */
const BY_KIND: Record<string, RepresentationType> = {
  draw: 'visual',
  highlight: 'visual',
  line: 'visual',
  arrow: 'visual',
  image: 'visual',
  video: 'visual',
  'number-line': 'visual',
  'coordinate-plane': 'visual',
  table: 'visual',
  equation: 'symbolic',
  'fraction-bar': 'physical',
  'area-model': 'physical',
};

/** The teacher's cards, written by the server: the task and questions are not items a student posted. */
const NOT_POSTED = new Set(['task-card', 'question-card']);

/** Words that tie a text to a situation in the world (money, food, travel, people, measures). */
const CONTEXT =
  /\$|\b(price|cost|costs|buy|bought|sell|sale|store|shop|pay|paid|dollars?|cents?|recipe|cups?|pizza|cookies?|cake|miles?|km|kilometers?|hours?|minutes?|speed|drive|trip|people|students|friends|team|class|bag|box|boxes|packs?|ounces?|pounds?|grams?|liters?|gallons?|deal|discount|tax|tip)\b/i;
/** A formula-like text: numbers and operators make up much of it. */
const SYMBOLS = /[=+\-−×÷*/^<>≤≥%]|\d/g;

function classifyText(text: string): { type: RepresentationType; reason: string } {
  const compact = text.replace(/\s+/g, '');
  const symbolic = (compact.match(SYMBOLS) ?? []).length;
  const letters = (compact.match(/[a-z]/gi) ?? []).length;
  const context = CONTEXT.exec(text);
  if (context) return { type: 'contextual', reason: `mentions "${context[0]}"` };
  if (symbolic > 0 && symbolic >= letters) return { type: 'symbolic', reason: 'mostly numbers and symbols' };
  return { type: 'verbal', reason: 'written in words' };
}

/** The representation type of a board record, or null for records that are not posted items. */
export function representationType(record: unknown): { type: RepresentationType; reason: string } | null {
  if (record === null || typeof record !== 'object') return null;
  const r = record as { typeName?: unknown; type?: unknown };
  if (
    r.typeName !== 'shape' ||
    typeof r.type !== 'string' ||
    r.type === 'frame' ||
    r.type === 'group' ||
    NOT_POSTED.has(r.type)
  )
    return null;
  const byKind = BY_KIND[r.type];
  if (byKind) return { type: byKind, reason: `a ${r.type.replace(/-/g, ' ')}` };
  const text = recordText(record);
  if (text) return classifyText(text);
  // A shape without words (a rectangle, an ellipse…) is a drawing.
  return { type: 'visual', reason: `a ${r.type} without text` };
}

export const RepresentationTypeSchema = lazySchema(() => z.enum(REPRESENTATION_TYPES));

/** `GET /api/classes/:classId/representations`: per group board, how many items of each type. */
export const GroupRepresentationsSchema = lazySchema(() =>
  z.array(
    z.object({
      groupId: z.string(),
      counts: z.partialRecord(RepresentationTypeSchema, z.number().int().nonnegative()),
    }),
  ),
);
export type GroupRepresentations = z.infer<typeof GroupRepresentationsSchema>;

/** "3 visual, 1 symbolic" in the order of REPRESENTATION_TYPES; "—" when the board holds no item yet. */
export function describeRepresentations(counts: Partial<Record<RepresentationType, number>>): string {
  const parts = REPRESENTATION_TYPES.filter((t) => (counts[t] ?? 0) > 0).map(
    (t) => `${counts[t]} ${REPRESENTATION_LABELS[t].toLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(', ') : '—';
}
