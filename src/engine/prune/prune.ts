import type { pruneMethods } from '../contract/config';
import type { Weights } from '../model/params';
import { globalMagnitudeMasks } from './global-magnitude';
import { layerMagnitudeMasks } from './layer-magnitude';
import { applyMasks, maskSparsity, type Masks } from './mask';
import { randomMasks } from './random-prune';
import { structuredMasks } from './structured-norm';

export type PruneMethod = (typeof pruneMethods)[number];

export interface PruneOptions {
  /** Count biases as prunable weights (structured pruning zeroes a removed unit's bias regardless). */
  pruneBiases: boolean;
  /** Seed of the random method's permutation; the other methods are deterministic. */
  seed: number;
}

export interface PruneResult {
  /** θ̄: the pruned weights, masked entries exactly 0. */
  weights: Weights;
  /** Keep-masks to re-apply after every fine-tuning step. */
  masks: Masks;
  /** Realised fraction of prunable weights removed (equals round(P·N)/N for global-magnitude and random). */
  sparsity: number;
}

/** Prunes θ̂ at rate P (fraction of prunable weights removed; for structured methods, of filters per layer). */
export function pruneWeights(w: Weights, rate: number, method: PruneMethod, opts: PruneOptions): PruneResult {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`pruning rate must lie in [0, 1], got ${rate}`);
  const masks = pruneMasks(w, rate, method, opts);
  return { weights: applyMasks(w, masks), masks, sparsity: maskSparsity(masks, w.specs, opts.pruneBiases) };
}

export function pruneMasks(w: Weights, rate: number, method: PruneMethod, opts: PruneOptions): Masks {
  switch (method) {
    case 'global-magnitude':
      return globalMagnitudeMasks(w, rate, opts.pruneBiases);
    case 'layer-magnitude':
      return layerMagnitudeMasks(w, rate, opts.pruneBiases);
    case 'structured-l1':
      return structuredMasks(w, rate, 'l1', opts.pruneBiases);
    case 'structured-l2':
      return structuredMasks(w, rate, 'l2', opts.pruneBiases);
    case 'random':
      return randomMasks(w, rate, opts.pruneBiases, opts.seed);
  }
}
