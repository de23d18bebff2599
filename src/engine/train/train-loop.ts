import * as tf from '@tensorflow/tfjs';
import { cropFlip } from '../data/augment';
import { gatherBatch, toBatchTensors } from '../data/batch-tensors';
import type { Dataset } from '../data/dataset';
import type { Augmentation } from '../contract/config';
import { throwIfAborted, DivergedError } from '../contract/events';
import type { EpochRecord } from '../contract/results';
import { forward } from '../model/architecture';
import { updateRunning, type ForwardTraining } from '../model/batch-norm';
import { readWeights, toVariables, type Weights } from '../model/params';
import { isTrainable, type ModelSpec } from '../model/spec';
import { applyMaskToVariables, maskTensors, type Masks } from '../prune/mask';
import { createRng } from '../random';
import { epochBatches } from './batches';
import { crossEntropy } from './cross-entropy';
import { scheduledRate } from './lr-schedule';
import { createOptimizer, disposeOptimizer, setLearningRate, type OptimizerSettings } from './optimizer';
import { maybeYield } from './yield';

/** What one optimizer step sees; a BatchObjective turns it into the scalar to minimise. */
export interface BatchContext {
  spec: ModelSpec;
  params: tf.Variable[];
  x: tf.Tensor4D;
  labels: tf.Tensor1D;
  /** Group of each sample in the batch (plain numbers, for bookkeeping). */
  groups: Int32Array;
  /** The same groups as an int32 tensor. */
  groupsT: tf.Tensor1D;
  numGroups: number;
  step: number;
  /** Pass to forward() for the training loss: BatchNorm uses batch statistics (the loop updates the running ones). */
  training: ForwardTraining;
}

/**
 * The training objective. Plain ERM is the default; the mitigation (src/engine/mitigate) supplies the Lagrangian.
 * loss() runs inside tf.variableGrads and tf.tidy; afterStep() runs after the optimizer step and may await reads.
 */
export interface BatchObjective {
  loss(ctx: BatchContext): tf.Scalar;
  afterStep?(step: number): Promise<void> | void;
}

export const ermObjective: BatchObjective = {
  loss: ({ spec, params, x, labels, training }) => crossEntropy(forward(spec, params, x, training), labels),
};

export interface TrainOptions extends OptimizerSettings {
  spec: ModelSpec;
  weights: Weights;
  data: Dataset;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Name of the phase, for errors and curves ("dense", "fine-tune 50%"). */
  phase: string;
  /** Pruning masks re-applied after every step, so pruned weights stay exactly 0. */
  masks?: Masks | null;
  objective?: BatchObjective;
  signal?: AbortSignal;
  /**
   * Measures the per-epoch record (one extra forward pass over the data per epoch): metrics/epoch-record's
   * epochRecord. Passed in rather than imported, so train/ stays below metrics/.
   */
  recordEpoch?: EpochRecorder;
  /** Called with each epoch's record (only when recordEpoch is given). */
  onEpoch?: (record: EpochRecord) => void;
  /**
   * Gradual pruning: called before each epoch with the current weights; the masks it returns replace `masks` from
   * then on (null keeps them). Passed in rather than imported, so train/ stays free of a pruning method.
   */
  reprune?: (epoch: number, weights: Weights) => Masks | null;
  /** Keep a copy of the weights after this many epochs (lottery-ticket rewinding's early weights); 0 = the start. */
  snapshotEpoch?: number;
  /** Augment each training batch (seeded by seed, epoch and batch); absent or 'none': the images as they are. */
  augment?: Augmentation;
}

export type EpochRecorder = (spec: ModelSpec, params: tf.Tensor[], data: Dataset, epoch: number) => Promise<EpochRecord>;

export interface TrainResult {
  weights: Weights;
  curve: EpochRecord[];
  steps: number;
  /** The weights after snapshotEpoch epochs, when asked for and reached. */
  snapshot: Weights | null;
}

/** Our own loop (not model.fit): seeded batching, masks held exact, divergence and cancellation checked. */
export async function train(o: TrainOptions): Promise<TrainResult> {
  const objective = o.objective ?? ermObjective;
  const vars = toVariables(o.weights);
  // The optimizer sees trainable variables only, always the same ones in the same order (Adam's moments by position).
  const trainable = vars.filter((_, i) => isTrainable(o.weights.specs[i]));
  let masks = o.masks ? maskTensors(o.masks, o.weights.specs) : null;
  const optimizer = createOptimizer(o);
  const decay = o.weightDecay ?? 0;
  const n = o.data.labels.length;
  const numGroups = o.data.groupNames.length;
  const curve: EpochRecord[] = [];
  let step = 0;
  let lossSum: tf.Scalar | null = null;
  let snapshot: Weights | null = null;
  try {
    if (masks) applyMaskToVariables(vars, masks);
    if (o.snapshotEpoch === 0) snapshot = await readWeights(o.weights.specs, vars);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const next = o.reprune?.(epoch, await readWeights(o.weights.specs, vars)) ?? null;
      if (next) {
        if (masks) tf.dispose(masks.filter((m): m is tf.Tensor => m !== null));
        masks = maskTensors(next, o.weights.specs);
        applyMaskToVariables(vars, masks);
      }
      if (o.lrSchedule && o.lrSchedule !== 'constant') setLearningRate(optimizer, scheduledRate(o.learningRate, o.lrSchedule, epoch, o.epochs));
      lossSum = tf.scalar(0);
      const batches = epochBatches(n, o.batchSize, o.seed, epoch);
      for (let b = 0; b < batches.length; b++) {
        const idx = batches[b];
        throwIfAborted(o.signal);
        const gathered = gatherBatch(o.data, idx);
        const arrays = o.augment === 'crop-flip' ? cropFlip(gathered, o.data.imageShape, createRng(o.seed, 'augment', epoch, b)) : gathered;
        const groups = Int32Array.from(idx, (i) => o.data.groups[i]);
        const batchLoss = tf.tidy(() => {
          // Running statistics follow the batch being trained on, updated as PyTorch's train-mode forward does. Done
          // inside forward's tidy (the batch statistics die with it); assign keeps the new values alive.
          const training: ForwardTraining = {
            onBatchStats: (k, mean, variance) => {
              vars[k].assign(updateRunning(vars[k], mean));
              vars[k + 1].assign(updateRunning(vars[k + 1], variance));
            },
          };
          const ctx: BatchContext = {
            spec: o.spec,
            params: vars,
            ...toBatchTensors(arrays, o.data.imageShape),
            groups,
            groupsT: tf.tensor1d(groups, 'int32'),
            numGroups,
            step,
            training,
          };
          const { value, grads } = tf.variableGrads(() => objective.loss(ctx), trainable);
          // Coupled L2 decay, as PyTorch's weight_decay: g ← g + λθ for every trained parameter (masked ones are 0).
          if (decay > 0) for (const v of trainable) grads[v.name] = tf.add(grads[v.name], tf.mul(v, decay));
          optimizer.applyGradients(grads);
          return tf.mul(value, idx.length);
        });
        if (masks) applyMaskToVariables(vars, masks);
        const nextSum: tf.Scalar = tf.add(lossSum, batchLoss);
        tf.dispose([lossSum, batchLoss]);
        lossSum = nextSum;
        step++;
        if (objective.afterStep) await objective.afterStep(step);
        await maybeYield();
      }
      const meanLoss = (await lossSum.data())[0] / n;
      lossSum.dispose();
      lossSum = null;
      if (!Number.isFinite(meanLoss)) throw new DivergedError(`${o.phase}, epoch ${epoch + 1}`);
      if (o.snapshotEpoch === epoch + 1) snapshot = await readWeights(o.weights.specs, vars);
      if (o.recordEpoch) {
        const record = await o.recordEpoch(o.spec, vars, o.data, epoch + 1);
        curve.push(record);
        o.onEpoch?.(record);
      }
    }
    return { weights: await readWeights(o.weights.specs, vars), curve, steps: step, snapshot };
  } finally {
    lossSum?.dispose();
    disposeOptimizer(optimizer);
    tf.dispose(vars);
    if (masks) tf.dispose(masks.filter((m): m is tf.Tensor => m !== null));
  }
}
