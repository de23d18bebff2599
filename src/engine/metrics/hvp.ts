import * as tf from '@tensorflow/tfjs';
import { forward } from '../model/architecture';
import type { ModelSpec } from '../model/spec';
import { crossEntropy } from '../train/cross-entropy';
import { markConstantInput } from '../kernels/conv-bilinear';

/** A data subset for Hessian-vector products: NHWC pixels in [0, 1], int labels, n samples. */
export interface HvpData {
  x: Float32Array;
  labels: Int32Array;
  n: number;
}

/** H v for the mean cross-entropy over a fixed subset, at fixed parameters. */
export interface Hvp {
  /** H v, tensors in paramSpecs order like v; the caller disposes both. */
  apply(v: tf.Tensor[]): tf.Tensor[];
  /** Samples the mean is over. */
  samples: number;
  /** Frees the uploaded batches (the parameters stay the caller's). */
  dispose(): void;
}

/**
 * Exact Hessian-vector products by double backprop: H v = ∇_θ (∇_θ L(θ) · v), through the real forward() and
 * crossEntropy (both second-order safe once installKernels() has run). Over many batches the products are
 * weighted by batch size, H v = Σ_b (n_b / n) H_b v, as PyHessian does, so the result is the Hessian of the mean
 * loss over the whole subset whatever the batch size. Runs on any backend; the batches are uploaded once.
 */
export function createHvp(spec: ModelSpec, params: tf.Tensor[], data: HvpData, batchSize = 128): Hvp {
  const [h, w, c] = spec.inputShape;
  const pixels = h * w * c;
  if (data.x.length < data.n * pixels || data.labels.length < data.n) throw new Error('createHvp: data shorter than n samples');
  const batches: Array<{ x: tf.Tensor4D; y: tf.Tensor1D; weight: number }> = [];
  for (let start = 0; start < data.n; start += batchSize) {
    const end = Math.min(data.n, start + batchSize);
    const x = tf.tensor4d(data.x.subarray(start * pixels, end * pixels), [end - start, h, w, c]);
    // Data, not a function of θ: the double backprop skips the gradient into it (conv-bilinear.ts).
    markConstantInput(x);
    batches.push({
      x,
      y: tf.tensor1d(data.labels.subarray(start, end), 'int32'),
      weight: (end - start) / data.n,
    });
  }

  const batchHvp = (x: tf.Tensor4D, y: tf.Tensor1D, v: tf.Tensor[], weight: number): tf.Tensor[] => {
    const gradDotV = (...p: tf.Tensor[]): tf.Scalar => {
      const g = tf.grads((...q: tf.Tensor[]) => tf.mul(crossEntropy(forward(spec, q, x), y), weight) as tf.Scalar)(p);
      return pairedWith(v)(...g);
    };
    return tf.grads(gradDotV)(params);
  };

  return {
    samples: data.n,
    apply(v) {
      if (v.length !== params.length) throw new Error(`createHvp: v has ${v.length} tensors, expected ${params.length}`);
      let acc: tf.Tensor[] | null = null;
      for (const b of batches) {
        // One tidy per batch: the double-backprop graph of a batch is freed before the next one is built.
        const prev: tf.Tensor[] | null = acc;
        acc = tf.tidy(() => {
          const hb = batchHvp(b.x, b.y, v, b.weight);
          return prev === null ? hb : hb.map((t, i) => tf.add(prev[i], t));
        });
        if (prev !== null) tf.dispose(prev);
      }
      return acc ?? params.map((p) => tf.zerosLike(p));
    },
    dispose() {
      for (const b of batches) tf.dispose([b.x, b.y]);
      batches.length = 0;
    },
  };
}

/**
 * g ↦ a scalar whose gradient with respect to each g_i is v_i: what g · v = Σ sum(g_i ⊙ v_i) backpropagates (its Sum
 * gradient multiplies by ones, its product's by v_i, both exact), in one step where those were about 15 kernel calls
 * a parameter and a ones tensor uploaded each time. The scalar's value is 0, not g · v: tf.grads, its only user, keeps
 * the gradient only.
 */
function pairedWith(v: tf.Tensor[]): (...g: tf.Tensor[]) => tf.Scalar {
  return tf.customGrad((...args: unknown[]) => {
    const g = args.slice(0, v.length) as tf.Tensor[];
    return { value: tf.scalar(0), gradFunc: (dy: tf.Tensor) => g.map((_, i) => tf.mul(v[i], dy)) };
  }) as unknown as (...g: tf.Tensor[]) => tf.Scalar;
}
