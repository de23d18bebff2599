import * as tf from '@tensorflow/tfjs';
import { throwIfAborted } from '../contract/events';
import { batchTensors } from '../data/batch-tensors';
import type { Dataset } from '../data/dataset';
import { forward } from '../model/architecture';
import type { ModelSpec } from '../model/spec';
import { sequentialBatches } from '../train/batches';
import { maybeYield } from '../train/yield';

/** Per-sample outcomes of one forward pass over a data set: the raw material of every group metric. */
export interface SampleOutcomes {
  /** Cross-entropy loss ℓ(f_θ(x_i), y_i). */
  loss: Float32Array;
  /** 1 when argmax f_θ(x_i) = y_i. */
  correct: Uint8Array;
  /**
   * Σ_k p_k(1 - p_k) with p = softmax(f_θ(x_i)): the multi-class form of Theorem 2's f(1-f) closeness-to-boundary
   * term (it is 2 f(1-f) for two classes). 0 when the model is certain, largest (1 - 1/K) when it is uniform.
   */
  boundaryCloseness: Float32Array;
  /** argmax f_θ(x_i): the predicted class (pruning identified exemplars compare it across models). */
  prediction: Int32Array;
}

/** Per-sample outcomes, batch by batch; an abort through `signal` stops it between two batches (it throws). */
export async function evaluateSamples(spec: ModelSpec, params: tf.Tensor[], data: Dataset, batchSize = 256, signal?: AbortSignal): Promise<SampleOutcomes> {
  const n = data.labels.length;
  const loss = new Float32Array(n);
  const correct = new Uint8Array(n);
  const boundaryCloseness = new Float32Array(n);
  const prediction = new Int32Array(n);
  for (const idx of sequentialBatches(n, batchSize)) {
    const [l, ok, b, pr] = tf.tidy(() => {
      const { x, labels: y } = batchTensors(data, idx);
      const logits = forward(spec, params, x);
      const logp = tf.logSoftmax(logits);
      const oneHot = tf.oneHot(y, logits.shape[1]);
      const perLoss = tf.neg(tf.sum(tf.mul(logp, oneHot), 1));
      const predicted = tf.argMax(logits, 1);
      const isCorrect = tf.equal(predicted, y);
      const p = tf.exp(logp);
      const closeness = tf.sum(tf.mul(p, tf.sub(1, p)), 1);
      return [perLoss, isCorrect, closeness, predicted];
    });
    const [lv, okv, bv, pv] = await Promise.all([l.data(), ok.data(), b.data(), pr.data()]);
    tf.dispose([l, ok, b, pr]);
    loss.set(lv as Float32Array, idx[0]);
    correct.set(okv as Uint8Array, idx[0]);
    boundaryCloseness.set(bv as Float32Array, idx[0]);
    prediction.set(pv as Int32Array, idx[0]);
    await maybeYield();
    throwIfAborted(signal);
  }
  return { loss, correct, boundaryCloseness, prediction };
}

/** Mean of values over each group (NaN for an empty group) and over all samples. */
export function groupMeans(values: ArrayLike<number>, groups: Int32Array, numGroups: number): { perGroup: number[]; overall: number } {
  const sum = new Float64Array(numGroups);
  const count = new Float64Array(numGroups);
  let total = 0;
  for (let i = 0; i < groups.length; i++) {
    sum[groups[i]] += values[i];
    count[groups[i]]++;
    total += values[i];
  }
  return { perGroup: Array.from(sum, (s, a) => (count[a] ? s / count[a] : NaN)), overall: groups.length ? total / groups.length : NaN };
}
