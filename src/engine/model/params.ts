import * as tf from '@tensorflow/tfjs';
import { createRng } from '../random';
import { paramSpecs } from './param-specs';
import { isTrainable, type ModelSpec, type ParamSpec } from './spec';

/** Plain-number weights in paramSpecs order: what leaves the engine, is saved, and is restored. */
export interface Weights {
  specs: ParamSpec[];
  values: Float32Array[];
}

/** He-normal kernels (scaled for ReLU), zero biases, BatchNorm as PyTorch starts it (γ = 1, β = 0, mean 0, var 1). */
export function initWeights(spec: ModelSpec, seed: number): Weights {
  const specs = paramSpecs(spec);
  const values = specs.map((p) => {
    const size = p.shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(size);
    if (p.role === 'kernel') {
      const rng = createRng(seed, 'init', p.name);
      const std = Math.sqrt(2 / p.fanIn);
      for (let i = 0; i < size; i++) v[i] = rng.normal() * std;
    } else if (p.role === 'bn-scale' || p.role === 'bn-var') {
      v.fill(1);
    }
    return v;
  });
  return { specs, values };
}

/** Trainable variables holding the weights; tidy disposes the initial-value tensors (variables survive tidy). */
export function toVariables(w: Weights): tf.Variable[] {
  return tf.tidy(() => w.specs.map((p, i) => tf.variable(tf.tensor(w.values[i], p.shape), true, `${p.name}_${variableId++}`)));
}
let variableId = 0;

export function toTensors(w: Weights): tf.Tensor[] {
  return w.specs.map((p, i) => tf.tensor(w.values[i], p.shape));
}

export async function readWeights(specs: ParamSpec[], tensors: tf.Tensor[]): Promise<Weights> {
  const values = await Promise.all(tensors.map(async (t) => (await t.data()) as Float32Array));
  return { specs, values: values.map((v) => Float32Array.from(v)) };
}

/** All parameters as one flat vector θ (paramSpecs order). */
export function flatten(w: Weights): Float32Array {
  const total = w.values.reduce((s, v) => s + v.length, 0);
  const out = new Float32Array(total);
  let o = 0;
  for (const v of w.values) {
    out.set(v, o);
    o += v.length;
  }
  return out;
}

/** Euclidean distance ||θ̄ - θ̂|| between two weight sets of the same layout (Theorem 1), over trainable θ only. */
export function weightDistance(a: Weights, b: Weights): number {
  let s = 0;
  for (let i = 0; i < a.values.length; i++) {
    if (!isTrainable(a.specs[i])) continue;
    const x = a.values[i];
    const y = b.values[i];
    for (let j = 0; j < x.length; j++) s += (x[j] - y[j]) ** 2;
  }
  return Math.sqrt(s);
}
