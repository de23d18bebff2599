import * as tf from '@tensorflow/tfjs';
import { throwIfAborted } from '../contract/events';
import { batchTensors } from '../data/batch-tensors';
import { groupIndices, type Dataset } from '../data/dataset';
import { forward } from '../model/architecture';
import type { ModelSpec } from '../model/spec';
import { crossEntropy } from '../train/cross-entropy';
import { maybeYield } from '../train/yield';
import { dot } from './param-vectors';

export interface GradNorms {
  /** ||∇_θ J(θ; D_a)|| for each group a (NaN for an empty group). */
  perGroup: number[];
  /** ||∇_θ J(θ; D_a) ⊙ m||: the same gradients over the kept weights only (= perGroup without a mask). */
  perGroupRemaining: number[];
  /** ||∇_θ J(θ; D)|| over the whole data set. */
  overall: number;
}

/**
 * Exact full-data gradient norms. Each group's gradient is accumulated over batches of its own samples, weighted by
 * batch size, so it equals the gradient of the group's mean loss. The overall gradient is Σ_a (|D_a|/|D|) g_a: no
 * extra pass. With `keep` (a pruned model's 0/1 masks, null for a parameter that is not pruned) each group's norm is
 * also taken over the kept weights alone: a pruned weight's gradient is not 0, though the mask holds the weight at 0.
 * An abort through `signal` stops it between two batches (it throws, its sums freed).
 */
export async function gradNorms(spec: ModelSpec, params: tf.Tensor[], data: Dataset, batchSize = 256, keep: (tf.Tensor | null)[] | null = null, signal?: AbortSignal): Promise<GradNorms> {
  const numGroups = data.groupNames.length;
  const lossOf = (x: tf.Tensor4D, y: tf.Tensor1D) => (...p: tf.Tensor[]) => crossEntropy(forward(spec, p, x), y);
  let overallSum: tf.Tensor[] | null = null;
  const perGroup: number[] = [];
  const perGroupRemaining: number[] = [];
  for (let a = 0; a < numGroups; a++) {
    const idx = groupIndices(data, a);
    if (idx.length === 0) {
      perGroup.push(NaN);
      perGroupRemaining.push(NaN);
      continue;
    }
    let sum: tf.Tensor[] | null = null;
    for (let s = 0; s < idx.length; s += batchSize) {
      const b = idx.subarray(s, s + batchSize);
      const next: tf.Tensor[] = tf.tidy(() => {
        const { x, labels } = batchTensors(data, b);
        const grads = tf.grads(lossOf(x, labels))(params);
        // Batch mean gradient × batch size = batch sum gradient.
        return grads.map((g, k) => (sum ? tf.add(sum[k], tf.mul(g, b.length)) : tf.mul(g, b.length)));
      });
      if (sum) tf.dispose(sum);
      sum = next;
      await maybeYield();
      if (signal?.aborted) {
        tf.dispose([...sum, ...(overallSum ?? [])]);
        throwIfAborted(signal);
      }
    }
    const groupSum = sum as tf.Tensor[];
    const norms = tf.tidy(() => {
      const kept = keep ? groupSum.map((g, k) => (keep[k] ? tf.mul(g, keep[k] as tf.Tensor) : g)) : groupSum;
      return tf.stack([tf.sqrt(dot(groupSum, groupSum)), tf.sqrt(dot(kept, kept))]).div(idx.length);
    });
    const [full, remaining] = await norms.data();
    norms.dispose();
    perGroup.push(full);
    perGroupRemaining.push(remaining);
    const nextOverall: tf.Tensor[] = tf.tidy(() => groupSum.map((g, k) => (overallSum ? tf.add(overallSum[k], g) : tf.clone(g))));
    if (overallSum) tf.dispose(overallSum);
    overallSum = nextOverall;
    tf.dispose(groupSum);
  }
  let overall = NaN;
  if (overallSum) {
    const finalSum: tf.Tensor[] = overallSum;
    const norm = tf.tidy(() => tf.sqrt(dot(finalSum, finalSum)).div(data.labels.length));
    overall = (await norm.data())[0];
    norm.dispose();
    tf.dispose(finalSum);
  }
  return { perGroup, perGroupRemaining, overall };
}
