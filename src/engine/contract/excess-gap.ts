import type { RunResult } from './results';

// The constraint of the ceag mitigation (Hashemizadeh et al., "Balancing Act", 2024), read back from Results:
// ψ_g = (A_dense,g − A_g) − (A_dense − A), how much more accuracy group g lost than the model as a whole.

export interface ExcessGap {
  group: number;
  psi: number;
  /** ψ_g ≤ ε. */
  pass: boolean;
}

/** Overall accuracy of a split as the group-size-weighted mean of the group accuracies. */
function overallOf(run: RunResult, split: 'train' | 'test'): number {
  let n = 0;
  let s = 0;
  for (const g of run.groups) {
    const size = split === 'train' ? g.trainSize : g.testSize;
    n += size;
    s += size * (split === 'train' ? g.trainAccuracy : g.accuracy);
  }
  return n ? s / n : NaN;
}

/**
 * ψ_g per group of a pruned run against its dense run, on the training split (where ceag constrains it) or the
 * test split, with pass/fail at tolerance ε.
 */
export function excessAccuracyGaps(run: RunResult, denseRun: RunResult, epsilon: number, split: 'train' | 'test' = 'train'): ExcessGap[] {
  const acc = (r: RunResult, a: number) => (split === 'train' ? r.groups[a].trainAccuracy : r.groups[a].accuracy);
  const overallDrop = overallOf(denseRun, split) - overallOf(run, split);
  return run.groups.map((_, a) => {
    const psi = acc(denseRun, a) - acc(run, a) - overallDrop;
    return { group: a, psi, pass: psi <= epsilon + 1e-12 };
  });
}
