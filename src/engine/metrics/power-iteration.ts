import * as tf from '@tensorflow/tfjs';
import { throwIfAborted } from '../contract/events';
import { createRng } from '../random';
import { dot, fromArrays, scale, toArrays } from './param-vectors';

// The top eigenvalue of a symmetric operator given only its products H v: the generic algorithm, used for λ(H_a)
// (hessian.ts) and for the full mitigation's constraint vectors (mitigate/full-objective.ts).

export interface EigenEstimate {
  /** The top Hessian eigenvalue λ (largest in magnitude, as power iteration finds it). */
  value: number;
  /** Hessian-vector products spent. */
  iterations: number;
  /** Whether the stopping rule (power: relative change of vᵀHv; Lanczos: residual bound) held before maxIterations. */
  converged: boolean;
  /** Its unit eigenvector, per parameter tensor, to warm-start the next estimate. */
  vector: Float32Array[];
}

export interface PowerIterationOptions {
  tolerance: number;
  maxIterations: number;
  /** Seeds the random start vector (ignored with a usable warm start). */
  seed: number;
  /** A start vector (e.g. the previous pruning rate's eigenvector); any norm, same layout as the parameters. */
  warmStart?: Float32Array[] | null;
  signal?: AbortSignal;
}

/**
 * Power iteration for the top eigenvalue of H, PyHessian's scheme: v ← Hv / ||Hv||, λ = vᵀHv, stop when
 * |λ_k - λ_{k-1}| / (|λ_{k-1}| + 1e-6) < tolerance. One read-back per iteration (λ and ||Hv|| together).
 */
export async function powerIteration(
  hvp: (v: tf.Tensor[]) => tf.Tensor[],
  shapes: number[][],
  opts: PowerIterationOptions,
): Promise<EigenEstimate> {
  let v = startVector(shapes, opts);
  let value = 0;
  let previous: number | null = null;
  let iterations = 0;
  let converged = false;
  try {
    while (iterations < opts.maxIterations) {
      throwIfAborted(opts.signal);
      const hv = hvp(v);
      iterations++;
      const stats = tf.tidy(() => tf.stack([dot(hv, v), tf.sqrt(dot(hv, hv))]));
      const [lambda, norm] = Array.from(await stats.data());
      stats.dispose();
      if (!Number.isFinite(lambda) || !Number.isFinite(norm)) {
        tf.dispose(hv);
        throw new Error('Hessian-vector product is not finite (the loss or the weights hold NaN or Infinity)');
      }
      value = lambda;
      if (norm === 0) {
        // Hv = 0: v is in the null space and λ = 0 is exact for it; nothing left to iterate.
        tf.dispose(hv);
        converged = true;
        break;
      }
      const next = tf.tidy(() => scale(hv, 1 / norm));
      tf.dispose(hv);
      tf.dispose(v);
      v = next;
      if (previous !== null && Math.abs(previous - lambda) / (Math.abs(previous) + 1e-6) < opts.tolerance) {
        converged = true;
        break;
      }
      previous = lambda;
    }
    return { value, iterations, converged, vector: await toArrays(v) };
  } finally {
    tf.dispose(v);
  }
}

function startVector(shapes: number[][], opts: PowerIterationOptions): tf.Tensor[] {
  return fromArrays(startValues(shapes, opts), shapes);
}

/** Unit start vector: the warm start when it fits the layout and is non-zero, else the seeded random one. */
export function startValues(shapes: number[][], opts: PowerIterationOptions): Float32Array[] {
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const warm = opts.warmStart;
  const usable = warm && warm.length === sizes.length && warm.every((w, i) => w.length === sizes[i]) && warm.some((w) => w.some((x) => x !== 0));
  return usable ? normalized(warm) : randomUnitVector(shapes, opts.seed);
}

/** The seeded Gaussian start vector of power iteration, scaled to unit norm (exported for the PyTorch bench). */
export function randomUnitVector(shapes: number[][], seed: number): Float32Array[] {
  const rng = createRng(seed, 'hessian-start');
  return normalized(shapes.map((s) => Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rng.normal())));
}

function normalized(values: Float32Array[]): Float32Array[] {
  let sq = 0;
  for (const w of values) for (const x of w) sq += x * x;
  const inv = 1 / Math.sqrt(sq);
  return values.map((w) => w.map((x) => x * inv));
}
