import { configSeeds, prunedRates, type Config, type MitigationMode } from '../contract/config';
import { CancelledError, DivergedError, errorMessage, type EngineEvent, type RunOptions } from '../contract/events';
import { RESULTS_SCHEMA_VERSION, type Results, type RunResult, type TrainingCurve } from '../contract/results';
import type { AssetLoader } from '../data/asset-loader';
import { buildDataset } from '../data/build-dataset';
import type { DatasetSplit } from '../data/dataset';
import type { HessianRequest, ModelMeasurement } from '../metrics/measure-model';
import type { Weights } from '../model/params';
import type { ModelSpec } from '../model/spec';
import { deriveSeed } from '../random';
import { computeCorrelations } from './correlations';
import { measureAtRate } from './measure-rate';
import { modelSpecFor } from './model-spec';
import { buildRunResult } from './run-result';
import type { DenseModel, ExperimentSession, SweepHooks } from './sweep-context';
import { denseVariantOf, plannedModes, type DenseVariant, type PlannedMode } from './sweep-plan';
import { createSweepProgress } from './sweep-progress';
import { trainDenseModels } from './train-dense';

/** The training samples λ(H_a) of a model was computed on: rows of the training split, per group and for λ(H). */
export interface HessianSamples {
  groups: Int32Array[];
  overall: Int32Array;
}

/** A measured model (masks applied), as onModel gets it. */
export interface MeasuredModel {
  seed: number;
  mode: MitigationMode;
  version: RunResult['version'];
  rate: number;
  spec: ModelSpec;
  weights: Weights;
  /** Null where λ(H_a) was not computed for this model (hessian.when). */
  hessianSamples: HessianSamples | null;
}

export interface RunExperimentOptions extends RunOptions {
  loadAsset: AssetLoader;
  backend: { name: string; fallbackReason: string | null };
  onSession?: (s: ExperimentSession) => void;
  /** Called with every measured model (masks applied), e.g. for the CLI's --save-models. */
  onModel?: (m: MeasuredModel) => void | Promise<void>;
  /** Called once the data set is built (the CLI saves the test split). */
  onData?: (split: DatasetSplit) => void | Promise<void>;
}

/** The eigenvectors of a measurement, to warm-start λ(H_a) at the next rate; null when it has none. */
const warmStartOf = (m: ModelMeasurement): HessianRequest['warmStart'] =>
  m.hessian && m.overallHessian ? { groups: m.hessian.map((h) => h.vector), overall: m.overallHessian.vector } : null;

const hessianSamplesOf = (m: ModelMeasurement): HessianSamples | null =>
  m.hessian && m.overallHessian ? { groups: m.hessian.map((h) => h.indices), overall: m.overallHessian.indices } : null;

/**
 * Config → Results, the paper's loop: per seed, train each dense model once, then for each mode and pruning rate
 * prune → fine-tune → measure (measure-rate.ts). Never rejects for a cancelled or diverged run: it resolves with
 * status 'cancelled' or 'failed' and keeps every run that finished.
 */
export async function runExperiment(config: Config, o: RunExperimentOptions): Promise<Results> {
  const started = Date.now();
  const emit = (e: EngineEvent) => o.onEvent?.(e);
  const progress = createSweepProgress(config, emit);
  const runs: RunResult[] = [];
  const training: TrainingCurve[] = [];
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
  const addRun = async (run: RunResult, spec: ModelSpec, weights: Weights, measurement: ModelMeasurement) => {
    await o.onModel?.({ seed: run.seed, mode: run.mode, version: run.version, rate: run.rate, spec, weights, hessianSamples: hessianSamplesOf(measurement) });
    runs.push(run);
    emit({ type: 'run', run });
    emit({ type: 'partial', results: snapshot() });
  };
  const hooks: SweepHooks = {
    emit,
    progress,
    signal: o.signal,
    hessianFor: (seed, warm) => (config.hessian.when === 'off' ? null : { options: config.hessian, seed: deriveSeed(seed, 'hessian'), warmStart: warm, signal: o.signal }),
  };

  try {
    progress.report('data', config.seed, null, null, 'building the data set');
    const data = await buildDataset(config, config.seed, o.loadAsset);
    const { split } = data;
    results = { ...results, dataset: { name: data.name, classNames: split.train.classNames, groupNames: split.train.groupNames, trainSizes: data.trainSizes, testSizes: data.testSizes } };
    await o.onData?.(split);
    const session: ExperimentSession = { config, spec: modelSpecFor(config, split.train), split, dense: new Map() };

    for (const seed of configSeeds(config)) {
      const dense = await trainDenseModels(session, seed, hooks, (curve) => training.push(curve));
      const plain = dense.get('plain');
      if (plain) session.dense.set(seed, plain);
      for (const planned of plannedModes(config)) await sweepMode(session, seed, planned, dense, hooks, addRun);
    }
    o.onSession?.(session);
    progress.report('done', config.seed, null, null, 'done');
    return snapshot();
  } catch (e) {
    if (e instanceof CancelledError) return { ...snapshot(), status: 'cancelled', error: e.message };
    if (e instanceof DivergedError) return { ...snapshot(), status: 'failed', error: e.message };
    return { ...snapshot(), status: 'failed', error: errorMessage(e) };
  }
}

/** One mode of one seed: its dense model as the rate-0 run, then the per-rate step at every pruned rate. */
async function sweepMode(
  session: ExperimentSession,
  seed: number,
  planned: PlannedMode,
  dense: Map<DenseVariant, DenseModel>,
  hooks: SweepHooks,
  addRun: (run: RunResult, spec: ModelSpec, weights: Weights, measurement: ModelMeasurement) => Promise<void>,
): Promise<void> {
  const { config, spec, split } = session;
  const { mode, version } = planned;
  const base = dense.get(denseVariantOf(planned)) as DenseModel;
  const denseRun = buildRunResult({ seed, mode, version, rate: 0, sparsity: 0, paramDistance: 0, split, model: base.measurement, dense: base.measurement, multipliers: base.multipliers, wallMs: base.wallMs, uncertainty: config.uncertainty });
  await addRun(denseRun, spec, base.weights, base.measurement);
  let warm = warmStartOf(base.measurement);
  for (const rate of prunedRates(config)) {
    const hessian = config.hessian.when === 'all' ? hooks.hessianFor(seed, warm) : null;
    const step = await measureAtRate(session, base, { seed, mode, version, rate }, { ...hooks, fineTune: true, hessian });
    warm = warmStartOf(step.measurement) ?? warm;
    await addRun(step.run, spec, step.weights, step.measurement);
  }
}
