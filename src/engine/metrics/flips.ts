import type { Flip } from '../contract/results';

/**
 * The test samples whose predicted class differs between the dense and the pruned model (one seed): the raw
 * material of Hooker et al.'s pruning identified exemplars (contract/pies.ts takes the modal outcome over seeds).
 */
export function predictionFlips(dense: Int32Array, pruned: Int32Array, labels: ArrayLike<number>, groups: ArrayLike<number>): Flip[] {
  const out: Flip[] = [];
  for (let i = 0; i < dense.length; i++) if (dense[i] !== pruned[i]) out.push({ index: i, group: groups[i], label: labels[i], dense: dense[i], pruned: pruned[i] });
  return out;
}
