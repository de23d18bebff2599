import type { Config, MitigationMode } from '../contract/config';
import { CancelledError, DivergedError, errorMessage, throwIfAborted, type EngineEvent, type RunOptions } from '../contract/events';
import { describeDataProgress } from '../contract/data-progress';
import { RESULTS_SCHEMA_VERSION, type Results, type RunResult, type TrainingCurve } from '../contract/results';
import type { AssetLoader } from '../data/asset-loader';
import { buildDataset } from '../data/build-dataset';
import type { ImageCollectionLoader } from '../data/images-dataset';
import type { DatasetSplit } from '../data/dataset';
import type { HessianOffload } from '../metrics/hessian-jobs';
import type { HessianRequest, ModelMeasurement } from '../metrics/measure-model';
import type { Weights } from '../model/params';
import type { ModelSpec } from '../model/spec';
import { deriveSeed } from '../random';
import { computeCorrelations } from './correlations';
import { measureAtRate } from './measure-rate';
import { modelSpecFor } from './model-spec';
import { buildRunResult } from './run-result';
import type { DenseModel, ExperimentSession, SweepHooks } from './sweep-context';
import { pieceModes, planPieces, type SweepPiece } from './sweep-pieces';
import { sortRuns, sortTraining } from './sweep-order';
import type { PlannedMode } from './sweep-plan';
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
  /** Decoded user data for a config of kind 'images' (the CLI reads --data-dir, the page its cache). */
  loadImages?: ImageCollectionLoader;
  /** The share of the sweep to run (sweep-pieces.ts: a shard, or a parallel job's share); the whole sweep if absent. */
  pieces?: SweepPiece[];
  /** A helper worker that computes some of each measurement's λ jobs beside this one (the page's, on wasm). */
  hessianOffload?: HessianOffload;
}

/** The eigenvectors of a measurement, to warm-start λ(H_a) at the next rate; null when it has none. */
const warmStartOf = (m: ModelMeasurement): HessianRequest['warmStart'] =>
  m.hessian && m.overallHessian ? { groups: m.hessian.map((h) => h.vector), overall: m.overallHessian.vector } : null;

const hessianSamplesOf = (m: ModelMeasurement): HessianSamples | null =>
  m.hessian && m.overallHessian ? { groups: m.hessian.map((h) => h.indices), overall: m.overallHessian.indices } : null;

/** Results with no runs and no data set yet: what a sweep starts from, and the answer to a run cancelled before it began. */
export function emptyResults(config: Config, backend: Results['backend'], started = Date.now()): Results {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    config,
    backend,
    createdAt: new Date(started).toISOString(),
    durationMs: 0,
    dataset: { name: '', classNames: [], groupNames: [], trainSizes: [], testSizes: [] },
    runs: [],
    training: [],
    correlations: [],
    status: 'complete',
    error: null,
  };
}

/**
 * Config → Results, the paper's loop: per seed, train each dense model once, then for each mode and pruning rate
 * prune → fine-tune → measure (measure-rate.ts). Never rejects for a cancelled or diverged run: it resolves with
 * status 'cancelled' or 'failed' and keeps every run that finished.
 */
export async function runExperiment(config: Config, o: RunExperimentOptions): Promise<Results> {
  const started = Date.now();
  const emit = (e: EngineEvent) => o.onEvent?.(e);
  const pieces = o.pieces ?? planPieces(config);
  const progress = createSweepProgress(config, emit, pieces);
  const runs: RunResult[] = [];
  const training: TrainingCurve[] = [];
  let results: Results = { ...emptyResults(config, o.backend, started), runs, training };
  // Runs and curves in the serial sweep's order whatever order the pieces ran in, so a sharded and merged sweep
  // writes the same file as a serial one.
  const snapshot = (): Results => {
    const ordered = sortRuns(config, runs);
    return { ...results, runs: ordered, training: sortTraining(training), correlations: computeCorrelations(ordered), durationMs: Date.now() - started };
  };
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
    hessianFor: (seed, warm) => (config.hessian.when === 'off' ? null : { options: config.hessian, seed: deriveSeed(seed, 'hessian'), warmStart: warm, signal: o.signal, offload: o.hessianOffload }),
  };

  try {
    // Cancelled before it began (while the backend started): no data set is built for nothing.
    throwIfAborted(o.signal);
    progress.report('data', config.seed, null, null, 'building the data set');
    const data = await buildDataset(config, config.seed, o.loadAsset, (p) => progress.report('data', config.seed, null, null, describeDataProgress(p)), o.loadImages);
    const { split } = data;
    results = { ...results, dataset: { name: data.name, classNames: split.train.classNames, groupNames: split.train.groupNames, trainSizes: data.trainSizes, testSizes: data.testSizes } };
    await o.onData?.(split);
    const session: ExperimentSession = { config, spec: modelSpecFor(config, split.train), split, dense: new Map() };

    for (const piece of pieces) {
      const dense = (await trainDenseModels(session, piece.seed, hooks, (curve) => piece.withDense && training.push(curve), [piece.variant])).get(piece.variant) as DenseModel;
      if (piece.variant === 'plain') session.dense.set(piece.seed, dense);
      for (const planned of pieceModes(config, piece)) await sweepMode(session, piece, planned, dense, hooks, addRun);
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

/** One mode of a piece: its dense model as the rate-0 run (in the piece that owns it), then the per-rate step at the piece's rates. */
async function sweepMode(
  session: ExperimentSession,
  piece: SweepPiece,
  planned: PlannedMode,
  base: DenseModel,
  hooks: SweepHooks,
  addRun: (run: RunResult, spec: ModelSpec, weights: Weights, measurement: ModelMeasurement) => Promise<void>,
): Promise<void> {
  const { config, spec, split } = session;
  const { mode, version } = planned;
  const { seed } = piece;
  if (piece.withDense) {
    const denseRun = buildRunResult({ seed, mode, version, rate: 0, sparsity: 0, paramDistance: 0, split, model: base.measurement, dense: base.measurement, multipliers: base.multipliers, wallMs: base.wallMs, uncertainty: config.uncertainty });
    await addRun(denseRun, spec, base.weights, base.measurement);
  }
  let warm = warmStartOf(base.measurement);
  for (const rate of piece.rates) {
    const hessian = config.hessian.when === 'all' ? hooks.hessianFor(seed, warm) : null;
    const step = await measureAtRate(session, base, { seed, mode, version, rate }, { ...hooks, fineTune: true, hessian });
    warm = warmStartOf(step.measurement) ?? warm;
    await addRun(step.run, spec, step.weights, step.measurement);
  }
}
