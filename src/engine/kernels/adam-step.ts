import * as tf from '@tensorflow/tfjs';
import { makeFloatOutputs, wasmOutputsAndOffsets, type KernelBackendName } from './backend-memory';
import { ownFunctionIn } from './own-module';
import { ADAM_STEP_WASM } from './simd/adam-step-wasm';

/** Kernel name of one Adam update of one variable (registered for wasm and cpu by own-kernels.ts). */
export const ADAM_STEP = 'PfpAdamStep';

export interface AdamStepAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ for this step (t from 1), as float32 values: Adam's bias corrections. */
  correction1: number;
  correction2: number;
}

const f32 = Math.fround;

/**
 * Adam's update in one pass over the weights (Kingma & Ba):
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  w ← w − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
 * tfjs spends ~14 kernel calls on each variable for this; here it is one loop writing w, m and v at once. Every
 * operation is rounded to float32 in tf.train.adam's order (a double result rounded once is the correctly rounded
 * float32 one for + − × ÷ and √), so the weights are bit for bit those of tf.train.adam on cpu and wasm.
 */
export function adamStepValues(a: AdamStepAttrs, w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, w2: Float32Array, m2: Float32Array, v2: Float32Array): void {
  const [b1, b2, k1, k2] = [f32(a.beta1), f32(a.beta2), f32(1 - a.beta1), f32(1 - a.beta2)];
  const [c1, c2, eps, step] = [f32(a.correction1), f32(a.correction2), f32(a.epsilon), f32(-a.learningRate)];
  for (let i = 0; i < w.length; i++) {
    const gi = g[i];
    const mi = f32(f32(m[i] * b1) + f32(gi * k1));
    const vi = f32(f32(v[i] * b2) + f32(f32(gi * gi) * k2));
    m2[i] = mi;
    v2[i] = vi;
    const denominator = f32(f32(Math.sqrt(f32(vi / c2))) + eps);
    w2[i] = f32(f32(f32(f32(mi / c1) / denominator) * step) + w[i]);
  }
}

type AdamStepFn = (w: number, g: number, m: number, v: number, w2: number, m2: number, v2: number, n: number, ...scalars: number[]) => void;

/** Our SIMD module's update (simd/adam-step.wat.mjs) in this wasm backend's memory, or null where it cannot load. */
export const adamStepIn = (backend: unknown) => ownFunctionIn<AdamStepFn>(backend, ADAM_STEP_WASM, 'adamStep', 'own Adam kernel');

export function adamStepKernel(backendName: KernelBackendName): tf.KernelConfig {
  return {
    kernelName: ADAM_STEP,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { w, g, m, v } = inputs as Record<'w' | 'g' | 'm' | 'v', tf.TensorInfo>;
      const a = attrs as unknown as AdamStepAttrs;
      const simd = backendName === 'wasm' && w.dtype === 'float32' && g.dtype === 'float32' ? adamStepIn(backend) : null;
      if (simd !== null) {
        // The same float32 operations in the same order as adamStepValues, four weights at a time.
        const { outs, offsets } = wasmOutputsAndOffsets(backend, [w.shape, w.shape, w.shape], [w, g, m, v]);
        simd(...(offsets as [number, number, number, number, number, number, number]), tf.util.sizeFromShape(w.shape),
          a.beta1, a.beta2, 1 - a.beta1, 1 - a.beta2, a.correction1, a.correction2, a.epsilon, -a.learningRate);
        return outs;
      }
      return makeFloatOutputs(backendName, backend, [w.shape, w.shape, w.shape], [w, g, m, v], ([w2, m2, v2], [wv, gv, mv, vv]) =>
        adamStepValues(a, wv, gv, mv, vv, w2, m2, v2),
      );
    },
  };
}
