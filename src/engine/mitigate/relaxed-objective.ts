import * as tf from '@tensorflow/tfjs';
import type { Config } from '../contract/config';
import { forward } from '../model/architecture';
import type { BatchContext } from '../train/train-loop';
import { crossEntropyPerSample } from '../train/cross-entropy';
import { createDualAscent } from './dual-ascent';
import { createGapAccumulator } from './gap-accumulator';
import type { MitigationObjective } from './mitigation-objective';
import { trajectoryOf } from './trajectory';

/** Weight of the newest batch in the running estimate of a group's loss, used when the group is absent. */
const RUNNING_RATE = 0.1;

/**
 * Relaxed mitigation, Eq. (8): minimise J(θ;D) s.t. J(θ;D_a) = J(θ;D) for every group a. Primal step on each batch:
 *   J(θ;B) + Σ_a λ_a·|J(θ;B_a) − J(θ;B)|,
 * with J(θ;B_a) the mean loss of the batch's members of a, or (a constant) running estimate of it when the batch
 * has none. Dual step every dualEvery steps: λ_a ← min(cap, λ_a + s·|mean gap of a over the interval|).
 */
export function createRelaxedObjective(settings: Config['mitigation'], numGroups: number): MitigationObjective {
  const dual = createDualAscent(numGroups, settings);
  const gaps = createGapAccumulator(numGroups);
  /** Running estimate of J(θ;D_a) on the device, and whether group a was ever seen (else it has none). */
  let running: tf.Tensor1D = tf.zeros([numGroups]);
  const seen = new Array<boolean>(numGroups).fill(false);
  /** What loss() measured on the last batch, kept for afterStep. */
  let pending: { groupLoss: tf.Tensor1D; loss: tf.Scalar; present: Float32Array } | null = null;

  const disposePending = () => {
    if (pending) tf.dispose([pending.groupLoss, pending.loss]);
    pending = null;
  };

  return {
    loss(ctx: BatchContext): tf.Scalar {
      const counts = new Float32Array(numGroups);
      for (const a of ctx.groups) counts[a]++;
      const present = counts.map((n) => (n > 0 ? 1 : 0));
      const fallback = Float32Array.from(seen, (s, a) => (s && !present[a] ? 1 : 0));
      const lambda = dual.lambda();
      const perSample = crossEntropyPerSample(forward(ctx.spec, ctx.params, ctx.x, ctx.training), ctx.labels);
      const loss = tf.mean(perSample) as tf.Scalar;
      // Group sums as one matmul with the one-hot groups: [1, n] x [n, G]. The one-hot is made int32 and cast:
      // tf.oneHot with dtype 'float32' returns all zeros on the wasm backend (tfjs 4.22).
      const oneHot = tf.cast(tf.oneHot(ctx.groupsT, numGroups), 'float32');
      const sums = tf.reshape(tf.matMul(tf.reshape(perSample, [1, -1]), oneHot), [numGroups]);
      const groupLoss = tf.div(sums, tf.tensor1d(counts.map((n) => Math.max(n, 1)))) as tf.Tensor1D;
      // Eq. (8)'s gaps J(θ;B_a) − J(θ;B): from the batch where a is present, from the running estimate where it is
      // absent but was seen before, 0 otherwise (no information yet).
      const gap = tf.add(tf.mul(tf.tensor1d(present), tf.sub(groupLoss, loss)), tf.mul(tf.tensor1d(fallback), tf.sub(running, loss)));
      disposePending();
      pending = { groupLoss: tf.keep(groupLoss), loss: tf.keep(loss), present };
      if (lambda.every((l) => l === 0)) return loss;
      return tf.add(loss, tf.sum(tf.mul(tf.tensor1d(lambda), tf.abs(gap)))) as tf.Scalar; // Eq. (8), Lagrangian
    },

    async afterStep(step: number) {
      if (pending) {
        const { groupLoss, loss, present } = pending;
        const next = tf.tidy(() => {
          const p = tf.tensor1d(present);
          const first = tf.tensor1d(present.map((x, a) => (x && !seen[a] ? 1 : 0)));
          // EMA where present, the first value where first seen, unchanged where absent.
          const ema = tf.add(tf.mul(running, 1 - RUNNING_RATE), tf.mul(groupLoss, RUNNING_RATE));
          const updated = tf.add(tf.mul(first, groupLoss), tf.mul(tf.sub(p, first), ema));
          return tf.add(updated, tf.mul(tf.sub(1, p), running)) as tf.Tensor1D;
        });
        running.dispose();
        running = next;
        present.forEach((x, a) => (seen[a] ||= x > 0));
        const gap = tf.tidy(() => tf.sub(groupLoss, loss) as tf.Tensor1D);
        gaps.add(gap, present);
        gap.dispose();
        disposePending();
      }
      if (dual.isIntervalEnd(step)) dual.close(step, await gaps.takeMean());
    },

    trajectory: (phase) => trajectoryOf(dual.records(), phase),

    dispose() {
      disposePending();
      running.dispose();
      gaps.dispose();
    },
  };
}
