/** Fairness violation as the paper's experiments report it: max - min group accuracy. */
export function fairnessViolation(groupAccuracy: number[]): number {
  const v = groupAccuracy.filter(Number.isFinite);
  return v.length ? Math.max(...v) - Math.min(...v) : 0;
}

/** ξ = max_{a,a'} |R(a) - R(a')|, Eq. (3): the spread of the excess losses. */
export function excessLossGap(excessLoss: number[]): number {
  const v = excessLoss.filter(Number.isFinite);
  return v.length ? Math.max(...v) - Math.min(...v) : 0;
}

/** Theorem 1, Eq. (4) without the O(||θ̄-θ̂||³) term: ||g_a||·||θ̄-θ̂|| + ½ λ(H_a)·||θ̄-θ̂||². */
export function theorem1Bound(gradNorm: number, hessianMax: number, distance: number): number {
  return gradNorm * distance + 0.5 * hessianMax * distance * distance;
}
