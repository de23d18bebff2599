import type { MitigationVersion } from './config';

// What a run will cost, said before Run (issue 10's "costs made visible"): the worker times a few steps of the
// configured model on the current backend (experiment/calibrate.ts) and scales them by the sweep's work
// (experiment/estimate-run.ts). Plain data, so the page shows it and the progress bar starts its ETA from it.

/** Seconds per sample of each kind of work, timed on a few batches of the configured model and data. */
export interface Calibration {
  /** The backend that was timed (the one the run will use). */
  backend: string;
  /** One optimizer step (forward, backward, update) with plain cross-entropy, per training sample. */
  trainSample: number;
  /** The same step under each mitigation version the config trains with (its Lagrangian), per sample. */
  mitigatedSample: Partial<Record<MitigationVersion, number>>;
  /** A forward pass (evaluation: the epoch records and the test and training metrics), per sample. */
  forwardSample: number;
  /** A gradient without an update (the per-group gradient norms), per sample. */
  gradSample: number;
  /** One Hessian-vector product, per sample; null when the config computes no λ(H_a). */
  hvpSample: number | null;
  /** Training-split size of each group and the test split's size (the data set the run will build). */
  trainSizes: number[];
  testSize: number;
  /** How long the calibration took, ms (data set built, steps timed). */
  ms: number;
}

/** A run's estimated time, split by what it is spent on. */
export interface RunEstimate {
  backend: string;
  seconds: number;
  parts: { training: number; measuring: number; hessian: number };
}

/** Past this, the page warns before Run: a run a class can wait for is a few minutes at most (issue 13). */
export const ESTIMATE_WARN_SECONDS = 180;

export const estimateWarns = (e: RunEstimate): boolean => e.seconds > ESTIMATE_WARN_SECONDS;

/** A rounded, human time: "under 10 seconds", "about 40 seconds", "about 3 minutes", "about 1.5 hours". */
export function roughDuration(seconds: number): string {
  if (seconds < 10) return 'under 10 seconds';
  if (seconds < 90) return `about ${Math.round(seconds / 10) * 10} seconds`;
  const minutes = seconds / 60;
  if (minutes < 90) return `about ${Math.round(minutes)} minute${Math.round(minutes) === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  return `about ${hours < 10 ? Math.round(hours * 2) / 2 : Math.round(hours)} hours`;
}

/** "about 3 minutes on wasm". */
export const describeEstimate = (e: RunEstimate): string => `${roughDuration(e.seconds)} on ${e.backend}`;
