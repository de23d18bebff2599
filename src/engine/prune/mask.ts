import * as tf from '@tensorflow/tfjs';
import { isPrunable, type ParamSpec } from '../model/spec';
import type { Weights } from '../model/params';

/**
 * One mask per parameter, aligned with Weights.values: 1 keeps an entry, 0 removes it.
 * null means the parameter is not prunable and is never masked (e.g. biases when pruneBiases is off).
 */
export type Masks = (Uint8Array | null)[];

/** New weights with every masked entry exactly +0; unmasked parameters are copied unchanged. */
export function applyMasks(w: Weights, masks: Masks): Weights {
  const values = w.values.map((v, i) => {
    const out = Float32Array.from(v);
    const m = masks[i];
    if (m) for (let j = 0; j < out.length; j++) if (m[j] === 0) out[j] = 0;
    return out;
  });
  return { specs: w.specs, values };
}

/**
 * Fraction of prunable entries (kernels, plus biases when pruneBiases) that the masks remove.
 * pruneBiases is needed because structured pruning masks the bias of a removed unit even when biases do not
 * count as prunable weights; a prunable parameter without a mask counts as fully kept.
 */
export function maskSparsity(masks: Masks, specs: ParamSpec[], pruneBiases: boolean): number {
  let total = 0;
  let removed = 0;
  specs.forEach((p, i) => {
    if (!isPrunable(p, pruneBiases)) return;
    const size = p.shape.reduce((a, b) => a * b, 1);
    total += size;
    const m = masks[i];
    if (m) for (let j = 0; j < m.length; j++) if (m[j] === 0) removed++;
  });
  return total === 0 ? 0 : removed / total;
}

/** Fraction of prunable weights (kernels, plus biases when pruneBiases) that are exactly 0 (-0 included). */
export function weightSparsity(w: Weights, specs: ParamSpec[], pruneBiases: boolean): number {
  let total = 0;
  let zeros = 0;
  specs.forEach((p, i) => {
    if (!isPrunable(p, pruneBiases)) return;
    const v = w.values[i];
    total += v.length;
    for (let j = 0; j < v.length; j++) if (v[j] === 0) zeros++;
  });
  return total === 0 ? 0 : zeros / total;
}

/** Float 0/1 tensors shaped like each parameter (null where unmasked). The caller owns and disposes them. */
export function maskTensors(masks: Masks, specs: ParamSpec[]): (tf.Tensor | null)[] {
  return specs.map((p, i) => {
    const m = masks[i];
    return m ? tf.tensor(Float32Array.from(m), p.shape, 'float32') : null;
  });
}

/**
 * w ← w ⊙ m for every masked variable. Call after every optimizer step: masking only the gradients lets pruned
 * weights regrow through Adam's momentum (TFJS-NOTES). Variables and masks are aligned by position.
 */
export function applyMaskToVariables(vars: tf.Variable[], masks: (tf.Tensor | null)[]): void {
  tf.tidy(() => {
    vars.forEach((v, i) => {
      const m = masks[i];
      if (m) v.assign(tf.mul(v, m));
    });
  });
}
