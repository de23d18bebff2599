/**
 * Keep-mask (1 keep, 0 remove) that removes exactly k entries: those with the smallest scores, ties broken by the
 * lower index first, so the removed count is exact and the choice deterministic. NaN scores rank last.
 * Uses a native numeric sort of a copy to find the k-th score (fast on ~10^6 entries), then one pass.
 */
export function removeSmallest(scores: Float64Array, k: number): Uint8Array {
  const n = scores.length;
  const keep = new Uint8Array(n).fill(1);
  const count = Math.max(0, Math.min(n, k));
  if (count === 0) return keep;
  const clean = scores.map((s) => (Number.isNaN(s) ? Infinity : s));
  const threshold = Float64Array.from(clean).sort()[count - 1];
  let removed = 0;
  for (let i = 0; i < n; i++) {
    if (clean[i] < threshold) {
      keep[i] = 0;
      removed++;
    }
  }
  // Entries tied at the threshold fill the remaining slots in index order.
  for (let i = 0; i < n && removed < count; i++) {
    if (clean[i] === threshold) {
      keep[i] = 0;
      removed++;
    }
  }
  return keep;
}

/** Number of entries removed at a rate: round(rate * n), clamped to [0, n]. */
export function pruneCount(rate: number, n: number): number {
  return Math.max(0, Math.min(n, Math.round(rate * n)));
}

/** Cuts one keep-mask over the concatenated prunable tensors back into per-parameter masks (null elsewhere). */
export function splitKeep(keep: Uint8Array, values: Float32Array[], prunable: boolean[]): (Uint8Array | null)[] {
  let o = 0;
  return values.map((v, i) => {
    if (!prunable[i]) return null;
    const m = keep.slice(o, o + v.length);
    o += v.length;
    return m;
  });
}
