import { z } from 'zod';
import { decodeBase64, encodeBase64 } from './base64.js';
import { CHAR_WEIGHT, type FeatureSet } from './features.js';
import { fnv1a } from './hash.js';
import { lazySchema } from '../../lazySchema.js';

const QUANT_LEVELS = 127;

const PerClassSchema = lazySchema(() =>
  z.object({
    precision: z.number(),
    recall: z.number(),
    f1: z.number(),
    support: z.number(),
  }),
);
export const RoleMetricsSchema = lazySchema(() =>
  z.object({
    macroF1: z.number(),
    accuracy: z.number(),
    rows: z.number().int(),
    perClass: z.record(z.string(), PerClassSchema),
  }),
);
export type RoleMetrics = z.infer<typeof RoleMetricsSchema>;

export const RoleModelSchema = lazySchema(() =>
  z.object({
    labels: z.array(z.string()).min(2),
    /** Per-class logit offsets (trained bias plus the offsets tuned for macro-F1). */
    bias: z.array(z.number()),
    /** Per-class decode scale of the companded int8 weights. */
    scale: z.array(z.number()),
    /** The hash slots kept after pruning, ascending, as varint gaps, base64; the others weigh 0. */
    slots: z.string(),
    /** Int8 companded weights of the kept slots, slot-major (`[i * labels.length + class]`), base64. */
    weights: z.string(),
  }),
);

export interface RoleModel {
  labels: readonly string[];
  bias: Float64Array;
  weights: Float32Array;
}

/** Sparse hashed vector of one contribution, scaled to unit length so long and short ones weigh alike. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Named features first (so cues can index them), then the character n-grams. */
export function vectorize(
  features: FeatureSet,
  hashBits: number,
  charWeight: number = CHAR_WEIGHT,
): SparseVector {
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
    values[named.length + i] = charWeight;
  }
  norm += charHashes.length * charWeight * charWeight;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i]! *= inv;
  return { indices, values };
}

export function scoreLogits(model: RoleModel, x: SparseVector, extra?: SparseVector): Float64Array {
  const k = model.labels.length;
  const logits = Float64Array.from(model.bias);
  const w = model.weights;
  for (const v of extra ? [x, extra] : [x]) {
    for (let i = 0; i < v.indices.length; i++) {
      const base = v.indices[i]! * k;
      const value = v.values[i]!;
      for (let c = 0; c < k; c++) logits[c]! += value * w[base + c]!;
    }
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

/** Varint (LEB128) gaps between ascending slot numbers: most gaps fit one byte. */
function encodeSlots(slots: readonly number[]): Uint8Array {
  const out: number[] = [];
  let prev = -1;
  for (const slot of slots) {
    let gap = slot - prev - 1;
    prev = slot;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    out.push(gap);
  }
  return Uint8Array.from(out);
}

function decodeSlots(bytes: Uint8Array): number[] {
  const slots: number[] = [];
  let prev = -1;
  for (let i = 0; i < bytes.length;) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && i < bytes.length);
    prev += gap + 1;
    slots.push(prev);
  }
  return slots;
}

/**
 * Quantizes the weights and keeps only the strongest hash slots (largest weight against its class's scale,
 * times the slot's usage when given) that fit in `maxBytes` (slot list plus k int8 weights a slot); the
 * others weigh 0. Pruning is what makes the file small: most slots hold rare character n-grams that barely
 * move a decision.
 */
export function encodeRoleModel(
  labels: readonly string[],
  bias: ArrayLike<number>,
  weights: Float32Array,
  maxBytes = Infinity,
  /** Per slot, how much it is used (summed feature values over the training data); ranks with the weight. */
  usage?: Float64Array,
): z.infer<typeof RoleModelSchema> {
  const k = labels.length;
  const { scale, bytes } = quantizeWeights(weights, k);
  const slotCount = weights.length / k;
  const strength = new Float64Array(slotCount);
  for (let i = 0; i < weights.length; i++) {
    const s = scale[i % k]!;
    if (s > 0)
      strength[Math.floor(i / k)] = Math.max(strength[Math.floor(i / k)]!, Math.abs(weights[i]!) / s);
  }
  // A slot's expected pull on a decision is its weight times how often it fires.
  if (usage) for (let slot = 0; slot < slotCount; slot++) strength[slot]! *= usage[slot] ?? 0;
  const ranked: number[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    let nonzero = false;
    for (let c = 0; c < k; c++) if (bytes[slot * k + c] !== 0) nonzero = true;
    if (nonzero) ranked.push(slot);
  }
  ranked.sort((a, b) => strength[b]! - strength[a]! || a - b);
  const encodedSize = (n: number) => encodeSlots(ranked.slice(0, n).sort((a, b) => a - b)).length + n * k;
  let lo = 0;
  let hi = ranked.length;
  if (encodedSize(hi) > maxBytes) {
    // The largest n whose encoding fits.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (encodedSize(mid) <= maxBytes) lo = mid;
      else hi = mid - 1;
    }
    hi = lo;
  }
  const kept = ranked.slice(0, hi).sort((a, b) => a - b);
  const keptBytes = new Uint8Array(kept.length * k);
  kept.forEach((slot, i) => keptBytes.set(bytes.subarray(slot * k, slot * k + k), i * k));
  return {
    labels: [...labels],
    bias: Array.from(bias),
    scale,
    slots: encodeBase64(encodeSlots(kept)),
    weights: encodeBase64(keptBytes),
  };
}

export function decodeRoleModel(file: z.infer<typeof RoleModelSchema>, hashBits: number): RoleModel {
  const k = file.labels.length;
  if (file.bias.length !== k || file.scale.length !== k)
    throw new Error('bias/scale length differs from labels');
  const slots = decodeSlots(decodeBase64(file.slots));
  const bytes = decodeBase64(file.weights);
  if (bytes.length !== slots.length * k)
    throw new Error(
      `weights hold ${bytes.length} bytes, expected ${slots.length * k} for ${slots.length} slots`,
    );
  const last = slots[slots.length - 1];
  if (last !== undefined && last >= 1 << hashBits) throw new Error(`slot ${last} is outside 2^${hashBits}`);
  const weights = new Float32Array(k << hashBits);
  // Every int8 level of every class decoded once, then looked up: loading stays a fraction of a second.
  const levels = new Float32Array(256 * k);
  for (let c = 0; c < k; c++) {
    const decoded = dequantize(
      Uint8Array.from({ length: 256 }, (_, b) => b),
      [file.scale[c]!],
      1,
    );
    levels.set(decoded, c * 256);
  }
  for (let i = 0; i < slots.length; i++) {
    const at = slots[i]! * k;
    for (let c = 0; c < k; c++) weights[at + c] = levels[c * 256 + bytes[i * k + c]!]!;
  }
  return { labels: file.labels, bias: Float64Array.from(file.bias), weights };
}
