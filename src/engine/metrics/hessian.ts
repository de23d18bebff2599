import * as tf from '@tensorflow/tfjs';
import { gatherBatch } from '../data/batch-tensors';
import { groupIndices, type Dataset } from '../data/dataset';
import type { Weights } from '../model/params';
import type { ModelSpec } from '../model/spec';
import { createRng, subsample } from '../random';
import { createHvp } from './hvp';
import { lanczos } from './lanczos';
import { fromArrays } from './param-vectors';
import { powerIteration, startValues, type EigenEstimate, type PowerIterationOptions } from './power-iteration';

/** Samples of group a (all samples for null): the most λ(H_a) can be computed on. */
export function hessianGroupSize(data: Dataset, group: number | null): number {
  return group === null ? data.labels.length : groupIndices(data, group).length;
}

/**
 * Sample indices λ(H_a) is computed on: group a's samples (all samples for null), a seeded subsample past the cap.
 * `draw` > 0 picks a further subsample (hessian.sampleDraws), its seed derived from `seed` and the draw index.
 */
export function hessianSubset(data: Dataset, group: number | null, maxSamples: number, seed: number, draw = 0): Int32Array {
  const members = group === null ? Int32Array.from({ length: data.labels.length }, (_, i) => i) : groupIndices(data, group);
  const rng = draw === 0 ? createRng(seed, 'hessian-subsample', group ?? 'all') : createRng(seed, 'hessian-subsample', group ?? 'all', 'draw', draw);
  const picked = subsample(members.length, maxSamples, rng);
  return Int32Array.from(picked, (k) => members[k]);
}

export interface TopHessianOptions {
  /** Group a whose loss Hessian H_a is measured; null for all samples (the overall H). */
  group: number | null;
  tolerance: number;
  maxIterations: number;
  /** Cap on samples (a seeded subsample of the group beyond it). */
  maxSamples: number;
  seed: number;
  /** Which subsample past the cap: 0 (default) the one Results report, > 0 a further draw (hessianSubset). */
  draw?: number;
  warmStart?: Float32Array[] | null;
  /** Samples per Hessian-vector product batch (default 128). */
  batchSize?: number;
  /**
   * 'power' (default): power iteration, stopped by its residual ‖Hv − λv‖ ≤ tolerance·|λ|. 'lanczos': fewer
   * products for the same accuracy, stopped by its residual bound (see lanczos.ts).
   */
  method?: 'power' | 'lanczos';
  signal?: AbortSignal;
}

export interface TopHessianEstimate extends EigenEstimate {
  /** Samples the Hessian was computed on (after the cap). */
  samples: number;
  /** Which samples: indices into the dataset's rows (hessianSubset), `samples` of them. */
  indices: Int32Array;
}

/**
 * λ(H_a): the top eigenvalue of the group Hessian H_a = ∇²_θ J(θ; D_a) of Theorem 1 (Eq. 9) and Section 5, J the
 * mean cross-entropy over group a's samples, at fixed weights, on whatever backend is active. A group with no
 * samples gives λ = 0 with 0 samples.
 */
export async function topHessianEigen(spec: ModelSpec, weights: Weights, data: Dataset, opts: TopHessianOptions): Promise<TopHessianEstimate> {
  const indices = hessianSubset(data, opts.group, opts.maxSamples, opts.seed, opts.draw ?? 0);
  const shapes = weights.specs.map((p) => p.shape);
  if (indices.length === 0) {
    return { value: 0, iterations: 0, converged: false, residual: null, samples: 0, indices, vector: opts.warmStart ?? shapes.map((s) => new Float32Array(s.reduce((a, b) => a * b, 1))) };
  }
  const params = fromArrays(weights.values, shapes);
  const hvp = createHvp(spec, params, gatherBatch(data, indices), opts.batchSize ?? 128);
  try {
    const iterOpts: PowerIterationOptions = {
      tolerance: opts.tolerance,
      maxIterations: opts.maxIterations,
      seed: opts.seed,
      warmStart: opts.warmStart,
      signal: opts.signal,
    };
    const apply = (v: tf.Tensor[]) => hvp.apply(v);
    const eig =
      opts.method === 'lanczos' ? await lanczos(apply, shapes, startValues(shapes, iterOpts), iterOpts) : await powerIteration(apply, shapes, iterOpts);
    return { ...eig, samples: indices.length, indices };
  } finally {
    hvp.dispose();
    tf.dispose(params);
  }
}
