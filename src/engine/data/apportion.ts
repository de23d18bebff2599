// Integer counts proportional to weights that add up exactly to a total (largest-remainder method), so group
// sizes, per-class quotas and split sizes never drift by rounding.

/** Counts proportional to weights, summing to total; remainders go to the largest fractional parts (ties: lower index). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || !(sum > 0) || weights.some((w) => !(w >= 0))) {
    throw new Error(`apportion: weights must be non-negative with a positive sum, got [${weights.join(', ')}]`);
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map((q) => Math.floor(q));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = quotas
    .map((_, i) => i)
    .sort((i, j) => quotas[j] - counts[j] - (quotas[i] - counts[i]) || i - j);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]]++;
  return counts;
}
