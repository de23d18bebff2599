import type { RunResult } from '../contract/results';
import type { BatchObjective } from '../train/train-loop';

/** The Lagrangian dual method as a training objective (Section 6.1), for one training phase. */
export interface MitigationObjective extends BatchObjective {
  /** The multiplier trajectory recorded so far, tagged with the phase, in the Results shape (runResultSchema.multipliers). */
  trajectory(phase: 'dense' | 'fine-tune'): RunResult['multipliers'];
  /** Frees every tensor it holds. */
  dispose(): void;
}
