import * as tf from '@tensorflow/tfjs';
import { stopGradient } from '../kernels/stop-gradient';
import { dot } from '../metrics/param-vectors';
import { forward } from '../model/architecture';
import type { ModelSpec } from '../model/spec';
import { crossEntropy } from '../train/cross-entropy';

/** A capped sample of group a's training data, with its population weight w_a = |D_a| / |D|. */
export interface ConstraintGroup {
  x: tf.Tensor4D;
  labels: tf.Tensor1D;
  weight: number;
}

/** Unit vectors held fixed within a step: v_a ≈ top eigenvector of H_a, v ≈ top eigenvector of H. */
export interface ConstraintVectors {
  groups: tf.Tensor[][];
  overall: tf.Tensor[];
}

/** The two sides of Eq. (7)'s constraints, as tensors that stay differentiable in θ. */
export interface FullConstraintTerms {
  /** ||g_a|| for each group, [G]. */
  gradNorm: tf.Tensor1D;
  /** ||g|| with g = Σ_a w_a g_a (the gradient of the population loss J(θ;D) from the same samples). */
  overallGradNorm: tf.Scalar;
  /** v_aᵀ H_a v_a ≈ λ(H_a) for each group, [G]; null when no vectors were given. */
  eigen: tf.Tensor1D | null;
  /** vᵀ H v ≈ λ(H) with H = Σ_a w_a H_a; null when no vectors were given. */
  overallEigen: tf.Scalar | null;
}

/** Keeps sqrt differentiable when a gradient is exactly zero (its derivative at 0 is infinite). */
const NORM_EPS = 1e-12;
/** Floor of a constraint's scale |target| in the relative gaps. */
const RELATIVE_EPS = 1e-6;

/**
 * Eq. (7)'s quantities by exact higher-order autodiff through forward() and the second-order-safe crossEntropy:
 * g_a = ∇J(θ;S_a) by tf.grads, so ||g_a|| is differentiable (double backprop); H_a v_a = ∇(g_a · v_a) reuses g_a's
 * graph, so vᵀH_a v is differentiable too (a third-order derivative), with v held constant as the method asks.
 *
 * Must run inside a gradient scope (tf.variableGrads / tf.grads over params): the Hessian-vector products
 * differentiate g_a's graph, which tfjs records only while a tape is active. Outside one, tf.grads finds no path
 * from θ to g_a · v and throws. Groups with no samples must be left out by the caller.
 */
export function fullConstraintTerms(spec: ModelSpec, params: tf.Tensor[], groups: ConstraintGroup[], vectors: ConstraintVectors | null): FullConstraintTerms {
  const groupGrads = groups.map((g) => tf.grads((...p: tf.Tensor[]) => crossEntropy(forward(spec, p, g.x), g.labels))(params));
  const norm = (v: tf.Tensor[]) => tf.sqrt(tf.add(dot(v, v), NORM_EPS)) as tf.Scalar;
  // g = Σ_a w_a g_a: J(θ;D) = Σ_a (|D_a|/|D|) J(θ;D_a), whatever the sample sizes.
  const overall = params.map((_, k) => groupGrads.map((g, a) => tf.mul(g[k], groups[a].weight)).reduce((s, t) => tf.add(s, t)));
  const gradNorm = tf.stack(groupGrads.map(norm)) as tf.Tensor1D;
  const overallGradNorm = norm(overall);
  if (!vectors) return { gradNorm, overallGradNorm, eigen: null, overallEigen: null };
  // vᵀ H v = v · ∇_θ (g · v); the closure ignores its arguments because g is already on the active tape.
  const quadratic = (g: tf.Tensor[], v: tf.Tensor[]) => dot(tf.grads(() => dot(g, v))(params), v);
  const eigen = tf.stack(groupGrads.map((g, a) => quadratic(g, vectors.groups[a]))) as tf.Tensor1D;
  const overallEigen = quadratic(overall, vectors.overall);
  return { gradNorm, overallGradNorm, eigen, overallEigen };
}

/**
 * Eq. (7)'s gaps relative to their target, (||g_a|| − ||g||) / ||g|| and (v_aᵀH_a v_a − vᵀHv) / |vᵀHv|, the
 * target's size held constant within the step. The constraints are the same (a gap is 0 exactly when the absolute
 * one is), but ||g|| (~0.1-1) and λ(H) (~1-100) become comparable, so one dual step size and one cap fit both
 * kinds; in absolute terms the eigenvalue constraints swamp the loss. `target` 'held' also stops the gradient through
 * the target's value (mitigation.fullTarget).
 */
export function relativeGaps(terms: FullConstraintTerms, target: 'moving' | 'held' = 'moving'): { gradNorm: tf.Tensor1D; eigen: tf.Tensor1D | null } {
  // Held, the step moves each group's side towards the target and never the target itself (||g||, vᵀHv).
  const side = (t: tf.Scalar) => (target === 'held' ? stopGradient(t) : t);
  const relative = (v: tf.Tensor1D, t: tf.Scalar) => tf.div(tf.sub(v, side(t)), tf.add(tf.abs(stopGradient(t)), RELATIVE_EPS)) as tf.Tensor1D;
  return {
    gradNorm: relative(terms.gradNorm, terms.overallGradNorm),
    eigen: terms.eigen && terms.overallEigen ? relative(terms.eigen, terms.overallEigen) : null,
  };
}
