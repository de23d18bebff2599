import type { Config, MitigationMode } from '../contract/config';
import type { EngineEvent, RunPhase } from '../contract/events';
import { pieceModes, type SweepPiece } from './sweep-pieces';
import { sweepUnits } from './sweep-plan';

/**
 * The progress fraction of a sweep, counted in the work units of sweep-plan's sweepUnits, which it alone reads: work
 * is done in blocks the plan sizes (a dense model, a pruned model of a mode), and finishing a block moves the count to
 * the block's end whatever was advanced inside it, so the count cannot drift from the plan and reaches exactly the
 * total when the sweep ends.
 */
export interface SweepProgress {
  /** Starts the block of a dense model: its training epochs and its measurement (an open block is finished first). */
  beginDense(): void;
  /** Starts the block of a pruned model of this mode: its fine-tuning epochs and its measurement. */
  beginRate(mode: MitigationMode): void;
  /** Advances inside the open block (an epoch), never past its end. */
  advance(units: number): void;
  /** Finishes the open block. */
  finish(): void;
  /** Emits a progress event at the current fraction. */
  report(phase: RunPhase, seed: number, mode: MitigationMode | null, rate: number | null, message: string): void;
}

export function createSweepProgress(config: Config, emit: (e: EngineEvent) => void, pieces: SweepPiece[]): SweepProgress {
  const units = sweepUnits(config);
  // The work of the pieces this run measures (a shard's share of the sweep, or all of it).
  const total = Math.max(1, pieces.reduce((s, p) => s + units.denseUnits + pieceModes(config, p).reduce((t, m) => t + p.rates.length * units.runUnits(m.mode), 0), 0));
  let done = 0;
  let blockEnd = 0;
  const begin = (size: number) => {
    progress.finish();
    blockEnd = done + size;
  };
  const progress: SweepProgress = {
    beginDense: () => begin(units.denseUnits),
    beginRate: (mode) => begin(units.runUnits(mode)),
    advance(n) {
      done = Math.min(blockEnd, done + n);
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
