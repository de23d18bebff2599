import type { MitigationMode } from '../contract/config';
import type { EngineEvent, RunPhase } from '../contract/events';

/**
 * The progress fraction of a sweep, counted in the work units of sweep-plan's sweepUnits. Work is done in blocks
 * whose size comes from the same plan (a dense model: denseUnits; a pruned model: runUnits(mode)); finishing a block
 * moves the count to the block's end whatever was advanced inside it, so the count cannot drift from the plan and
 * reaches exactly the total when the sweep ends.
 */
export interface SweepProgress {
  /** Starts a block of `units` (the previous block, if open, is finished first). */
  begin(units: number): void;
  /** Advances inside the open block (an epoch), never past its end. */
  advance(units: number): void;
  /** Finishes the open block. */
  finish(): void;
  /** Emits a progress event at the current fraction. */
  report(phase: RunPhase, seed: number, mode: MitigationMode | null, rate: number | null, message: string): void;
}

export function createSweepProgress(total: number, emit: (e: EngineEvent) => void): SweepProgress {
  let done = 0;
  let blockEnd = 0;
  const progress: SweepProgress = {
    begin(units) {
      progress.finish();
      blockEnd = done + units;
    },
    advance(units) {
      done = Math.min(blockEnd, done + units);
    },
    finish() {
      done = Math.max(done, blockEnd);
    },
    report(phase, seed, mode, rate, message) {
      emit({ type: 'progress', phase, fraction: Math.min(1, done / total), seed, mode, rate, message });
    },
  };
  return progress;
}
