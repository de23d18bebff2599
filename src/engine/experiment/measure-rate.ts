import { throwIfAborted } from '../contract/events';
import type { RunResult } from '../contract/results';
import { measureModel, type HessianRequest, type ModelMeasurement } from '../metrics/measure-model';
import { createMitigationObjective } from '../mitigate/create-objective';
import { weightDistance, type Weights } from '../model/params';
import { weightSparsity } from '../prune/mask';
import { pruneWeights, type PruneResult } from '../prune/prune';
import { polynomialDecaySparsity } from '../prune/polynomial-decay';
import { rewindWeights } from '../prune/rewind';
import { deriveSeed } from '../random';
import { train } from '../train/train-loop';
import { buildRunResult } from './run-result';
import type { DenseModel, ExperimentSession, SweepHooks, SweepPoint } from './sweep-context';
import { fineTuneEpochs, mitigatedFineTune } from './sweep-plan';

export interface RateStepOptions extends Partial<Pick<SweepHooks, 'emit' | 'progress' | 'signal'>> {
  /** Fine-tune the pruned model as the config says (the sweep), or measure it as pruned (the slider's quick point). */
  fineTune: boolean;
  /** λ(H_a) of the pruned model, or null to skip it. */
  hessian: HessianRequest | null;
}

export interface RateStep {
  run: RunResult;
  /** θ̄ as measured: pruned, then fine-tuned when asked (masked entries exactly 0). */
  weights: Weights;
  measurement: ModelMeasurement;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * One point of the paper's loop: prune the dense model θ̂ at the point's rate, fine-tune it (with the mitigation in
 * modes after and both), measure it. The sweep calls it for every mode and rate; the slider's quick evaluate calls
 * it with fine-tuning and the Hessian off, so both give the same numbers for the same pruned model.
 */
export async function measureAtRate(session: Omit<ExperimentSession, 'dense'>, base: DenseModel, point: SweepPoint, o: RateStepOptions): Promise<RateStep> {
  const { config, spec, split } = session;
  const { seed, mode, rate } = point;
  const t0 = Date.now();
  throwIfAborted(o.signal);
  o.progress?.beginRate(mode);
  o.progress?.report('prune', seed, mode, rate, `seed ${seed}, ${mode}: pruning ${percent(rate)}`);
  const pruneAt = (w: Weights, r: number) => pruneWeights(w, r, config.prune.method, { pruneBiases: config.prune.pruneBiases, seed: deriveSeed(seed, 'prune') });
  const gradual = o.fineTune && config.prune.schedule === 'gradual';
  // Gradual pruning starts at the schedule's first sparsity and reaches the rate during fine-tuning (fineTune below).
  const pruned = pruneAt(base.weights, gradual ? Math.min(rate, config.prune.initialSparsity) : rate);
  // Rewinding resets the survivors to their early values and retrains (at least one epoch); the slider's quick
  // point, which does not train, measures the pruned θ̂ as one-shot does.
  const rewind = o.fineTune && config.prune.schedule === 'rewind' && base.early ? rewindWeights(base.early, pruned.masks) : null;
  const start: PruneResult = rewind ? { ...pruned, weights: rewind } : pruned;
  const epochs = !o.fineTune ? 0 : gradual ? Math.max(2, fineTuneEpochs(config, mode)) : rewind ? Math.max(1, fineTuneEpochs(config, mode)) : fineTuneEpochs(config, mode);
  const reprune = gradual ? gradualMasks(pruneAt, rate, Math.min(rate, config.prune.initialSparsity), epochs) : undefined;
  const tuned = epochs > 0 ? await fineTune(session, base, point, start, epochs, o, rewind !== null, reprune) : { weights: pruned.weights, multipliers: base.multipliers };
  o.progress?.advance(epochs);
  o.progress?.report(o.hessian ? 'hessian' : 'measure', seed, mode, rate, `seed ${seed}, ${mode}: measuring at ${percent(rate)}`);
  const measurement = await measureModel(spec, tuned.weights, split, o.hessian, pruned.masks);
  o.progress?.finish();
  const run = buildRunResult({
    ...point,
    split,
    model: measurement,
    dense: base.measurement,
    multipliers: tuned.multipliers,
    // The exact zeros of the weights as measured, not pruneWeights' mask count: the two agree unless θ̂ already held
    // zeros the mask kept (a dead unit's bias, when biases are prunable). Results define sparsity as the zeros of the
    // model measured (fine-tuned or not), so the sweep and the slider count the same way.
    sparsity: weightSparsity(tuned.weights, tuned.weights.specs, config.prune.pruneBiases),
    paramDistance: weightDistance(tuned.weights, base.weights),
    wallMs: Date.now() - t0,
    uncertainty: config.uncertainty,
  });
  return { run, weights: tuned.weights, measurement };
}

/**
 * Gradual pruning's masks: before fine-tuning epoch e (from 1), magnitude-prune the current weights to the
 * PolynomialDecay sparsity at step e of T = epochs − 1, so the last epoch trains at exactly the rate. Pruned weights
 * are exact zeros, the smallest magnitudes, so each mask contains the last one.
 */
function gradualMasks(pruneAt: (w: Weights, r: number) => PruneResult, rate: number, initial: number, epochs: number) {
  return (epoch: number, weights: Weights) => (epoch === 0 ? null : pruneAt(weights, polynomialDecaySparsity(epoch, epochs - 1, initial, rate)).masks);
}

/** Fine-tunes θ̄ with its masks held; mitigated (Fair Aft, Fair Both) with a fresh Lagrangian for this rate. */
async function fineTune(
  session: Omit<ExperimentSession, 'dense'>,
  base: DenseModel,
  point: SweepPoint,
  pruned: PruneResult,
  epochs: number,
  o: RateStepOptions,
  retrain = false,
  reprune?: (epoch: number, weights: Weights) => PruneResult['masks'] | null,
): Promise<{ weights: Weights; multipliers: RunResult['multipliers'] }> {
  const { config, spec, split } = session;
  const { seed, mode, version, rate } = point;
  const mitigated = mitigatedFineTune(mode);
  o.emit?.({ type: 'phase', seed, mode, rate, phase: 'fine-tune', mitigated });
  o.progress?.report('fine-tune', seed, mode, rate, `seed ${seed}, ${mode}: ${mitigated ? 'mitigated ' : ''}fine-tuning at ${percent(rate)}`);
  const objective = mitigated && version ? createMitigationObjective({
          settings: config.mitigation,
          spec,
          data: split.train,
          seed: deriveSeed(seed, 'ft', rate),
          version,
          reference: { groupAccuracy: base.measurement.train.accuracy, overallAccuracy: base.measurement.train.overallAccuracy },
        }) : undefined;
  try {
    const tuned = await train({
      ...config.train,
      // Rewinding retrains from early weights, at the training learning rate; fine-tuning continues from θ̂, slower.
      learningRate: config.train.learningRate * (retrain ? 1 : config.prune.fineTuneLrScale),
      epochs,
      spec,
      weights: pruned.weights,
      data: split.train,
      seed: deriveSeed(seed, 'fine-tune-batches', rate),
      phase: `fine-tuning at ${percent(rate)} (seed ${seed}, ${mode})`,
      masks: pruned.masks,
      reprune,
      objective,
      signal: o.signal,
    });
    // The dense phase's trajectory (before, both) followed by the fine-tuning one (after, both).
    const multipliers = objective ? [...base.multipliers, ...objective.trajectory('fine-tune')] : base.multipliers;
    return { weights: tuned.weights, multipliers };
  } finally {
    objective?.dispose();
  }
}
