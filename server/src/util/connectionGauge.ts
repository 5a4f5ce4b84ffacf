/**
 * Open connections per key counted beyond this process (a cluster's Redis, cluster/sharedConnections.ts):
 * a place under the cap to release when the connection closes, or why not ('unavailable': the count is
 * out of reach, so the connection is refused rather than let through uncounted).
 */
export interface ConnectionGauge {
  join(key: string, cap: number): Promise<{ release(): void } | 'limited' | 'unavailable'>;
}
