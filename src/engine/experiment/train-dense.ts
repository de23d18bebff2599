import { throwIfAborted } from '../contract/events';
import type { TrainingCurve, TrainingPhase } from '../contract/results';
import { epochRecord } from '../metrics/epoch-record';
import { measureModel } from '../metrics/measure-model';
import { createMitigationObjective } from '../mitigate/create-objective';
import { initWeights } from '../model/params';
import { deriveSeed } from '../random';
import { train } from '../train/train-loop';
import type { DenseModel, ExperimentSession, SweepHooks } from './sweep-context';
import { plannedVariants, type DenseVariant } from './sweep-plan';

/** The training curve's name of a dense variant: versions are named apart only when both are run (Table 1). */
function densePhase(variant: DenseVariant, compareVersions: boolean): TrainingPhase {
  if (variant === 'plain') return 'dense';
  if (!compareVersions) return 'dense-mitigated';
  return `dense-mitigated-${variant}`;
}

/**
 * Trains and measures each dense model θ̂ a seed's modes need: the plain one (none, after) and the mitigated one of
 * each version (before, both). Each training curve is handed to `onCurve` as it starts, and grows epoch by epoch.
 */
export async function trainDenseModels(
  session: Omit<ExperimentSession, 'dense'>,
  seed: number,
  hooks: SweepHooks,
  onCurve: (c: TrainingCurve) => void,
  variants: DenseVariant[] = plannedVariants(session.config),
): Promise<Map<DenseVariant, DenseModel>> {
  const { config, spec, split } = session;
  const { emit, progress, signal } = hooks;
  const dense = new Map<DenseVariant, DenseModel>();
  for (const variant of variants) {
    throwIfAborted(signal);
    const mitigation = variant === 'plain' ? null : variant;
    const mitigated = mitigation !== null;
    const phase = densePhase(variant, config.mitigation.compareVersions);
    const t0 = Date.now();
    progress?.beginDense();
    emit({ type: 'phase', seed, mode: null, rate: 0, phase: 'train-dense', mitigated });
    progress?.report('train-dense', seed, null, 0, `seed ${seed}: training the ${mitigated ? 'mitigated ' : ''}dense model`);
    const objective = mitigation ? createMitigationObjective({ settings: config.mitigation, spec, data: split.train, seed, version: mitigation }) : undefined;
    const curve: TrainingCurve = { seed, phase, epochs: [] };
    onCurve(curve);
    try {
      const trained = await train({
        ...config.train,
        spec,
        weights: initWeights(spec, deriveSeed(seed, 'init')),
        data: split.train,
        seed: deriveSeed(seed, 'dense-batches'),
        phase: `${phase} training (seed ${seed})`,
        objective,
        signal,
        recordEpoch: epochRecord,
        snapshotEpoch: config.prune.schedule === 'rewind' ? Math.min(config.prune.rewindEpoch, config.train.epochs) : undefined,
        onEpoch: (record) => {
          curve.epochs.push(record);
          progress?.advance(1);
          emit({ type: 'epoch', seed, phase, record });
          progress?.report('train-dense', seed, null, 0, `seed ${seed}: ${phase} epoch ${record.epoch}/${config.train.epochs}, loss ${record.loss.toFixed(3)}`);
        },
      });
      const hessian = hooks.hessianFor(seed, null);
      const shared = hessian?.offload?.available() ? ' (λ(H_a) shared with a helper worker)' : '';
      progress?.report(hessian ? 'hessian' : 'measure', seed, null, 0, `seed ${seed}: measuring the ${phase} model${shared}`);
      const measurement = await measureModel(spec, trained.weights, split, hessian);
      progress?.finish();
      dense.set(variant, { weights: trained.weights, measurement, multipliers: objective ? objective.trajectory('dense') : [], wallMs: Date.now() - t0, early: trained.snapshot });
    } finally {
      objective?.dispose();
    }
  }
  return dense;
}
