import * as tf from '@tensorflow/tfjs';
import { maybeYield } from '../train/yield';
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
  /** Whether the residual test ‖Hv − λv‖ ≤ tolerance·|λ| held before maxIterations (Lanczos: its residual bound). */
  converged: boolean;
  /**
   * Relative residual ‖Hv − λv‖ / |λ| of the reported pair (Lanczos: the bound β_k|s_k| / |θ|); null when nothing
   * was iterated or λ = 0 with Hv ≠ 0. For symmetric H some eigenvalue lies within residual·|λ| of λ.
   */
  residual: number | null;
  /**
   * Its unit eigenvector, per parameter tensor, to warm-start the next estimate. Power iteration returns Hv/‖Hv‖ of
   * its last product, one step past the v that value and residual were measured on (and v itself when Hv = 0).
   */
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
 * Power iteration for the top eigenvalue of H: v ← Hv / ||Hv|| from a unit v, λ = vᵀHv (the Rayleigh quotient),
 * stop when the residual ‖Hv − λv‖ ≤ tolerance·|λ|. λ, ||Hv|| and the residual come from the same Hv in one
 * read-back per iteration, so the reported λ and residual belong to one v; the returned vector is the next iterate.
 *
 * What the residual test guarantees (H symmetric): some eigenvalue of H lies within ‖Hv − λv‖ of λ, so a converged
 * estimate is within `tolerance` (relative) of SOME eigenvalue, and λ lies in [λ_min, λ_max] as a Rayleigh quotient.
 * When the top eigenvalue is separated from the rest by a gap δ, the error to it is smaller still, about
 * residual²/δ. What it does not guarantee: that the eigenvalue it is close to is the top one. With close top
 * eigenvalues λ₁ ≈ λ₂, v may be a mix of both and λ lies between them (within λ₁ − λ₂ of the top, harmless when that
 * gap is below the tolerance); and a start vector with almost no component along the top eigenvector (e.g. a warm
 * start from another Hessian's eigenvector) can pass the test near λ₂ before the top direction has grown. The old
 * rule, PyHessian's "relative change of λ between iterations < tolerance", guarantees neither: it stops on any
 * plateau (test/engine/metrics/hessian.test.ts has one where it stops 4.7% off).
 */
export async function powerIteration(
  hvp: (v: tf.Tensor[]) => tf.Tensor[],
  shapes: number[][],
  opts: PowerIterationOptions,
): Promise<EigenEstimate> {
  let v = startVector(shapes, opts);
  let value = 0;
  let residual: number | null = null;
  let iterations = 0;
  let converged = false;
  try {
    while (iterations < opts.maxIterations) {
      // A macrotask now and then: data() is a microtask on cpu and wasm, so without it a long λ(H_a) would hold off
      // Cancel and the worker's heartbeat (the page then declares the worker lost after a minute).
      await maybeYield();
      throwIfAborted(opts.signal);
      const hv = hvp(v);
      iterations++;
      const stats = tf.tidy(() => {
        const lambda = dot(hv, v);
        const r = hv.map((t, i) => tf.sub(t, tf.mul(v[i], lambda)));
        return tf.stack([lambda, tf.sqrt(dot(hv, hv)), tf.sqrt(dot(r, r))]);
      });
      const [lambda, norm, r] = Array.from(await stats.data());
      stats.dispose();
      if (!Number.isFinite(lambda) || !Number.isFinite(norm) || !Number.isFinite(r)) {
        tf.dispose(hv);
        throw new Error('Hessian-vector product is not finite (the loss or the weights hold NaN or Infinity)');
      }
      value = lambda;
      residual = relativeResidual(r, lambda);
      if (norm === 0) {
        // Hv = 0: v is in the null space and λ = 0 is exact for it (residual 0); nothing left to iterate.
        tf.dispose(hv);
        converged = true;
        break;
      }
      const next = tf.tidy(() => scale(hv, 1 / norm));
      tf.dispose(hv);
      tf.dispose(v);
      v = next;
      if (r <= opts.tolerance * Math.abs(lambda)) {
        converged = true;
        break;
      }
    }
    return { value, iterations, converged, residual, vector: await toArrays(v) };
  } finally {
    tf.dispose(v);
  }
}

/** ‖Hv − λv‖ / |λ|: 0 for an exact zero residual, null where it is undefined (λ = 0 with a non-zero residual). */
export function relativeResidual(r: number, lambda: number): number | null {
  if (r === 0) return 0;
  const rel = r / Math.abs(lambda);
  return Number.isFinite(rel) ? rel : null;
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
