// Distances between students' feature vectors and the diversity objective built on them.

/** Row-major N×N matrix of Euclidean distances; the diagonal is 0. */
export function distanceMatrix(features: readonly (readonly number[])[]): Float64Array {
  const n = features.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const fi = features[i] as readonly number[];
    for (let j = i + 1; j < n; j++) {
      const fj = features[j] as readonly number[];
      let sum = 0;
      for (let k = 0; k < fi.length; k++) {
        const diff = (fi[k] as number) - (fj[k] ?? 0);
        sum += diff * diff;
      }
      const dist = Math.sqrt(sum);
      d[i * n + j] = dist;
      d[j * n + i] = dist;
    }
  }
  return d;
}

/** Sum over groups of the pairwise values within each group (the anticlustering "diversity"). */
export function withinGroupSum(
  matrix: Float64Array,
  n: number,
  groups: readonly (readonly number[])[],
): number {
  let total = 0;
  for (const group of groups) {
    for (let x = 0; x < group.length; x++) {
      const i = group[x] as number;
      for (let y = x + 1; y < group.length; y++) total += matrix[i * n + (group[y] as number)] as number;
    }
  }
  return total;
}
