import { buildDataset } from '../data/build-dataset';
import type { DatasetSplit } from '../data/dataset';
import type { AssetLoader } from '../data/asset-loader';
import { computeCorrelations } from './correlations';
import { epochRecord } from '../metrics/epoch-record';
import { measureModel, type HessianRequest, type ModelMeasurement } from '../metrics/measure-model';
import { buildRunResult } from './run-result';
import { createMitigationObjective } from '../mitigate/mitigation-objective';
import { initWeights, weightDistance, type Weights } from '../model/params';
import type { ModelSpec } from '../model/spec';
import { weightSparsity } from '../prune/mask';
import { pruneWeights } from '../prune/prune';
import { deriveSeed } from '../random';
import { train } from '../train/train-loop';
import { configRates, configSeeds, type Config, type MitigationMode } from '../contract/config';
import { CancelledError, DivergedError, throwIfAborted, type EngineEvent, type RunOptions, type RunPhase } from '../contract/events';
import { modelSpecFor } from './model-spec';
import { RESULTS_SCHEMA_VERSION, type Results, type RunResult, type TrainingCurve } from '../contract/results';
import { denseVariantOf, fineTuneEpochs, mitigatedFineTune, plannedModes, plannedVariants, sweepUnits, type DenseVariant } from './sweep-plan';

export interface DenseModel {
  weights: Weights;
  measurement: ModelMeasurement;
  multipliers: RunResult['multipliers'];
  /** Wall time of training and measuring it, ms (the dense run's wallMs: Table 1 compares it across versions). */
  wallMs: number;
}

/** What the worker keeps after a run, so the slider can ask for a quick prune-and-evaluate at a new rate. */
export interface ExperimentSession {
  config: Config;
  spec: ModelSpec;
  split: DatasetSplit;
  /** The plain dense model of each seed. */
  dense: Map<number, DenseModel>;
}

export interface RunExperimentOptions extends RunOptions {
  loadAsset: AssetLoader;
  backend: { name: string; fallbackReason: string | null };
  onSession?: (s: ExperimentSession) => void;
  /** Called with every measured model (masks applied), e.g. for the CLI's --save-models. */
  onModel?: (m: { seed: number; mode: MitigationMode; version: RunResult['version']; rate: number; spec: ModelSpec; weights: Weights }) => void | Promise<void>;
  /** Called once the data set is built (the CLI saves the test split). */
  onData?: (split: DatasetSplit) => void | Promise<void>;
}

/**
 * Config → Results: per seed, train each dense variant once, then for each mode and rate prune → fine-tune →
 * measure. Never rejects for a cancelled or diverged run: it resolves with status 'cancelled' or 'failed' and keeps
 * every run that finished.
 */
export async function runExperiment(config: Config, o: RunExperimentOptions): Promise<Results> {
  const started = Date.now();
  const emit = (e: EngineEvent) => o.onEvent?.(e);
  const runs: RunResult[] = [];
  const training: TrainingCurve[] = [];
  const units = sweepUnits(config);
  let done = 0;
  let results: Results = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    config,
    backend: o.backend,
    createdAt: new Date(started).toISOString(),
    durationMs: 0,
    dataset: { name: '', classNames: [], groupNames: [], trainSizes: [], testSizes: [] },
    runs,
    training,
    correlations: [],
    status: 'complete',
    error: null,
  };
  const snapshot = (): Results => ({ ...results, runs: [...runs], training: [...training], correlations: computeCorrelations(runs), durationMs: Date.now() - started });
  const progress = (phase: RunPhase, seed: number, mode: MitigationMode | null, rate: number | null, message: string) =>
    emit({ type: 'progress', phase, fraction: Math.min(1, done / units.total), seed, mode, rate, message });
  const addRun = (run: RunResult) => {
    runs.push(run);
    emit({ type: 'run', run });
    emit({ type: 'partial', results: snapshot() });
  };

  try {
    progress('data', config.seed, null, null, 'building the data set');
    const data = await buildDataset(config, config.seed, o.loadAsset);
    const { split } = data;
    results = { ...results, dataset: { name: data.name, classNames: split.train.classNames, groupNames: split.train.groupNames, trainSizes: data.trainSizes, testSizes: data.testSizes } };
    const spec = modelSpecFor(config, split.train);
    await o.onData?.(split);
    const session: ExperimentSession = { config, spec, split, dense: new Map() };
    const hessianSeed = (seed: number) => deriveSeed(seed, 'hessian');
    const hessianFor = (seed: number, warm: HessianRequest['warmStart']): HessianRequest | null =>
      config.hessian.when === 'off' ? null : { options: config.hessian, seed: hessianSeed(seed), warmStart: warm, signal: o.signal };

    for (const seed of configSeeds(config)) {
      const dense = new Map<DenseVariant, DenseModel>();
      for (const variant of plannedVariants(config)) {
        throwIfAborted(o.signal);
        const mitigation = variant === 'plain' ? null : variant;
        const mitigated = mitigation !== null;
        const phaseName = mitigated ? (config.mitigation.compareVersions ? `dense-mitigated-${variant}` : 'dense-mitigated') : 'dense';
        const t0 = Date.now();
        emit({ type: 'phase', seed, mode: null, rate: 0, phase: 'train-dense', mitigated });
        progress('train-dense', seed, null, 0, `seed ${seed}: training the ${mitigated ? 'mitigated ' : ''}dense model`);
        const objective = mitigation ? createMitigationObjective({ settings: config.mitigation, spec, data: split.train, seed, version: mitigation }) : undefined;
        const curve: TrainingCurve = { seed, phase: phaseName, epochs: [] };
        training.push(curve);
        try {
          const trained = await train({
            ...config.train,
            spec,
            weights: initWeights(spec, deriveSeed(seed, 'init')),
            data: split.train,
            seed: deriveSeed(seed, 'dense-batches'),
            phase: `${phaseName} training (seed ${seed})`,
            objective,
            signal: o.signal,
            recordEpoch: epochRecord,
            onEpoch: (record) => {
              curve.epochs.push(record);
              done++;
              emit({ type: 'epoch', seed, phase: phaseName, record });
              progress('train-dense', seed, null, 0, `seed ${seed}: ${phaseName} epoch ${record.epoch}/${config.train.epochs}, loss ${record.loss.toFixed(3)}`);
            },
          });
          progress(config.hessian.when === 'off' ? 'measure' : 'hessian', seed, null, 0, `seed ${seed}: measuring the ${phaseName} model`);
          const measurement = await measureModel(spec, trained.weights, split, hessianFor(seed, null));
          done += units.denseUnits - config.train.epochs;
          dense.set(variant, { weights: trained.weights, measurement, multipliers: objective ? objective.trajectory('dense') : [], wallMs: Date.now() - t0 });
        } finally {
          objective?.dispose();
        }
      }
      const plain = dense.get('plain');
      if (plain) session.dense.set(seed, plain);

      for (const planned of plannedModes(config)) {
        const { mode, version } = planned;
        const base = dense.get(denseVariantOf(planned)) as DenseModel;
        await o.onModel?.({ seed, mode, version, rate: 0, spec, weights: base.weights });
        addRun(buildRunResult({ seed, mode, version, rate: 0, sparsity: 0, paramDistance: 0, split, model: base.measurement, dense: base.measurement, multipliers: base.multipliers, wallMs: base.wallMs }));
        let warm: HessianRequest['warmStart'] = base.measurement.hessian && base.measurement.overallHessian
          ? { groups: base.measurement.hessian.map((h) => h.vector), overall: base.measurement.overallHessian.vector }
          : null;
        for (const rate of configRates(config).filter((r) => r > 0)) {
          throwIfAborted(o.signal);
          const t0 = Date.now();
          progress('prune', seed, mode, rate, `seed ${seed}, ${mode}: pruning ${Math.round(rate * 100)}%`);
          const pruned = pruneWeights(base.weights, rate, config.prune.method, { pruneBiases: config.prune.pruneBiases, seed: deriveSeed(seed, 'prune') });
          const mitigated = mitigatedFineTune(mode);
          const epochs = fineTuneEpochs(config, mode);
          let weights = pruned.weights;
          // The dense phase's trajectory (before, both) followed by the fine-tuning one (after, both).
          let multipliers: RunResult['multipliers'] = base.multipliers;
          if (epochs > 0) {
            emit({ type: 'phase', seed, mode, rate, phase: 'fine-tune', mitigated });
            progress('fine-tune', seed, mode, rate, `seed ${seed}, ${mode}: ${mitigated ? 'mitigated ' : ''}fine-tuning at ${Math.round(rate * 100)}%`);
            const objective = mitigated && version ? createMitigationObjective({ settings: config.mitigation, spec, data: split.train, seed: deriveSeed(seed, 'ft', rate), version }) : undefined;
            try {
              const tuned = await train({
                ...config.train,
                learningRate: config.train.learningRate * config.prune.fineTuneLrScale,
                epochs,
                spec,
                weights,
                data: split.train,
                seed: deriveSeed(seed, 'fine-tune-batches', rate),
                phase: `fine-tuning at ${Math.round(rate * 100)}% (seed ${seed}, ${mode})`,
                masks: pruned.masks,
                objective,
                signal: o.signal,
              });
              weights = tuned.weights;
              if (objective) multipliers = [...base.multipliers, ...objective.trajectory('fine-tune')];
            } finally {
              objective?.dispose();
            }
          }
          done += epochs;
          progress(config.hessian.when === 'all' ? 'hessian' : 'measure', seed, mode, rate, `seed ${seed}, ${mode}: measuring at ${Math.round(rate * 100)}%`);
          const measurement = await measureModel(spec, weights, split, config.hessian.when === 'all' ? hessianFor(seed, warm) : null);
          if (measurement.hessian && measurement.overallHessian) warm = { groups: measurement.hessian.map((h) => h.vector), overall: measurement.overallHessian.vector };
          done += units.runUnits(mode) - epochs;
          await o.onModel?.({ seed, mode, version, rate, spec, weights });
          addRun(buildRunResult({
            seed, mode, version, rate, split, model: measurement, dense: base.measurement, multipliers,
            sparsity: weightSparsity(weights, weights.specs, config.prune.pruneBiases),
            paramDistance: weightDistance(weights, base.weights),
            wallMs: Date.now() - t0,
          }));
        }
      }
    }
    o.onSession?.(session);
    progress('done', config.seed, null, null, 'done');
    return snapshot();
  } catch (e) {
    if (e instanceof CancelledError) return { ...snapshot(), status: 'cancelled', error: e.message };
    if (e instanceof DivergedError) return { ...snapshot(), status: 'failed', error: e.message };
    return { ...snapshot(), status: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}
