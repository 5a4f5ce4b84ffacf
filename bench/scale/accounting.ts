/**
 * The load generator's pure bookkeeping: latency histograms that merge across worker processes, and the
 * count of lost updates. No clock and no I/O here, so both are unit-tested.
 */

/** Bucket i ≥ 1 covers [MIN_MS·GROWTH^(i−1), MIN_MS·GROWTH^i); bucket 0 holds everything below MIN_MS. */
const MIN_MS = 0.05;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);

/** Buckets as `[index, count]` pairs: what a worker sends over IPC. */
export type HistogramBuckets = Array<[number, number]>;

/**
 * A log-bucketed latency histogram (about 2 % resolution from 50 µs up): a worker records hundreds of
 * thousands of samples a run, and the coordinator merges the workers' histograms before taking percentiles.
 */
export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;

  static from(buckets: HistogramBuckets): LatencyHistogram {
    const histogram = new LatencyHistogram();
    for (const [index, count] of buckets) histogram.add(index, count);
    return histogram;
  }

  get count(): number {
    return this.total;
  }

  record(ms: number): void {
    this.add(ms < MIN_MS ? 0 : Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1, 1);
  }

  merge(other: LatencyHistogram): this {
    for (const [index, count] of other.counts) this.add(index, count);
    return this;
  }

  /** Nearest rank over buckets; a bucket reads as its geometric middle. NaN when empty. */
  percentile(p: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.min(this.total, Math.max(1, Math.ceil((p / 100) * this.total)));
    let seen = 0;
    for (const index of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(index) ?? 0;
      if (seen >= rank) return index === 0 ? MIN_MS : MIN_MS * GROWTH ** (index - 0.5);
    }
    return NaN; // unreachable: the counts add up to total
  }

  buckets(): HistogramBuckets {
    return [...this.counts];
  }

  private add(index: number, count: number): void {
    this.counts.set(index, (this.counts.get(index) ?? 0) + count);
    this.total += count;
  }
}

/** A Yjs state vector: for each client id, the number of its items (the next clock). */
export type StateVector = Map<number, number>;

/** Raises `into` to cover `vector`, leaving out one client id (a doc's own, unconfirmed, writes). */
export function coverAll(into: StateVector, vector: StateVector, except?: number): StateVector {
  for (const [client, clock] of vector) {
    if (client === except) continue;
    if (clock > (into.get(client) ?? 0)) into.set(client, clock);
  }
  return into;
}

/**
 * What a board must hold: every item some client saw relayed (another client's doc holds it; a doc's own
 * writes don't count, they may never have reached the server) and every item the server acknowledged
 * as stored (the `boardStateVector` confirmations its watchers get).
 */
export function claimedItems(
  docs: ReadonlyArray<{ clientId: number; vector: StateVector }>,
  acknowledged: StateVector,
): StateVector {
  const claimed = coverAll(new Map(), acknowledged);
  for (const doc of docs) coverAll(claimed, doc.vector, doc.clientId);
  return claimed;
}

/**
 * Items claimed but missing from what the server holds. Yjs numbers each client's items without gaps and
 * a client integrates them in order, so a shortfall in the clock is the number of items lost; every
 * simulated edit is exactly one item (one YKeyValue entry), so for students' client ids it counts edits.
 */
export function countMissing(claimed: StateVector, held: StateVector): number {
  let missing = 0;
  for (const [client, clock] of claimed) missing += Math.max(0, clock - (held.get(client) ?? 0));
  return missing;
}
