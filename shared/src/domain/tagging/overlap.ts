import { contentTokens } from './text.js';

/** A named feature and its value; names are hashed into the model's weight table. */
export interface Feature {
  name: string;
  value: number;
}

export function lengthBucket(n: number): string {
  if (n <= 1) return '1';
  if (n <= 2) return '2';
  if (n <= 4) return '3-4';
  if (n <= 8) return '5-8';
  if (n <= 15) return '9-15';
  if (n <= 30) return '16-30';
  return '31+';
}

export function ratioBucket(r: number): string {
  if (r <= 0) return '0';
  if (r < 0.25) return 'low';
  if (r < 0.5) return 'mid';
  if (r < 0.8) return 'high';
  return 'all';
}

export function countBucket(n: number): string {
  return n >= 3 ? '3+' : String(n);
}

function bigramsOf(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]}_${tokens[i]}`);
  return out;
}

/** How much of `a` (and of `b`) reappears in the other: what restating, revoicing and relating hinge on. */
export function overlapFeatures(
  prefix: string,
  cur: readonly string[],
  other: readonly string[],
  out: Feature[],
): void {
  const curContent = contentTokens(cur);
  const otherContent = new Set(contentTokens(other));
  let shared = 0;
  for (const t of curContent) if (otherContent.has(t)) shared++;
  const ratioCur = curContent.length === 0 ? 0 : shared / curContent.length;
  const ratioOther = otherContent.size === 0 ? 0 : Math.min(1, shared / otherContent.size);
  const curBigrams = bigramsOf(cur.filter((t) => t !== '?'));
  let sharedBigrams = 0;
  for (const b of bigramsOf(other.filter((t) => t !== '?'))) if (curBigrams.has(b)) sharedBigrams++;
  const q = cur.includes('?') ? 'q' : 's';
  out.push({ name: `${prefix}:ov:${ratioBucket(ratioCur)}`, value: 1 });
  out.push({ name: `${prefix}:ovo:${ratioBucket(ratioOther)}`, value: 1 });
  out.push({ name: `${prefix}:ov:${ratioBucket(ratioCur)}&${q}`, value: 1 });
  out.push({ name: `${prefix}:sb:${countBucket(sharedBigrams)}`, value: 1 });
  out.push({ name: `${prefix}:sb:${countBucket(sharedBigrams)}&len:${lengthBucket(cur.length)}`, value: 1 });
}
