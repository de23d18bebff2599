import type { Weights } from '../model/params';
import { applyMasks, type Masks } from './mask';

/**
 * Lottery-ticket rewinding (Frankle et al. 2019/2020): the mask found on the trained model θ̂, the values of the
 * surviving weights reset to what they were early in training (`early`), pruned ones exactly 0. Retraining starts
 * from here instead of from θ̂.
 */
export function rewindWeights(early: Weights, masks: Masks): Weights {
  return applyMasks(early, masks);
}
