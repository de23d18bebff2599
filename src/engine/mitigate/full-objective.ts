import * as tf from '@tensorflow/tfjs';
import { gatherBatch, toBatchTensors } from '../data/batch-tensors';
import { markConstantInput } from '../kernels/conv-bilinear';
import { groupIndices, type Dataset } from '../data/dataset';
import type { Config } from '../contract/config';
import { powerIteration } from '../metrics/power-iteration';
import { createHvp, type Hvp } from '../metrics/hvp';
import { fromArrays } from '../metrics/param-vectors';
import { forward } from '../model/architecture';
import type { ModelSpec } from '../model/spec';
import { createRng, subsample } from '../random';
import { crossEntropy } from '../train/cross-entropy';
import type { BatchContext } from '../train/train-loop';
import { createDualAscent } from './dual-ascent';
import { fullConstraintTerms, relativeGaps, type ConstraintGroup, type ConstraintVectors } from './full-constraints';
import { createGapAccumulator } from './gap-accumulator';
import type { MitigationObjective } from './mitigation-objective';
import { trajectoryOf } from './trajectory';

/** Power iterations for the very first eigenvectors (a random start); later ones are warm-started. */
const FIRST_POWER_ITERATIONS = 20;
const POWER_TOLERANCE = 1e-3;

/** What one constraint evaluation needs, prepared (asynchronously) after the step before it. */
interface Prepared {
  step: number;
  /** Index into the data's groups of each entry of `groups` (groups with no training samples are left out). */
  members: number[];
  groups: ConstraintGroup[];
  vectors: ConstraintVectors;
}

/**
 * Full mitigation, Eq. (7): minimise J(θ;D) s.t. ||g_a|| = ||g|| and λ(H_a) = λ(H) for every group a. 2G multipliers,
 * laid out [λ^g_0 … λ^g_{G−1}, λ^H_0 … λ^H_{G−1}] in the recorded trajectory (violations likewise).
 *
 * Every `fullEvery` steps (from step fullEvery on) the step's primal objective becomes
 *   J(θ;B) + Σ_a λ^g_a·| ||g_a|| − ||g|| | / ||g|| + λ^H_a·| v_aᵀH_a v_a − vᵀHv | / |vᵀHv|,
 * on a fresh seeded sample of at most `fullSamples` training samples per group, g = Σ_a w_a g_a, H = Σ_a w_a H_a
 * with w_a = |D_a|/|D|. Before that step, a warm-started power iteration (fullPowerIterations products) refreshes
 * v_a and v on that sample at the current θ; they are then held fixed, so vᵀH_a v is the eigenvalue's first-order
 * model and its gradient is exact by triple backprop. Other steps are plain ERM steps. The gaps are relative
 * (see relativeGaps), so recorded violations are fractions of the targets ||g|| and λ(H).
 */
export function createFullObjective(settings: Config['mitigation'], spec: ModelSpec, data: Dataset, seed: number): MitigationObjective {
  const numGroups = data.groupNames.length;
  const members = Array.from({ length: numGroups }, (_, a) => groupIndices(data, a));
  const weights = members.map((m) => m.length / data.labels.length);
  const dual = createDualAscent(2 * numGroups, settings);
  const gaps = createGapAccumulator(2 * numGroups);
  const warm: { groups: (Float32Array[] | null)[]; overall: Float32Array[] | null } = { groups: new Array(numGroups).fill(null), overall: null };
  let params: tf.Variable[] | null = null;
  let prepared: Prepared | null = null;
  let pending: { gap: tf.Tensor1D; measured: Float32Array } | null = null;
  let evaluations = 0;

  const disposePrepared = () => {
    if (prepared) {
      for (const g of prepared.groups) tf.dispose([g.x, g.labels]);
      tf.dispose([...prepared.vectors.groups.flat(), ...prepared.vectors.overall]);
    }
    prepared = null;
  };

  /** Draws the samples of the evaluation at `step` and the eigenvectors at the current θ. */
  const prepare = async (step: number, vars: tf.Variable[]): Promise<Prepared> => {
    const shapes = vars.map((v) => v.shape);
    const used = members.map((m, a) => (m.length > 0 ? a : -1)).filter((a) => a >= 0);
    const samples = used.map((a) => {
      const pick = subsample(members[a].length, settings.fullSamples, createRng(seed, 'full-constraint-sample', evaluations, a));
      const idx = Int32Array.from(pick, (k) => members[a][k]);
      return { a, ...gatherBatch(data, idx) };
    });
    const hvps: Hvp[] = samples.map((s) => createHvp(spec, vars, s));
    try {
      const iterations = (warmStart: unknown) => (warmStart ? settings.fullPowerIterations : Math.max(FIRST_POWER_ITERATIONS, settings.fullPowerIterations));
      const options = (warmStart: Float32Array[] | null, label: string | number) => ({
        tolerance: POWER_TOLERANCE,
        maxIterations: iterations(warmStart),
        seed: createRng(seed, 'full-constraint-power', label).seed(),
        warmStart,
      });
      for (let k = 0; k < samples.length; k++) {
        const a = samples[k].a;
        warm.groups[a] = (await powerIteration((v) => hvps[k].apply(v), shapes, options(warm.groups[a], a))).vector;
      }
      // H v = Σ_a w_a H_a v, so λ(H) is the population Hessian's whatever the per-group sample sizes.
      const overallHvp = (v: tf.Tensor[]): tf.Tensor[] => {
        let acc: tf.Tensor[] | null = null;
        samples.forEach((s, k) => {
          const hv = hvps[k].apply(v);
          const prev: tf.Tensor[] | null = acc;
          acc = tf.tidy(() => hv.map((t, i) => (prev ? tf.add(prev[i], tf.mul(t, weights[s.a])) : tf.mul(t, weights[s.a]))));
          tf.dispose(hv);
          if (prev) tf.dispose(prev);
        });
        return acc ?? v.map((t) => tf.zerosLike(t));
      };
      warm.overall = (await powerIteration(overallHvp, shapes, options(warm.overall, 'all'))).vector;
    } finally {
      for (const hvp of hvps) hvp.dispose();
    }
    evaluations++;
    return {
      step,
      members: samples.map((s) => s.a),
      groups: samples.map((s) => {
        const batch = toBatchTensors(s, spec.inputShape);
        // Data, not a function of θ: the higher-order gradients skip the gradient into it (conv-bilinear.ts).
        markConstantInput(batch.x);
        return { ...batch, weight: weights[s.a] };
      }),
      vectors: {
        groups: samples.map((s) => fromArrays(warm.groups[s.a] as Float32Array[], shapes)),
        overall: fromArrays(warm.overall as Float32Array[], shapes),
      },
    };
  };

  return {
    loss(ctx: BatchContext): tf.Scalar {
      params ??= ctx.params;
      const loss = crossEntropy(forward(ctx.spec, ctx.params, ctx.x, ctx.training), ctx.labels);
      if (!prepared || prepared.step !== ctx.step) return loss;
      const { members: used, groups, vectors } = prepared;
      const lambda = dual.lambda();
      const lambdaG = lambda.slice(0, numGroups);
      const lambdaH = lambda.slice(numGroups);
      const terms = fullConstraintTerms(ctx.spec, ctx.params, groups, vectors);
      // Gaps of Eq. (7) in the data's group order; a group without samples has gap 0 and is not measured.
      const scatter = (t: tf.Tensor1D): tf.Tensor1D => {
        const parts = Array.from({ length: numGroups }, (_, a) => {
          const k = used.indexOf(a);
          return k >= 0 ? tf.slice(t, [k], [1]) : tf.zeros([1]);
        });
        return tf.concat(parts) as tf.Tensor1D;
      };
      const relative = relativeGaps(terms, settings.fullTarget);
      const gapG = scatter(relative.gradNorm);
      const gapH = scatter(relative.eigen as tf.Tensor1D);
      const measured = Float32Array.from({ length: 2 * numGroups }, (_, c) => (used.includes(c % numGroups) ? 1 : 0));
      pending = { gap: tf.keep(tf.concat([gapG, gapH]) as tf.Tensor1D), measured };
      // A constraint whose multipliers are all 0 only needs measuring: leaving it out of the objective spares its
      // (second- or third-order) backward pass.
      let objective: tf.Scalar = loss;
      if (lambdaG.some((l) => l > 0)) objective = tf.add(objective, tf.sum(tf.mul(tf.tensor1d(lambdaG), tf.abs(gapG))));
      if (lambdaH.some((l) => l > 0)) objective = tf.add(objective, tf.sum(tf.mul(tf.tensor1d(lambdaH), tf.abs(gapH))));
      return objective; // Eq. (7), Lagrangian
    },

    async afterStep(step: number) {
      if (pending) {
        gaps.add(pending.gap, pending.measured);
        pending.gap.dispose();
        pending = null;
      }
      disposePrepared();
      if (params && step % settings.fullEvery === 0) prepared = await prepare(step, params);
      if (dual.isIntervalEnd(step)) dual.close(step, await gaps.takeMean());
    },

    trajectory: (phase) => trajectoryOf(dual.records(), phase),

    dispose() {
      disposePrepared();
      if (pending) pending.gap.dispose();
      pending = null;
      gaps.dispose();
    },
  };
}
