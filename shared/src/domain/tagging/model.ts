import { z } from 'zod';
import { decodeBase64, encodeBase64 } from './base64.js';
import { CHAR_WEIGHT, type FeatureSet } from './features.js';
import { fnv1a } from './hash.js';
import { SpeakerRoleSchema, type SpeakerRole } from './labels.js';

export const MODEL_FORMAT = 'conjecture-talkmoves-linear/1';
const QUANT_LEVELS = 127;

const PerClassSchema = z.object({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  support: z.number(),
});
export const RoleMetricsSchema = z.object({
  macroF1: z.number(),
  accuracy: z.number(),
  rows: z.number().int(),
  perClass: z.record(z.string(), PerClassSchema),
});
export type RoleMetrics = z.infer<typeof RoleMetricsSchema>;

const RoleModelSchema = z.object({
  labels: z.array(z.string()).min(2),
  /** Per-class logit offsets (trained bias plus the offsets tuned for macro-F1). */
  bias: z.array(z.number()),
  /** Per-class decode scale of the companded int8 weights. */
  scale: z.array(z.number()),
  /** Int8 weights, feature-major (`[slot * labels.length + class]`), base64. */
  weights: z.string(),
});

export const TalkMovesModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  license: z.string(),
  attribution: z.string(),
  hashBits: z.number().int().min(10).max(24),
  featureVersion: z.number().int(),
  training: z.record(z.string(), z.unknown()),
  metrics: z.object({
    split: z.string(),
    dev: z.record(SpeakerRoleSchema, RoleMetricsSchema),
  }),
  roles: z.record(SpeakerRoleSchema, RoleModelSchema),
});
export type TalkMovesModelFile = z.infer<typeof TalkMovesModelFileSchema>;

export interface RoleModel {
  labels: readonly string[];
  bias: Float64Array;
  weights: Float32Array;
}

/** A model ready to score: weights decoded once at load. */
export interface TalkMovesModel {
  file: TalkMovesModelFile;
  hashBits: number;
  roles: Record<SpeakerRole, RoleModel>;
}

/** Sparse hashed vector of one contribution, scaled to unit length so long and short ones weigh alike. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Named features first (so cues can index them), then the character n-grams. */
export function vectorize(features: FeatureSet, hashBits: number): SparseVector {
  const mask = (1 << hashBits) - 1;
  const { named, charHashes } = features;
  const size = named.length + charHashes.length;
  const indices = new Int32Array(size);
  const values = new Float64Array(size);
  let norm = 0;
  for (let i = 0; i < named.length; i++) {
    const f = named[i]!;
    indices[i] = fnv1a(f.name) & mask;
    values[i] = f.value;
    norm += f.value * f.value;
  }
  for (let i = 0; i < charHashes.length; i++) {
    indices[named.length + i] = charHashes[i]! & mask;
    values[named.length + i] = CHAR_WEIGHT;
  }
  norm += charHashes.length * CHAR_WEIGHT * CHAR_WEIGHT;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i]! *= inv;
  return { indices, values };
}

export function scoreLogits(model: RoleModel, x: SparseVector): Float64Array {
  const k = model.labels.length;
  const logits = Float64Array.from(model.bias);
  const w = model.weights;
  for (let i = 0; i < x.indices.length; i++) {
    const base = x.indices[i]! * k;
    const v = x.values[i]!;
    for (let c = 0; c < k; c++) logits[c]! += v * w[base + c]!;
  }
  return logits;
}

export function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/**
 * Weights are companded (square root) before int8 rounding: most weights are small and the few large ones
 * would otherwise take all the resolution. Decoding squares them back.
 */
export function quantizeWeights(weights: Float32Array, k: number): { scale: number[]; bytes: Uint8Array } {
  const scale = new Array<number>(k).fill(0);
  for (let i = 0; i < weights.length; i++) {
    const c = i % k;
    scale[c] = Math.max(scale[c]!, Math.abs(weights[i]!));
  }
  const bytes = new Uint8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const s = scale[i % k]!;
    const w = weights[i]!;
    const q = s === 0 ? 0 : Math.round(Math.sign(w) * Math.sqrt(Math.abs(w) / s) * QUANT_LEVELS);
    bytes[i] = q & 0xff;
  }
  return { scale, bytes };
}

function dequantize(bytes: Uint8Array, scale: readonly number[], k: number): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const q = (bytes[i]! << 24) >> 24;
    const r = q / QUANT_LEVELS;
    out[i] = Math.sign(r) * r * r * scale[i % k]!;
  }
  return out;
}

export function encodeRoleModel(
  labels: readonly string[],
  bias: ArrayLike<number>,
  weights: Float32Array,
): z.infer<typeof RoleModelSchema> {
  const { scale, bytes } = quantizeWeights(weights, labels.length);
  return { labels: [...labels], bias: Array.from(bias), scale, weights: encodeBase64(bytes) };
}

export function decodeRoleModel(file: z.infer<typeof RoleModelSchema>, hashBits: number): RoleModel {
  const k = file.labels.length;
  const bytes = decodeBase64(file.weights);
  if (bytes.length !== k << hashBits)
    throw new Error(`weights hold ${bytes.length} bytes, expected ${k << hashBits}`);
  if (file.bias.length !== k || file.scale.length !== k)
    throw new Error('bias/scale length differs from labels');
  return {
    labels: file.labels,
    bias: Float64Array.from(file.bias),
    weights: dequantize(bytes, file.scale, k),
  };
}

/** Validates and decodes a model file's JSON (already parsed); the caller does the I/O. */
export function loadTalkMovesModel(json: unknown): TalkMovesModel {
  const file = TalkMovesModelFileSchema.parse(json);
  return {
    file,
    hashBits: file.hashBits,
    roles: {
      teacher: decodeRoleModel(file.roles.teacher, file.hashBits),
      student: decodeRoleModel(file.roles.student, file.hashBits),
    },
  };
}
