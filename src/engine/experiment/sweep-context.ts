import type { Config, MitigationMode } from '../contract/config';
import type { EngineEvent } from '../contract/events';
import type { RunResult } from '../contract/results';
import type { DatasetSplit } from '../data/dataset';
import type { HessianRequest, ModelMeasurement } from '../metrics/measure-model';
import type { Weights } from '../model/params';
import type { ModelSpec } from '../model/spec';
import type { SweepProgress } from './sweep-progress';

/** A trained dense model θ̂ with its measurement: what every pruning rate of its modes starts from. */
export interface DenseModel {
  weights: Weights;
  measurement: ModelMeasurement;
  multipliers: RunResult['multipliers'];
  /** Wall time of training and measuring it, ms (the dense run's wallMs: Table 1 compares it across versions). */
  wallMs: number;
  /** Its weights after prune.rewindEpoch epochs, kept when prune.schedule is rewind. */
  early?: Weights | null;
}

/** What the worker keeps after a run, so the slider can ask for a quick prune-and-evaluate at a new rate. */
export interface ExperimentSession {
  config: Config;
  spec: ModelSpec;
  split: DatasetSplit;
  /** The plain dense model of each seed. */
  dense: Map<number, DenseModel>;
}

/** One point of the sweep: a seed, a mode (with its mitigation version) and a pruning rate. */
export interface SweepPoint {
  seed: number;
  mode: MitigationMode;
  version: RunResult['version'];
  rate: number;
}

/** What the steps of one sweep share besides the session: its hooks and its cancellation. */
export interface SweepHooks {
  emit: (e: EngineEvent) => void;
  progress: SweepProgress | null;
  signal?: AbortSignal;
  /** The λ(H_a) request for a seed's measurement (warm-started from the previous rate), or null when off. */
  hessianFor: (seed: number, warm: HessianRequest['warmStart']) => HessianRequest | null;
}
