import type { Weights } from '../model/params';
import { isPrunable } from '../model/spec';
import type { Masks } from './mask';
import { pruneCount, removeSmallest } from './select';

/**
 * Per-layer magnitude pruning: each prunable tensor loses exactly round(P·n) of its own n entries, those with
 * the smallest |θ| (ties by index). The overall rate can differ slightly from P through per-tensor rounding.
 */
export function layerMagnitudeMasks(w: Weights, rate: number, pruneBiases: boolean): Masks {
  return w.values.map((v, i) => {
    if (!isPrunable(w.specs[i], pruneBiases)) return null;
    const scores = Float64Array.from(v, (x) => Math.abs(x));
    return removeSmallest(scores, pruneCount(rate, v.length));
  });
}
