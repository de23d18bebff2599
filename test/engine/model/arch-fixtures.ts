import type { Weights } from '../../../src/engine/model/params';
import { initWeights } from '../../../src/engine/model/params';
import type { Activation, ModelSpec, Normalization, ResNetLayout, VggLayout } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/random';

// Tiny versions of the paper's architectures for exactness tests: 8×8×2 inputs (stride 2 and pools are exercised:
// 8 → 4 → 2 → 1), small widths.

export const resnet = (layout: ResNetLayout, activation: Activation, normalization: Normalization = 'batch', inputShape: [number, number, number] = [8, 8, 2]): ModelSpec => ({
  kind: 'resnet',
  inputShape,
  numClasses: 3,
  layout,
  widthMultiplier: layout === 'resnet18' ? 1 / 16 : 1 / 8,
  normalization,
  activation,
});

export const vgg = (layout: VggLayout, activation: Activation, normalization: Normalization = 'batch', inputShape: [number, number, number] = [8, 8, 2]): ModelSpec => ({
  kind: 'vgg',
  inputShape,
  numClasses: 3,
  layout,
  widthMultiplier: 1 / 16,
  normalization,
  activation,
});

/**
 * Seeded weights with BatchNorm away from its initial identity (γ ≠ 1, β ≠ 0, running mean ≠ 0, variance ≠ 1), so
 * evaluation mode really uses the statistics; biases nonzero too.
 */
export function perturbedWeights(spec: ModelSpec, seed: number): Weights {
  const w = initWeights(spec, seed);
  const rng = createRng(seed, 'perturb');
  const values = w.values.map((v, i) => {
    const role = w.specs[i].role;
    if (role === 'kernel') return v;
    return v.map(() => {
      switch (role) {
        case 'bn-scale':
          return 1 + 0.3 * rng.normal();
        case 'bn-var':
          return 0.5 + rng.next();
        default:
          return 0.2 * rng.normal();
      }
    });
  });
  return { specs: w.specs, values };
}

/** A seeded unit direction over the trainable parameters (zero on BatchNorm running statistics: they are constants). */
export function trainableDirection(w: Weights, seed: number): Float32Array[] {
  const rng = createRng(seed, 'direction');
  const v = w.values.map((a, i) => (w.specs[i].role === 'bn-mean' || w.specs[i].role === 'bn-var' ? new Float32Array(a.length) : Float32Array.from(a, () => rng.normal())));
  const norm = Math.sqrt(v.reduce((s, a) => s + a.reduce((t, x) => t + x * x, 0), 0));
  return v.map((a) => a.map((x) => x / norm));
}
