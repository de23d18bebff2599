import type { Weights } from '../model/params';
import { isPrunable } from '../model/spec';
import type { Masks } from './mask';
import { pruneCount, removeSmallest, splitKeep } from './select';

/**
 * The paper's default: remove the round(P·N) prunable entries with the smallest |θ| across all prunable tensors
 * at once, so a layer of small weights can lose far more than P of its entries. Ties go to the earlier entry
 * in paramSpecs order; entries already at 0 rank first, so re-pruning a sparse model at a higher rate keeps
 * its previous zeros removed.
 */
export function globalMagnitudeMasks(w: Weights, rate: number, pruneBiases: boolean): Masks {
  const prunable = w.specs.map((p) => isPrunable(p, pruneBiases));
  const n = w.values.reduce((s, v, i) => s + (prunable[i] ? v.length : 0), 0);
  const scores = new Float64Array(n);
  let o = 0;
  w.values.forEach((v, i) => {
    if (!prunable[i]) return;
    for (let j = 0; j < v.length; j++) scores[o + j] = Math.abs(v[j]);
    o += v.length;
  });
  const keep = removeSmallest(scores, pruneCount(rate, n));
  return splitKeep(keep, w.values, prunable);
}
