import type { EpochRecord, Results, RunResult, TrainingPhase } from './results';
import type { MitigationMode } from './config';

// What the runner streams while it works: the worker forwards these as messages, the CLI draws a progress bar.

export type RunPhase = 'data' | 'train-dense' | 'prune' | 'fine-tune' | 'measure' | 'hessian' | 'done';

export type EngineEvent =
  | {
      type: 'progress';
      phase: RunPhase;
      /** Fraction of the whole sweep done, in [0, 1]. */
      fraction: number;
      seed: number;
      mode: MitigationMode | null;
      rate: number | null;
      message: string;
    }
  /** A training phase starts: which model is trained and whether the mitigation is applied (Section 6.2's modes). */
  | { type: 'phase'; seed: number; mode: MitigationMode | null; rate: number; phase: 'train-dense' | 'fine-tune'; mitigated: boolean }
  /** A dense-training (or fine-tuning) epoch finished. */
  | { type: 'epoch'; seed: number; phase: TrainingPhase; record: EpochRecord }
  /** One (seed, mode, rate) point is measured; charts can grow with it. */
  | { type: 'run'; run: RunResult }
  /** Partial results so far (same shape as the final ones, status 'complete' only at the end). */
  | { type: 'partial'; results: Results };

export interface RunOptions {
  onEvent?: (e: EngineEvent) => void;
  /** Aborting stops the run at the next batch; the promise rejects with a CancelledError. */
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'CancelledError';
  }
}

export class DivergedError extends Error {
  constructor(public readonly where: string) {
    super(`training diverged (loss became NaN or infinite) during ${where}: try a smaller learning rate`);
    this.name = 'DivergedError';
  }
}

/** What to tell the user about anything thrown: an Error's message, else the value as text. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
