import type { RunResult } from './results';

// Theorem 1, Eq. (4), term by term: R(a) ≤ ||g_a||·||θ̄−θ̂|| + ½ λ(H_a)·||θ̄−θ̂||² (+ O(||θ̄−θ̂||³)), with g_a and H_a
// at the dense model θ̂ on the training split, beside the measured R(a) on the same split, which the theorem bounds.

export interface Theorem1Terms {
  group: number;
  /** ||θ̄−θ̂||: the same for every group of a run. */
  distance: number;
  /** ||g_a||·||θ̄−θ̂||, the first-order term (g_a of the dense model). */
  gradientTerm: number;
  /** ½ λ(H_a)·||θ̄−θ̂||², the second-order term (λ(H_a) of the dense model). */
  curvatureTerm: number;
  /** The stored bound, gradientTerm + curvatureTerm. */
  bound: number;
  /** R(a) measured on the training split. */
  measured: number;
}

/**
 * The two terms of each group's bound at one run, from the dense run of the same seed, mode and version (whose
 * gradNorm and hessianMax are θ̂'s); [] when the dense run or its λ(H_a) is missing (Hessian off).
 */
export function theorem1Terms(run: RunResult, denseRun: RunResult | undefined): Theorem1Terms[] {
  if (!denseRun) return [];
  const d = run.paramDistance;
  return run.groups.flatMap((g, a) => {
    const dense = denseRun.groups[a];
    const lambda = dense?.hessianMax?.value;
    if (lambda === undefined || g.theorem1Bound === null) return [];
    return [{ group: a, distance: d, gradientTerm: dense.gradNorm * d, curvatureTerm: 0.5 * lambda * d * d, bound: g.theorem1Bound, measured: g.trainExcessLoss }];
  });
}

/** The dense run (rate 0) a pruned run was measured against. */
export function denseRunOf(runs: RunResult[], run: RunResult): RunResult | undefined {
  return runs.find((r) => r.rate === 0 && r.seed === run.seed && r.mode === run.mode && r.version === run.version);
}
